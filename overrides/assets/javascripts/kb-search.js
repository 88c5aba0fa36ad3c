// The header's search, on Pagefind's JavaScript API (pagefind/pagefind.js, written by the build:
// kbsite/search.py). Pagefind picks the index of the page's <html lang>, so a reader on /zh/
// searches the Chinese pages only, and fetches only the parts of that index a query needs.
// Nothing is fetched until the reader opens the search box. DOM only, built with createElement
// and textContent: an excerpt's text never becomes markup; only Pagefind's <mark> is kept.
// The markup is Material's (partials/kb-search.html), opened by Material's `__search` toggle.
(function () {
  var root = document.querySelector(".kb-search");
  var toggle = document.getElementById("__search");
  if (!root || !toggle) return;
  var input = root.querySelector(".md-search__input");
  var form = root.querySelector(".md-search__form");
  // Resolved now: the header (and this address) stays as it is under instant navigation.
  // This language's bundle (zh/pagefind/pagefind.js on Chinese pages): its results are
  // addresses under this language's root.
  var bundle = new URL(root.getAttribute("data-kb-search-bundle"), location.href).href;
  var languageRoot = new URL("../", bundle).pathname;
  var KEPT = "kb-search:query"; // the query, carried over a language switch (sessionStorage)
  var MAX_RESULTS = 10;
  var RANKED = 20; // results whose text is read to rank a Chinese query (literalFirst)
  var HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
  var engine = null; // the promise of Pagefind, once opened
  // The Traditional site's table for Simplified queries (kbsite/search_aliases.py): 内存 is
  // looked up as 記憶體. Other sites have none.
  var aliasesAt = root.getAttribute("data-kb-search-aliases");
  var aliases = null; // the table, once loaded (kb-search-aliases.js)
  // Chinese sites: the locale their index was cut into words for (kb-search-words.js).
  var words = root.getAttribute("data-kb-search-words");
  var asked = 0; // the number of the latest query; older answers are dropped

  // The result counts, in the page's language: Material writes its texts for its own search in
  // every page's configuration, so the box needs no copy of them (about 0.2 KB a page).
  var texts = JSON.parse(document.getElementById("__config").textContent).translations;
  function text(name, count) {
    return texts["search.result." + name].replace("#", String(count));
  }

  // The results area, Material's markup, is built here rather than sent in every page (0.3 KB
  // a page): without JavaScript the whole box is hidden (search.css). It is made at start, not
  // at the first opening, so that screen readers know the live region before it first changes.
  function element(tag, className, parent) {
    var made = document.createElement(tag);
    made.className = className;
    parent.appendChild(made);
    return made;
  }
  var output = element("div", "md-search__output", root.querySelector(".md-search__inner"));
  var scrollwrap = element("div", "md-search__scrollwrap", output);
  scrollwrap.tabIndex = 0;
  var resultArea = element("div", "md-search-result", scrollwrap);
  resultArea.id = "kb-search-results";
  var meta = element("div", "md-search-result__meta", resultArea);
  meta.setAttribute("aria-live", "polite");
  meta.textContent = text("placeholder");
  var list = element("ol", "md-search-result__list", resultArea);

  function pagefind() {
    if (!engine) {
      engine = Promise.all([import(bundle), window.kbSearchAliases.load(aliasesAt)]).then(function (loaded) {
        var module = loaded[0];
        aliases = loaded[1];
        return module.options({ baseUrl: languageRoot, excerptLength: 24 }).then(function () {
          return module.init();
        }).then(function () {
          return module;
        });
      }).catch(function (error) {
        engine = null; // a failed load (offline, a new deploy) is tried again next time
        throw error;
      });
    }
    return engine;
  }

  // Pagefind's excerpt is the page's text with the matches in <mark>: keep the text and the
  // marks, nothing else (parsed inert by DOMParser: nothing in it runs or loads).
  function excerpt(html) {
    var paragraph = document.createElement("p");
    var parsed = new DOMParser().parseFromString(html, "text/html").body;
    parsed.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        paragraph.appendChild(mark);
      } else {
        paragraph.appendChild(document.createTextNode(node.textContent));
      }
    });
    return paragraph;
  }

  function item(result) {
    var entry = document.createElement("li");
    entry.className = "md-search-result__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = result.url;
    link.tabIndex = -1;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-search-result__article--document md-typeset";
    var icon = document.createElement("div");
    icon.className = "md-search-result__icon md-icon";
    article.appendChild(icon);
    var title = document.createElement("h1");
    title.textContent = window.kbSearchWords.joined(words, (result.meta && result.meta.title) || result.url);
    article.appendChild(title);
    article.appendChild(excerpt(window.kbSearchWords.joined(words, result.excerpt || "")));
    link.appendChild(article);
    entry.appendChild(link);
    return entry;
  }

  // A Chinese query of several words finds the pages holding each of them anywhere (the index
  // and the query are cut into words alike: kb-search-words.js). Pages that hold the query as
  // typed, its words together, come first; Pagefind's order is kept within each group (the
  // sort is stable).
  function holdsQuery(result, query) {
    return (result.content || "").replace(/\s+/g, "").indexOf(query.replace(/\s+/g, "")) >= 0;
  }
  function literalFirst(results, query) {
    if (!HAN.test(query)) return results;
    return results.slice().sort(function (a, b) {
      return (holdsQuery(a, query) ? 0 : 1) - (holdsQuery(b, query) ? 0 : 1);
    });
  }

  // `drawn`: the result shown alone first, which stays on top; the rest are added after it, so
  // a reader already on it (arrow keys) keeps their place.
  function show(results, total, drawn) {
    if (drawn && results[0] === drawn) {
      list.append.apply(list, results.slice(1).map(item));
    } else {
      list.replaceChildren.apply(list, results.map(item));
    }
    meta.textContent = total === 0 ? text("none") : total === 1 ? text("one") : text("other", total);
  }

  // The top result's text is fetched alone, and drawn at once when it will stay on top (always
  // for a query in Latin letters; for a Chinese one, when it holds the query as typed): one
  // small fetch before the reader sees an answer, not ten or twenty. Then the rest, at once.
  function showRanked(found, query, number) {
    var read = found.results.slice(0, HAN.test(query) ? RANKED : MAX_RESULTS); // one fetch each
    if (!read.length) return show([], 0);
    return read[0].data().then(function (top) {
      if (number !== asked) return null;
      var drawn = !HAN.test(query) || holdsQuery(top, query) ? top : null;
      if (drawn) show([top], found.results.length);
      return Promise.all(read.slice(1).map(function (r) {
        return r.data();
      })).then(function (rest) {
        if (number === asked) show(literalFirst([top].concat(rest), query).slice(0, MAX_RESULTS), found.results.length, drawn);
      });
    });
  }

  function search() {
    var typed = input.value.trim();
    var number = ++asked;
    var query = typed;
    if (!typed) {
      list.replaceChildren();
      meta.textContent = text("placeholder");
      return;
    }
    pagefind()
      .then(function (module) {
        query = window.kbSearchWords.cut(words, window.kbSearchAliases.asWritten(aliases, typed));
        return module.search(query);
      })
      .then(function (found) {
        if (number !== asked || !found) return null;
        return showRanked(found, query, number);
      })
      .catch(function (error) {
        if (number === asked) meta.textContent = text("none");
        console.error("search failed:", error);
      });
  }

  function open() {
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    pagefind().catch(function () {});
  }

  function close() {
    if (toggle.checked) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
    input.blur();
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll(".md-search-result__link"));
  }

  function isEditable(element) {
    return element instanceof HTMLElement &&
      (element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName));
  }

  // Every way text arrives: typing, pasting, dropping, dictation and an input method (whose
  // characters are committed at compositionend; the partial text before it is not a query).
  input.addEventListener("input", function (event) {
    if (!event.isComposing) search();
  });
  input.addEventListener("compositionend", search);
  input.addEventListener("focus", open);
  // A pointer on the search button is intent: start loading Pagefind before the click lands.
  var button = document.querySelector(".kb-search-button");
  if (button) {
    button.addEventListener("pointerenter", function () {
      pagefind().catch(function () {});
    });
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = links()[0];
    if (first) first.click();
  });
  form.addEventListener("reset", function () {
    setTimeout(search, 0);
    input.focus();
  });
  toggle.addEventListener("change", function () {
    if (toggle.checked) {
      pagefind().catch(function () {});
      if (document.activeElement !== input) input.focus();
    }
  });
  list.addEventListener("click", function (event) {
    if (event.target instanceof Element && event.target.closest("a")) close();
  });

  // `/`, `s` or `f` anywhere but in a field opens search (as Material's does); in the open
  // box, arrows move between the query and the results, Escape closes it.
  document.addEventListener("keydown", function (event) {
    if (event.metaKey || event.ctrlKey || event.altKey || event.isComposing) return;
    if (!toggle.checked) {
      if ((event.key === "/" || event.key === "s" || event.key === "f") && !isEditable(document.activeElement)) {
        event.preventDefault();
        open();
        input.focus();
      }
      return;
    }
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      var stops = [input].concat(links());
      var at = stops.indexOf(document.activeElement);
      var step = event.key === "ArrowDown" ? 1 : -1;
      stops[(Math.max(at, 0) + step + stops.length) % stops.length].focus();
      event.preventDefault();
    }
  }, true);

  // The query follows the reader to the other language (a switch is a full page load).
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("a[data-kb-switch]") : null;
    if (link && input.value.trim()) sessionStorage.setItem(KEPT, input.value);
  }, true);
  // ...and a search sent from a 404 page's form (a plain GET to the language's home: ?q=).
  var fromForm = new URLSearchParams(location.search).get("q");
  var kept = sessionStorage.getItem(KEPT) || (fromForm && fromForm.trim().slice(0, 200));
  if (kept) {
    sessionStorage.removeItem(KEPT);
    input.value = kept;
    open();
    input.focus();
    search();
  }
})();
