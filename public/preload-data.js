/*
 * Starts downloading the page's data while the app's scripts load (a classic script in <head>: it runs
 * as the page is parsed).
 * - A story (?map=<id>): its own file, preloaded (and nothing of the other stories). The id rule is
 *   STORY_ID in src/contract.ts.
 * - The whole atlas: ranges.geojson, which says whether its events come whole (events.geojson) or as a large
 *   archive's compact index (its member `events_index`, INDEX_MEMBER in src/contract.ts), and then that
 *   index, fetched by a worker: the page's own thread is busy starting the map when ranges.geojson arrives,
 *   and at 100,000 events the index waited half a second or more for it to read the ranges' name of it.
 *   The worker hands each file's text to the page through `window.atlasPrefetched(file)` (read by
 *   src/map/data.ts, which fetches a file itself when it has none).
 * src/map/data.ts fetches the same URLs.
 */
(function () {
  var id = new URLSearchParams(location.search).get('map');
  var preload = function (file) {
    var link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = './' + file;
    document.head.appendChild(link);
  };
  if (id && /^[a-z0-9][a-z0-9-]{0,63}$/.test(id)) {
    // The embed's "Open the full map" leads to this story (and the step or view its link gives) from the
    // first paint: until the app's scripts load, or if they never do (a slow phone, a blocked script), it
    // led to the atlas's home page. src/embed sets it again as the reader moves.
    // Not on DOMContentLoaded: that waits for the app's module script, slow or not, to have run.
    var toStory = function () {
      var full = document.getElementById('full-map');
      if (!full) return false;
      if (full.getAttribute('href') === './') full.setAttribute('href', './?map=' + id + location.hash);
      return true;
    };
    var watch = new MutationObserver(function () {
      if (toStory()) watch.disconnect();
    });
    watch.observe(document.documentElement, { childList: true, subtree: true });
    // A page without the link (the atlas's own index.html) stops watching once parsed.
    document.addEventListener('DOMContentLoaded', function () {
      watch.disconnect();
    });
    return preload('data/maps/' + id + '.json');
  }
  var worker;
  try {
    // The worker is a file of the site's own (public/prefetch-data-worker.js), not a blob: the strict
    // Content-Security-Policy the README recommends (worker-src 'self') allows it and refuses a blob.
    worker = new Worker(new URL('./prefetch-data-worker.js', document.baseURI).href);
  } catch (err) {
    return preload('data/ranges.geojson');
  }
  var results = {};
  var waiting = {};
  var done = false;
  worker.onmessage = function (e) {
    var m = e.data;
    if (m.done) {
      done = true;
      worker.terminate();
      for (var f in waiting) waiting[f].forEach(function (resolve) { resolve(null); });
      waiting = {};
      return;
    }
    results[m.file] = m.result;
    (waiting[m.file] || []).forEach(function (resolve) { resolve(m.result); });
    delete waiting[m.file];
  };
  worker.onerror = function () {
    worker.onmessage({ data: { done: true } });
  };
  // Each file once: a later load (the studio's new build) fetches it again.
  window.atlasPrefetched = function (file) {
    if (file in results) {
      var result = results[file];
      results[file] = null;
      return Promise.resolve(result);
    }
    if (done) return Promise.resolve(null);
    return new Promise(function (resolve) {
      (waiting[file] = waiting[file] || []).push(function (result) {
        results[file] = null;
        resolve(result);
      });
    });
  };
  worker.postMessage(new URL('./data/', document.baseURI).href);
})();
