/*
 * Starts downloading the page's data while the app's scripts load (a classic script in <head>: it runs
 * as the page is parsed): a story's own file for ?map=<id> (and nothing of the other stories), or the
 * whole atlas's ranges, which say whether its events come whole (events.geojson) or as a large
 * archive's compact index (events.index.json), so the events are not preloaded. src/map/data.ts fetches the same URLs, which the browser then takes
 * from these preloads. The id rule is STORY_ID in src/contract.ts.
 */
(function () {
  var id = new URLSearchParams(location.search).get('map');
  var files = id && /^[a-z0-9][a-z0-9-]{0,63}$/.test(id) ? ['data/maps/' + id + '.json'] : ['data/ranges.geojson'];
  for (var i = 0; i < files.length; i++) {
    var link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = './' + files[i];
    document.head.appendChild(link);
  }
})();
