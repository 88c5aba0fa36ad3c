// Keeps the header's language switcher pointing at the current page in the other language.
// Material's instant navigation swaps the page content and <head> tags but not the header, so
// after moving around, the switcher would still point at the first page's twin. The build
// writes each page's twins into <meta name="kb:alternate">; this copies them into the links.
// DOM only: which page is whose twin is decided at build time.
(function () {
  function syncLanguageLinks() {
    document.querySelectorAll("a[data-kb-switch]").forEach(function (link) {
      var lang = link.getAttribute("data-kb-switch");
      var meta = document.querySelector('meta[name="kb:alternate"][data-hreflang="' + lang + '"]');
      if (meta) link.href = new URL(meta.getAttribute("content"), location.href).href;
    });
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(syncLanguageLinks);
  } else {
    syncLanguageLinks();
  }
  // A language switch is a full page load: the other language has its own header, search
  // index and html lang, which instant navigation would not replace.
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("a[data-kb-switch]") : null;
    if (!link || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.stopPropagation();
  }, true);
})();
