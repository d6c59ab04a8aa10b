/*
 * SEND outcomes in England: responsive chart embeds, for the page that embeds them.
 * Include once, after one or more of our <iframe>s:
 *   <script src="https://<this site>/embed.js" async></script>
 * Each embedded chart tells its height (window.postMessage); this script sets
 * that iframe's height to match, so nothing is cut off and nothing scrolls
 * inside the frame. Without it an iframe keeps its fixed height (640 px), and
 * the chart's title, source and link back stay at its top. No dependencies,
 * no cookies, no tracking.
 */
(function () {
  'use strict';
  if (window.__sendOutcomesEmbed) return;
  window.__sendOutcomesEmbed = true;
  var HEIGHT = 'send-outcomes:embed-height';
  var PING = 'send-outcomes:embed-ping';
  window.addEventListener('message', function (e) {
    var d = e.data;
    if (!d || typeof d !== 'object' || d.type !== HEIGHT) return;
    var h = Math.ceil(Number(d.height));
    if (!(h > 0 && h < 20000)) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === e.source) {
        frames[i].style.height = h + 'px';
        frames[i].setAttribute('height', String(h));
      }
    }
  });
  // Frames that loaded before this script ran: ask them for their height again.
  function ping() {
    var frames = document.querySelectorAll('iframe[data-send-outcomes-embed]');
    for (var i = 0; i < frames.length; i++) {
      try {
        frames[i].contentWindow.postMessage({ type: PING }, '*');
      } catch (err) {
        /* a frame without a window yet: it reports when it loads */
      }
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ping);
  else ping();
})();
