/*
 * Leverage Lens host script: sizes Leverage Lens iframes to their content.
 *
 *   <script src="https://YOUR-LEVERAGE-LENS-HOST/leverage-lens-host.js" defer></script>
 *   <script src="…/leverage-lens-host.js" data-origins="https://lens.example.org https://cdn.example.net" defer></script>
 *
 * The embed page posts { type: 'leverage-lens:height', id, height } to its parent once it has rendered and whenever
 * its content changes size. This script acts on a message only when all of these hold:
 *   - it comes from one of this page's iframes (its contentWindow is the message's source);
 *   - that iframe's src is a Leverage Lens embed page (a path ending in /embed.html) at the message's own origin;
 *   - that origin is allowed: the origin this script was loaded from, plus any listed (space-separated) in the
 *     script tag's data-origins attribute; an opaque origin ("null": data:, sandboxed frames) never is;
 *   - the id matches the id in that iframe's URL (when it has one), and the height is a finite number.
 * The height is clamped to 120–6000 px and to the frame's own CSS min-height/max-height. Nothing else in the
 * message is read. Until a frame's first message it keeps the height its author gave it.
 *
 * When it starts (and again on load) it asks each allowed embed, at its origin, for its height with
 * { type: 'leverage-lens:measure' }, since a frame may have rendered before this script was listening.
 */
(function () {
  'use strict';
  var HEIGHT = 'leverage-lens:height';
  var MEASURE = 'leverage-lens:measure';
  var MIN_HEIGHT = 120;
  var MAX_HEIGHT = 6000;
  var EMBED_PAGE = /\/embed\.html$/;

  function originOf(text, base) {
    try {
      var origin = new URL(text, base).origin;
      return origin === 'null' ? null : origin;
    } catch (error) {
      return null;
    }
  }

  var script = document.currentScript;
  var allowed = [];
  var own = script && script.src ? originOf(script.src, document.baseURI) : null;
  if (own !== null) allowed.push(own);
  var listed = script ? (script.getAttribute('data-origins') || '').split(/\s+/) : [];
  for (var index = 0; index < listed.length; index += 1) {
    var extra = listed[index] === '' ? null : originOf(listed[index], document.baseURI);
    if (extra !== null) allowed.push(extra);
  }

  /** The frame's embed URL when it is a Leverage Lens embed page at an allowed origin, else null. */
  function embedUrl(frame) {
    var url;
    try {
      url = new URL(frame.src, document.baseURI);
    } catch (error) {
      return null;
    }
    if (url.origin === 'null' || allowed.indexOf(url.origin) < 0 || !EMBED_PAGE.test(url.pathname)) return null;
    return url;
  }

  function frameFor(event) {
    if (event.origin === 'null' || allowed.indexOf(event.origin) < 0) return null;
    var frames = document.getElementsByTagName('iframe');
    for (var index = 0; index < frames.length; index += 1) {
      var frame = frames[index];
      if (frame.contentWindow !== event.source) continue;
      var url = embedUrl(frame);
      if (url === null || url.origin !== event.origin) return null;
      return { frame: frame, id: url.searchParams.get('id') };
    }
    return null;
  }

  /** A CSS length in px from getComputedStyle, or the fallback when it is none/auto/not in px. */
  function pixels(text, fallback) {
    var value = /px$/.test(text) ? parseFloat(text) : NaN;
    return isFinite(value) ? value : fallback;
  }

  function clampFor(frame, height) {
    var style = getComputedStyle(frame);
    var low = Math.max(MIN_HEIGHT, pixels(style.minHeight, MIN_HEIGHT));
    var high = Math.min(MAX_HEIGHT, pixels(style.maxHeight, MAX_HEIGHT));
    return Math.max(low, Math.min(high, Math.ceil(height)));
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (data === null || typeof data !== 'object' || data.type !== HEIGHT) return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height) || height <= 0) return;
    var match = frameFor(event);
    if (match === null) return;
    if (match.id !== null && data.id !== match.id) return;
    var clamped = clampFor(match.frame, height);
    // Through the CSSOM (a strict style-src does not govern it), never a style attribute.
    match.frame.style.height = clamped + 'px';
    match.frame.setAttribute('data-leverage-lens-height', String(clamped));
  });

  // Frames that rendered before this script posted their height to nobody: ask each allowed embed, at its own
  // origin, to say it again. One that has not rendered yet stays silent and posts by itself when it has.
  function measure() {
    var frames = document.getElementsByTagName('iframe');
    for (var index = 0; index < frames.length; index += 1) {
      var frame = frames[index];
      var url = embedUrl(frame);
      if (url === null || frame.contentWindow === null) continue;
      frame.contentWindow.postMessage({ type: MEASURE }, url.origin);
    }
  }
  measure();
  window.addEventListener('load', measure);
})();
