// Widget views, main thread: a view is a JSON tree from Python (kbwidgets.engine.view); this
// builds DOM nodes from it with createElement/textContent and the allow-lists from runtime.json,
// so nothing is ever parsed as HTML. Also how the reader's fields are read back, and files
// offered for download. DOM only: a part of the served kb.js (kbsite/bundles.py).
window.kbwView = (function () {
  "use strict";

  var SVG_NS = "http://www.w3.org/2000/svg";

  // The same rules as kbwidgets.engine.view.validate, applied again here: Python checks every
  // view before it leaves, and this side never trusts that it did.
  function allowedAttribute(tag, name, value, rules) {
    if (rules.attributes.indexOf(name) < 0) return false;
    if (typeof value === "object" && value !== null) return false;
    var text = value === true || value === false || value === null ? "" : String(value);
    var present = value !== false && value !== null;
    if (rules.idReferences.indexOf(name) >= 0 && present &&
        !text.split(" ").every(function (part) { return new RegExp(rules.id).test(part); })) return false;
    if (name === "name" && (rules.namedTags.indexOf(tag) < 0 || !new RegExp(rules.name).test(text))) return false;
    if (name === "download" && !new RegExp(rules.fileName).test(text)) return false;
    if (name === "data-download-b64" && tag !== "a") return false;
    if (name === "href" && !safeHref(text, rules.schemes)) return false;
    return true;
  }

  function build(node, rules, inSvg) {
    if (typeof node === "string") return document.createTextNode(node);
    if (!Array.isArray(node) || typeof node[0] !== "string") throw new Error("not a view node");
    var tag = node[0];
    if (rules.tags.indexOf(tag) < 0) throw new Error("tag not allowed: " + tag);
    var svg = inSvg || rules.svg.indexOf(tag) >= 0;
    var el = svg ? document.createElementNS(SVG_NS, tag) : document.createElement(tag);
    var attrs = node[1] && typeof node[1] === "object" ? node[1] : {};
    Object.keys(attrs).forEach(function (name) {
      var value = attrs[name];
      if (!allowedAttribute(tag, name, value, rules) || value === false || value === null) return;
      el.setAttribute(name, value === true ? "" : String(value));
    });
    for (var i = 2; i < node.length; i++) el.appendChild(build(node[i], rules, svg));
    return el;
  }

  function safeHref(href, schemes) {
    // Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
    // eslint-disable-next-line no-control-regex
    var match = /^([a-z][a-z0-9+.-]*):/i.exec(href.replace(/[\x00-\x20]/g, ""));
    return !match || schemes.indexOf(match[1].toLowerCase()) >= 0;
  }

  function decodeBase64(text) {
    var binary = atob(text);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  // Files offered for download arrive as base64 in data-download-b64; give them a real URL.
  // Always plain text, and only on a link that downloads (never one the browser would open
  // and render: a same-origin blob of another type could run script).
  function attachDownloads(root, widget) {
    root.querySelectorAll("a[data-download-b64][download]").forEach(function (link) {
      var blob = new Blob([decodeBase64(link.getAttribute("data-download-b64"))],
        { type: "text/plain" });
      var url = URL.createObjectURL(blob);
      widget.objectUrls.push(url);
      link.href = url;
      link.removeAttribute("data-download-b64");
    });
  }

  function collectValues(root) {
    var values = {};
    root.querySelectorAll("input[name], select[name], textarea[name]").forEach(function (field) {
      if (field.type === "file" || field.type === "submit" || field.type === "button") return;
      if (field.type === "checkbox") {
        values[field.name] = field.checked;
      } else if (field.type === "radio") {
        if (field.checked) values[field.name] = field.value;
        else if (!(field.name in values)) values[field.name] = "";
      } else {
        values[field.name] = field.value;
      }
    });
    return values;
  }

  // `root`'s content replaced by `fresh`; the field the reader was in keeps focus and the
  // text selection (the fresh view has the same ids), so typing is never interrupted.
  function replaceKeepingFocus(root, fresh) {
    var focused = document.activeElement;
    var focusId = focused && root.contains(focused) ? focused.id : null;
    var selection = focusId && typeof focused.selectionStart === "number"
      ? [focused.selectionStart, focused.selectionEnd] : null;
    root.replaceChildren(fresh);
    var again = focusId && document.getElementById(focusId);
    if (!again) return;
    again.focus();
    if (selection && typeof again.setSelectionRange === "function") {
      try { again.setSelectionRange(selection[0], selection[1]); } catch (e) { /* not a text field */ }
    }
  }

  // The values of `from`'s fields whose name passes `which`, set on the same fields of `to`.
  function carryValues(from, to, which) {
    var now = collectValues(from);
    to.querySelectorAll("input[name], select[name], textarea[name]").forEach(function (field) {
      if (field.type === "file" || !(field.name in now) || !which(field.name)) return;
      if (field.type === "checkbox") field.checked = now[field.name] === true;
      else if (field.type === "radio") field.checked = field.value === now[field.name];
      else field.value = now[field.name];
    });
  }

  // The text of the element `targetId` (a textarea's value) onto the clipboard.
  function copyText(targetId, done, failed) {
    var target = document.getElementById(targetId);
    var text = target ? (target.value !== undefined && target.tagName === "TEXTAREA" ? target.value : target.textContent) : "";
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, failed);
    } else {
      failed();
    }
  }

  return { build: build, attachDownloads: attachDownloads, collectValues: collectValues, carryValues: carryValues,
           replaceKeepingFocus: replaceKeepingFocus, copyText: copyText };
})();
