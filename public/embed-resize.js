/*
 * Source Atlas — embed-resize.js: sizes Source Atlas iframes to their content, for pages without pym.js.
 *
 *   <iframe src="https://SITE/embed.html" title="…" style="width:100%;height:600px;border:0"></iframe>
 *   <script src="https://SITE/embed-resize.js" async></script>
 *
 * The embed posts `{ "source-atlas-height": { "<id>": <height in CSS px> } }` to its parent whenever
 * its height changes (the shape of Datawrapper's "datawrapper-height" message). This script sets the
 * height of the iframe whose window sent it (matched by window, so any number of embeds work), and on
 * start asks each iframe for its height with `{ "source-atlas-height?": true }`, for embeds that
 * spoke before it ran. One copy per page is enough; more do no harm. No dependencies, nothing global
 * but a guard flag. Plain ES5, so it runs wherever the article does.
 */
(function () {
  'use strict';
  var KEY = 'source-atlas-height';
  var MAX = 20000; // px: a height beyond this is a mistake, not a map
  if (window.__sourceAtlasResize) return;
  window.__sourceAtlasResize = true;

  function frameOf(source) {
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) if (frames[i].contentWindow === source) return frames[i];
    return null;
  }

  window.addEventListener('message', function (e) {
    var data = e.data;
    if (!data || typeof data !== 'object' || !data[KEY] || typeof data[KEY] !== 'object') return;
    var frame = frameOf(e.source);
    if (!frame) return;
    for (var id in data[KEY]) {
      var height = Math.ceil(Number(data[KEY][id]));
      if (height > 0 && height < MAX) {
        frame.style.height = height + 'px';
        frame.setAttribute('height', String(height));
      }
    }
  });

  function ask() {
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      try {
        frames[i].contentWindow.postMessage({ 'source-atlas-height?': true }, '*');
      } catch (err) {
        // A frame without a window (detached): nothing to ask.
      }
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ask);
  else ask();
})();
