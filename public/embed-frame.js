/*
 * SEND outcomes in England: inside an embedded chart (/embed/...). Tells the
 * page that frames it how tall the chart is, whenever that changes (the
 * host's /embed.js then resizes the iframe). Does nothing when not framed.
 */
(function () {
  'use strict';
  if (window.parent === window) return;
  var last = 0;
  function height() {
    var body = document.body;
    var s = window.getComputedStyle(body);
    return Math.ceil(body.getBoundingClientRect().height + parseFloat(s.marginTop) + parseFloat(s.marginBottom));
  }
  function send(force) {
    var h = height();
    if (!force && h === last) return;
    last = h;
    window.parent.postMessage({ type: 'send-outcomes:embed-height', height: h, path: location.pathname }, '*');
  }
  if (window.ResizeObserver) new ResizeObserver(function () { send(false); }).observe(document.body);
  window.addEventListener('load', function () { send(true); });
  window.addEventListener('resize', function () { send(false); });
  document.addEventListener('toggle', function () { send(false); }, true);
  window.addEventListener('message', function (e) {
    if (e.source === window.parent && e.data && e.data.type === 'send-outcomes:embed-ping') send(true);
  });
  send(true);
})();
