// Adds Material's bundle and ours (kb.js) once the page has painted (hooks/patches/
// after_first_paint.py says why). They run in their order; `async = false` keeps it.
(function () {
  var sources = document.currentScript.getAttribute("data-kb-scripts").split(" ");
  var started = false;

  function start() {
    if (started) return;
    started = true;
    sources.forEach(function (source, at) {
      var script = document.createElement("script");
      script.src = source;
      script.async = false;
      if (at === sources.length - 1) {
        // Said on the page once every script has run (tests wait for it before a key press).
        script.addEventListener("load", function () {
          document.documentElement.setAttribute("data-kb-started", "");
        });
      }
      if (at === 0) {
        // Material's bundle starts when its `document$` sees DOMContentLoaded, which is over by
        // now: hand it the document as that event would have (before kb.js, which subscribes).
        script.addEventListener("load", function () {
          if (window.document$ && typeof window.document$.next === "function") window.document$.next(document);
        });
      }
      document.body.appendChild(script);
    });
  }

  function afterPaint() {
    // A tab opened in the background paints nothing and runs no animation frames: start now.
    if (document.visibilityState === "hidden") return start();
    requestAnimationFrame(function () {
      setTimeout(start, 0); // the frame's paint comes after its animation-frame callbacks
    });
    setTimeout(start, 1000); // should a frame never come
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", afterPaint);
  else afterPaint();
})();
