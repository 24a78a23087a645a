/*
 * Leverage Lens host script: sizes Leverage Lens iframes to their content.
 * <script src="https://YOUR-LEVERAGE-LENS-HOST/leverage-lens-host.js" defer></script>
 *
 * The embed page posts { type: 'leverage-lens:height', id, height } to its parent when its content changes size.
 * A message is used only when it comes from one of this page's iframes (event.source), from that iframe's own
 * origin, carries the id in that iframe's URL (when it has one), and its height is a finite number, which is
 * clamped. Nothing else in the message is read. When it starts (and again on load) it asks each iframe, at that iframe's
 * origin, for its height with { type: 'leverage-lens:measure' }, since a frame may have posted before it was listening.
 */
(function () {
  'use strict';
  var TYPE = 'leverage-lens:height';
  var MIN_HEIGHT = 120;
  var MAX_HEIGHT = 20000;

  function frameFor(event) {
    var frames = document.getElementsByTagName('iframe');
    for (var index = 0; index < frames.length; index += 1) {
      var frame = frames[index];
      if (frame.contentWindow !== event.source) continue;
      var url;
      try {
        url = new URL(frame.src, document.baseURI);
      } catch (error) {
        return null;
      }
      if (url.origin !== event.origin) return null;
      return { frame: frame, id: url.searchParams.get('id') };
    }
    return null;
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (data === null || typeof data !== 'object' || data.type !== TYPE) return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height)) return;
    var match = frameFor(event);
    if (match === null) return;
    if (match.id !== null && data.id !== match.id) return;
    var clamped = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(height)));
    match.frame.style.height = clamped + 'px';
    match.frame.setAttribute('data-leverage-lens-height', String(clamped));
  });

  // Frames that loaded before this script posted their height to nobody: ask each one, at its own origin, to say it
  // again. A frame that is not a Leverage Lens embed ignores the message; one that loads later posts by itself.
  function measure() {
    var frames = document.getElementsByTagName('iframe');
    for (var index = 0; index < frames.length; index += 1) {
      var frame = frames[index];
      var origin;
      try {
        origin = new URL(frame.src, document.baseURI).origin;
      } catch (error) {
        continue;
      }
      if (origin === 'null' || frame.contentWindow === null) continue;
      frame.contentWindow.postMessage({ type: 'leverage-lens:measure' }, origin);
    }
  }
  measure();
  window.addEventListener('load', measure);
})();
