/* Koers: the projector screen follows the session by itself. */
(function () {
  'use strict';
  var K = window.Koers;
  var data = K.pageData();
  K.live(data.live, data.seq, function (frame) { K.applyRegions(frame); }, K.connectionBanner(data.texts));

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
