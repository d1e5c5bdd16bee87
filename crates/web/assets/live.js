/* Koers: the live channel shared by the phone, screen and console pages.
   Server-sent events carry complete frames; each frame's id is the session's
   log position. The browser reconnects by itself and sends Last-Event-ID; a
   watchdog also reconnects when the connection goes silent (bad Wi-Fi can
   leave a dead connection that never errors). Written for old phones too:
   no modules, no arrow functions, no build step. */
(function () {
  'use strict';

  function pageData() {
    var el = document.getElementById('koers-data');
    if (!el) { return {}; }
    try { return JSON.parse(el.textContent); } catch (e) { return {}; }
  }

  function csrf() {
    var m = document.querySelector('meta[name=csrf-token]');
    return m ? m.getAttribute('content') : '';
  }

  function fillCsrf(root) {
    var token = csrf();
    var inputs = (root || document).querySelectorAll('input[name=_csrf]');
    for (var i = 0; i < inputs.length; i++) {
      if (!inputs[i].value) { inputs[i].value = token; }
    }
  }

  function applyRegions(frame) {
    var regions = (frame && frame.regions) || {};
    for (var id in regions) {
      if (Object.prototype.hasOwnProperty.call(regions, id)) {
        var el = document.getElementById(id);
        if (el) { el.innerHTML = regions[id]; }
      }
    }
  }

  /* Shows or hides the connection banner (#connection). */
  function connectionBanner(texts) {
    var el = document.getElementById('connection');
    return function (status) {
      if (!el) { return; }
      if (status === 'live') {
        el.hidden = true;
        el.textContent = '';
      } else {
        el.textContent = (texts && texts['js-reconnecting']) || '…';
        el.hidden = false;
      }
    };
  }

  /* Opens the live channel at `url`, starting after log position `seq`. */
  function live(url, seq, onFrame, onStatus) {
    var last = (typeof seq === 'number') ? seq : null;
    var source = null;
    var watchdog = null;
    var delay = 1000;
    var pending = null;

    function status(s) { if (onStatus) { onStatus(s); } }

    function arm() {
      clearTimeout(watchdog);
      // The server sends a ping every 15 s.
      watchdog = setTimeout(restart, 40000);
    }

    function restart() {
      clearTimeout(watchdog);
      if (source) { source.close(); source = null; }
      status('reconnecting');
      clearTimeout(pending);
      pending = setTimeout(open, delay);
      delay = Math.min(delay * 2, 15000);
    }

    function open() {
      var u = url;
      if (last !== null) { u += (u.indexOf('?') < 0 ? '?' : '&') + 'after=' + last; }
      source = new EventSource(u);
      source.addEventListener('open', function () { delay = 1000; status('live'); arm(); });
      source.addEventListener('ping', arm);
      source.addEventListener('frame', function (e) {
        arm();
        var s = parseInt(e.lastEventId, 10);
        if (!isNaN(s)) { last = s; }
        var frame;
        try { frame = JSON.parse(e.data); } catch (err) { return; }
        onFrame(frame, last);
      });
      source.onerror = function () {
        status('reconnecting');
        // CLOSED means the browser gave up (e.g. an error status); we do not.
        if (source && source.readyState === 2) { restart(); }
      };
      arm();
    }

    window.addEventListener('online', function () { delay = 1000; restart(); });
    open();
    return { seq: function () { return last; }, reconnect: restart };
  }

  window.Koers = {
    pageData: pageData,
    csrf: csrf,
    fillCsrf: fillCsrf,
    applyRegions: applyRegions,
    connectionBanner: connectionBanner,
    live: live
  };
})();
