// Written as sw.js when offline reading is switched off (KB_OFFLINE=0): a browser that has the
// help centre's service worker fetches this at its next visit, and it removes itself and
// everything it cached, then reloads the pages it controlled from the network.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const removeCaches = async () => {
        const names = await caches.keys();
        await Promise.all(names.filter((name) => name.startsWith("kb-")).map((name) => caches.delete(name)));
      };
      await removeCaches();
      await self.registration.unregister();
      const pages = await self.clients.matchAll({ type: "window" });
      await Promise.all(pages.map((page) => page.navigate(page.url)));
      // Again: the previous worker may have stored a file while this one was taking over.
      await removeCaches();
    })(),
  );
});
