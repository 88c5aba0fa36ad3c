// Offline reading: registers the help centre's service worker (sw.js at the site root, written
// by the build: kbsite/offline), and shows the page's "updated" note when a newer build's worker
// is installed and waiting. Only the reader's click lets it take over; the page then reloads,
// so a page is never shown with the assets of another build. DOM and transport only.
// Last part of the served kb.js (kbsite/bundles.py); the page has the note only when the build
// serves offline reading (not under `make serve`), so without it nothing is registered.
(function () {
  "use strict";
  var note = document.querySelector(".kb-update");
  if (!note || !("serviceWorker" in navigator) || !document.currentScript) return;
  var root = new URL("../../", document.currentScript.src); // kb.js is in assets/javascripts/
  var takingOver = false;

  function offer(registration) {
    if (!note || !registration.waiting || !navigator.serviceWorker.controller) return;
    note.hidden = false;
    note.querySelector("button").onclick = function () {
      takingOver = true;
      if (registration.waiting) registration.waiting.postMessage({ type: "kb-take-over" });
    };
  }

  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (takingOver) location.reload();
  });

  // After the page has loaded: the worker's install fetches the whole precache (1.6 MB), which
  // would otherwise compete with the page's own first requests and main thread.
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });

  function register() {
    navigator.serviceWorker
      .register(new URL("sw.js", root).href, { scope: root.pathname })
      .then(function (registration) {
        if (!registration) return; // blocked (as in automated browsers that say so)
        function watch(installing) {
          if (!installing) return;
          installing.addEventListener("statechange", function () {
            if (installing.state === "installed") offer(registration);
          });
        }
        offer(registration);
        watch(registration.installing); // an update may have started before this page asked
        registration.addEventListener("updatefound", function () { watch(registration.installing); });
      })
      .catch(function (error) {
        // Offline reading is an extra: the page works the same without it.
        console.warn("kb-offline: the service worker could not be registered: " + error);
      });
  }
})();
