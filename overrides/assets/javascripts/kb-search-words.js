// Chinese search, cut into words by the same dictionary at both ends (kbsite/search_words.py):
// the build indexed a copy of the pages with a space between the words of each run of Han
// characters, cut by ICU; a query is cut here by the browser's Intl.Segmenter, which is ICU too.
(function () {
  var RUN = /[\u3400-\u9fff\uf900-\ufaff]{2,}/g;
  // A space the build put between two Han characters, or a Han character and Chinese
  // punctuation (kbsite/search_words.py), maybe next to Pagefind's <mark> tags.
  var CHINESE = "[\u3400-\u9fff\uf900-\ufaff\u3001-\u303f\uff01-\uff65\u2018-\u201f\u2026]";
  var BREAK = new RegExp("(" + CHINESE + "(?:</?mark>)?) ((?:</?mark>)?)(?=" + CHINESE + ")", "g");

  // The query with each run of Han characters cut into words ("記憶體分配" -> "記憶體 分配"),
  // for the site's `locale`; unchanged without one, or in a browser without Intl.Segmenter
  // (the run is then looked up whole, which still finds the pages starting with it).
  var segmenter = null; // made at the first query: the page has one locale
  function cut(locale, query) {
    if (!locale || typeof Intl.Segmenter !== "function") return query;
    segmenter = segmenter || new Intl.Segmenter(locale, { granularity: "word" });
    return query.replace(RUN, function (run) {
      return Array.from(segmenter.segment(run), function (part) { return part.segment; }).join(" ");
    });
  }

  // Text or excerpt markup from the index as the page writes it: without the build's spaces.
  function joined(locale, text) {
    return locale ? text.replace(BREAK, "$1$2") : text;
  }

  window.kbSearchWords = { cut: cut, joined: joined };
})();
