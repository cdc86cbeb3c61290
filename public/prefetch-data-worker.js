/*
 * The worker public/preload-data.js starts: fetches ranges.geojson, then the large archive's compact
 * index that ranges.geojson names (its member `events_index`), and posts each file's text to the page as
 * it arrives ({ file, result }), then { done: true }. The page's own thread is busy starting the map when
 * ranges.geojson arrives; this thread is not, so the index's download starts at once.
 */
var get = function (url) {
  return fetch(url).then(
    function (r) {
      return r.text().then(
        function (text) {
          return { ok: r.ok, status: r.status, statusText: r.statusText, text: text };
        },
        function (err) {
          return { ok: r.ok, status: r.status, statusText: r.statusText, broken: String((err && err.message) || err) };
        },
      );
    },
    function (err) {
      return { failed: String((err && err.message) || err) };
    },
  );
};
onmessage = function (e) {
  var data = e.data;
  get(data + 'ranges.geojson').then(function (ranges) {
    postMessage({ file: 'ranges.geojson', result: ranges });
    var name = null;
    try {
      name = ranges.ok ? JSON.parse(ranges.text).events_index : null;
    } catch (err) {}
    if (typeof name !== 'string' || !/^[\w.-]+$/.test(name)) return postMessage({ done: true });
    return get(data + name).then(function (index) {
      postMessage({ file: name, result: index });
      postMessage({ done: true });
    });
  });
};
