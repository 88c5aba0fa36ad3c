// The help centre's service worker, written into the built site as sw.js by kbsite.offline
// (the values in capitals are filled in there). Workbox does the caching: every page, search
// index and asset of this build is precached when the worker installs, so after one visit the
// site opens with no connection; the Python runtime is cached the first time a widget starts.
// A new deploy installs a new worker beside this one and waits: the page shows an "updated"
// note, and only the reader's click lets it take over, so no page of one build is ever shown
// with the assets of another.
/* global workbox, KB_WORKBOX, KB_PRECACHE, KB_RUNTIME_FOLDER, KB_RUNTIME_CACHE, KB_LANGUAGE_FOLDERS */
importScripts(...KB_WORKBOX);

workbox.core.setCacheNameDetails({ prefix: "kb" });
// On a first visit, control the open page at once, so the widget runtime it starts is cached.
// (A later build's worker only activates on the reader's click, then the page reloads.)
workbox.core.clientsClaim();
workbox.precaching.cleanupOutdatedCaches();
// Widget links carry their state in the query string (?version=960): the page is the same.
workbox.precaching.precacheAndRoute(KB_PRECACHE, { ignoreURLParametersMatching: [/.*/] });

// The Python runtime (6 MB over the network, more than a precache should hold) is cached on
// first use, under a name that changes whenever the build's runtime changes.
const siteRoot = new URL("./", self.location);
const runtimePath = new URL(KB_RUNTIME_FOLDER, siteRoot).pathname;
const inRuntime = ({ url }) => url.origin === siteRoot.origin && url.pathname.startsWith(runtimePath);
workbox.routing.registerRoute(inRuntime, new workbox.strategies.CacheFirst({ cacheName: KB_RUNTIME_CACHE }));

// Offline, a page that is not in this build's cache gets its language's 404 page (the catch
// handler only runs for a route, hence the default one).
workbox.routing.setDefaultHandler(new workbox.strategies.NetworkOnly());
workbox.routing.setCatchHandler(async ({ request, url }) => {
  if (request.destination !== "document") return Response.error();
  const folder = KB_LANGUAGE_FOLDERS.find((name) => url.pathname.startsWith(new URL(name, siteRoot).pathname));
  return (await workbox.precaching.matchPrecache(new URL(folder + "404.html", siteRoot).href)) || Response.error();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then((names) =>
      Promise.all(
        names
          .filter((name) => name.startsWith("kb-runtime-") && name !== KB_RUNTIME_CACHE)
          .map((name) => caches.delete(name)),
      ),
    ),
  );
});

// The page's "Reload" button: take over now (the page reloads when this worker controls it).
self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "kb-take-over") self.skipWaiting();
});
