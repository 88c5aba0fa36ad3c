// Search as you type, whatever way the text arrives. Material's search only listens for
// `keyup`, so text that arrives without a key being released never reaches the search index:
// Chinese typed with an input method (the characters are committed by a composition), text
// pasted with the mouse, dictation, autofill. Chinese readers then see "type to start
// searching" above an index that does hold their words. Forwarding those inputs as a keyup
// makes Material read the field again. DOM only: what matches is still Material's business.
(function () {
  function isSearchField(target) {
    return target instanceof HTMLInputElement && target.classList.contains("md-search__input");
  }
  function poke(event) {
    if (!isSearchField(event.target) || event.isComposing) return;
    event.target.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }
  document.addEventListener("input", poke, true);
  document.addEventListener("compositionend", poke, true);
})();
