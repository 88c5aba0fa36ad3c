// Simplified queries on the Traditional site (kbsite/search_aliases.py builds the table): the
// search box (kb-search.js) looks 内存 up as 記憶體 and 端口 as 連接埠, as the pages write them.
(function () {
  // The table at `address`, or null: none for this site, or it failed to load, in which case
  // a query is searched as typed (a Traditional query still finds its pages).
  function load(address) {
    if (!address) return Promise.resolve(null);
    return fetch(new URL(address, location.href).href).then(function (response) {
      if (!response.ok) throw new Error("search aliases: HTTP " + response.status);
      return response.json();
    }).then(function (table) {
      var longestFirst = Object.keys(table.terms).sort(function (a, b) { return b.length - a.length; });
      return { order: longestFirst, terms: table.terms, characters: table.characters };
    }).catch(function (error) {
      console.error(error);
      return null;
    });
  }

  // The query as the Traditional pages write it: glossary terms first, longest first, then the
  // characters one by one. Anything not in the table (Latin, digits, Traditional) is unchanged.
  function asWritten(table, query) {
    if (!table) return query;
    var out = "";
    for (var i = 0; i < query.length; ) {
      var term = table.order.find(function (t) { return query.startsWith(t, i); });
      if (term) {
        out += table.terms[term];
        i += term.length;
      } else {
        out += table.characters[query[i]] || query[i];
        i += 1;
      }
    }
    return out;
  }

  window.kbSearchAliases = { load: load, asWritten: asWritten };
})();
