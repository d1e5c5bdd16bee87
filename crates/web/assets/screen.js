/* Koers: the projector screen follows the session by itself. */
(function () {
  'use strict';
  var K = window.Koers;
  var data = K.pageData();
  K.live(data.live, data.seq, function (frame) { K.applyRegions(frame); }, K.connectionBanner(data.texts));

  // The pitch countdown ticks here; the server only says when time runs out
  // (so a reconnect or a late frame never resets it). Assumes the screen's
  // clock is set right, as laptops' clocks are.
  function tick() {
    var t = document.querySelector('.pitch-timer');
    if (!t) { return; }
    var ends = parseInt(t.getAttribute('data-ends-at'), 10) || 0;
    var left = parseInt(t.getAttribute('data-left'), 10) || 0;
    if (ends > 0) { left = Math.round((ends - Date.now()) / 1000); }
    var s = Math.abs(left);
    t.textContent = (left < 0 ? '-' : '') + Math.floor(s / 60) + ':' + ('0' + (s % 60)).slice(-2);
    t.classList.toggle('over', left <= 0);
  }
  setInterval(tick, 250);

  // Hide the mouse pointer when it is not moving.
  var idle;
  document.addEventListener('mousemove', function () {
    document.body.classList.remove('idle');
    clearTimeout(idle);
    idle = setTimeout(function () { document.body.classList.add('idle'); }, 3000);
  });

  // F toggles full screen.
  document.addEventListener('keydown', function (e) {
    if (e.key !== 'f' && e.key !== 'F') { return; }
    var root = document.documentElement;
    if (!document.fullscreenElement && root.requestFullscreen) {
      root.requestFullscreen();
    } else if (document.exitFullscreen) {
      document.exitFullscreen();
    }
  });
})();
