// Offline reading: registers the help centre's service worker (sw.js at the site root, written
// by the build: kbsite/offline), and shows the page's "updated" note when a newer build's worker
// is installed and waiting. Only the reader's click lets it take over; the page then reloads,
// so a page is never shown with the assets of another build. DOM and transport only.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !document.currentScript) return;
  var root = new URL("../../", document.currentScript.src); // this file is in assets/javascripts/
  var note = document.querySelector(".kb-update");
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
})();
