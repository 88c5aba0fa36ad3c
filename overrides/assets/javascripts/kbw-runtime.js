// Widget runtime, main thread: transport and DOM only. Every decision is made by Python
// (kbwidgets.entrypoints.browser) in a Web Worker; this file forwards reader events there and draws the
// view that comes back.
//
// - Lazy: nothing of Pyodide is fetched until the reader shows intent (pointer over, focus in,
//   or the start button of a widget). One module worker per tab; with Material's instant
//   navigation it survives page changes, so Python starts once per tab.
// - Safe to fail: the static version rendered at build time stays on the page until the live
//   version is ready; a failed or hung start (time limit) ends in an error message beside it.
// - Safe with untrusted input: views are JSON trees built with createElement/textContent and
//   the allow-lists from runtime.json; nothing is ever parsed as HTML.
(function () {
  "use strict";

  var SCRIPT_URL = document.currentScript ? document.currentScript.src : location.href;
  var START_TIMEOUT_MS = window.KBW_START_TIMEOUT_MS || 20000;
  var STEPS = 3;
  var SVG_NS = "http://www.w3.org/2000/svg";

  var runtime = null; // {worker, ready: Promise<manifest>, calls: Map}
  var mounted = [];   // widgets on the current page
  var callSeq = 0;

  // --- the worker ------------------------------------------------------------------------

  function each(callback) {
    mounted.forEach(function (widget) { if (widget.el.isConnected) callback(widget); });
  }

  function startRuntime(runtimeUrl, useSnapshot) {
    var worker = new Worker(new URL("kbw-worker.mjs", SCRIPT_URL), { type: "module" });
    var calls = new Map();
    var current = { worker: worker, calls: calls, manifest: null };
    current.ready = new Promise(function (resolve, reject) {
      var timer = setTimeout(function () { fail("timeout"); }, START_TIMEOUT_MS);
      function fail(reason) {
        clearTimeout(timer);
        worker.terminate();
        if (runtime === current) runtime = null;
        calls.forEach(function (call) { call.reject(new Error(reason)); });
        reject(new Error(reason));
      }
      worker.onerror = function (event) { event.preventDefault(); fail("failed"); };
      worker.onmessage = function (event) {
        var msg = event.data;
        if (msg.type === "progress") {
          each(function (widget) { widget.progress(msg.step); });
        } else if (msg.type === "ready") {
          clearTimeout(timer);
          // For diagnostics and the benchmark: how Python started in this tab.
          window.kbwRuntimeInfo = { snapshot: msg.snapshot, pyodide: current.manifest.pyodide };
          resolve(current.manifest);
        } else if (msg.type === "failed") {
          if (msg.snapshot && useSnapshot) {
            // The start-up snapshot did not work here: retry once with a normal start.
            clearTimeout(timer);
            worker.terminate();
            runtime = startRuntime(runtimeUrl, false);
            runtime.ready.then(resolve, reject);
          } else {
            fail("failed");
          }
        } else if (msg.type === "result") {
          var call = calls.get(msg.id);
          calls.delete(msg.id);
          if (call) call.resolve(JSON.parse(msg.response));
        }
      };
      fetch(runtimeUrl + "runtime.json", { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) throw new Error("runtime.json " + response.status);
          return response.json();
        })
        .then(function (manifest) {
          current.manifest = manifest;
          worker.postMessage({ type: "init", runtime: runtimeUrl, manifest: manifest, useSnapshot: useSnapshot });
        })
        .catch(function () { fail("failed"); });
    });
    return current;
  }

  function ensureRuntime(runtimeUrl) {
    if (!runtime) runtime = startRuntime(runtimeUrl, true);
    return runtime.ready;
  }

  function call(request, data) {
    return runtime.ready.then(function () {
      return new Promise(function (resolve, reject) {
        var id = ++callSeq;
        runtime.calls.set(id, { resolve: resolve, reject: reject });
        var message = { type: "call", id: id, request: JSON.stringify(request) };
        if (data) {
          message.data = data;
          runtime.worker.postMessage(message, [data.buffer]);
        } else {
          runtime.worker.postMessage(message);
        }
      });
    });
  }

  // --- views -----------------------------------------------------------------------------

  function build(node, rules, inSvg) {
    if (typeof node === "string") return document.createTextNode(node);
    var tag = node[0];
    if (rules.tags.indexOf(tag) < 0) throw new Error("tag not allowed: " + tag);
    var svg = inSvg || rules.svg.indexOf(tag) >= 0;
    var el = svg ? document.createElementNS(SVG_NS, tag) : document.createElement(tag);
    var attrs = node[1] || {};
    Object.keys(attrs).forEach(function (name) {
      var value = attrs[name];
      var allowed = rules.attributes.indexOf(name) >= 0 ||
        rules.prefixes.some(function (prefix) { return name.indexOf(prefix) === 0; });
      if (!allowed || /^on/i.test(name) || value === false || value === null) return;
      if (name === "href" && !safeHref(String(value), rules.schemes)) return;
      el.setAttribute(name, value === true ? "" : String(value));
    });
    for (var i = 2; i < node.length; i++) el.appendChild(build(node[i], rules, svg));
    return el;
  }

  function safeHref(href, schemes) {
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
  function attachDownloads(root, widget) {
    root.querySelectorAll("a[data-download-b64]").forEach(function (link) {
      var blob = new Blob([decodeBase64(link.getAttribute("data-download-b64"))],
        { type: link.getAttribute("data-download-type") || "application/octet-stream" });
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

  // --- one widget on the page -------------------------------------------------------------

  function Widget(el) {
    this.el = el;
    this.name = el.getAttribute("data-kbw");
    this.lang = el.getAttribute("data-kbw-lang");
    this.instance = el.getAttribute("data-kbw-instance");
    this.base = el.getAttribute("data-kbw-base") || "";
    this.runtimeUrl = new URL(el.getAttribute("data-kbw-runtime"), location.href).href;
    this.texts = JSON.parse(el.getAttribute("data-kbw-texts"));
    this.maxBytes = parseInt(el.getAttribute("data-kbw-max-bytes"), 10) || 0;
    this.bar = el.querySelector(".kbw-bar");
    this.button = el.querySelector(".kbw-start");
    this.status = el.querySelector(".kbw-status");
    this.progressBar = el.querySelector(".kbw-progress");
    this.live = el.querySelector(".kbw-live");
    this.staticView = el.querySelector(".kbw-static");
    this.state = null;
    this.queryKeys = [];
    this.objectUrls = [];
    this.started = false;
    this.busy = Promise.resolve();
    this.bar.hidden = false;
    var self = this;
    var intent = function () { self.start(); };
    el.addEventListener("pointerenter", intent, { once: true });
    el.addEventListener("focusin", intent, { once: true });
    this.button.addEventListener("click", intent);
    this.live.addEventListener("submit", function (event) {
      event.preventDefault();
      var form = event.target;
      self.send({ type: "submit", action: form.getAttribute("data-action") || "", values: collectValues(self.live) });
    });
    this.live.addEventListener("change", function (event) {
      var field = event.target;
      if (field.type === "file") return self.sendFile(field.name, field.files && field.files[0]);
      if (!field.name) return;
      self.send({ type: "change", name: field.name, values: collectValues(self.live) });
    });
    this.live.addEventListener("click", function (event) {
      var target = event.target instanceof Element ? event.target : null;
      var copy = target && target.closest("[data-copy]");
      if (copy) return self.copy(copy.getAttribute("data-copy"));
      var button = target && target.closest("button[data-action]");
      if (button && button.type !== "submit") {
        self.send({ type: "action", action: button.getAttribute("data-action"), value: button.value,
                    values: collectValues(self.live) });
      }
    });
    this.live.addEventListener("dragover", function (event) {
      if (event.target instanceof Element && event.target.closest("[data-drop]")) event.preventDefault();
    });
    this.live.addEventListener("drop", function (event) {
      var zone = event.target instanceof Element && event.target.closest("[data-drop]");
      if (!zone) return;
      event.preventDefault();
      self.sendFile(zone.getAttribute("data-drop"), event.dataTransfer.files[0]);
    });
  }

  Widget.prototype.say = function (text) {
    this.status.textContent = text;
  };

  Widget.prototype.progress = function (step) {
    if (this.started && !this.ready) {
      this.progressBar.hidden = false;
      this.progressBar.value = step;
      this.say(this.texts.loading.replace("{step}", step).replace("{steps}", STEPS));
    }
  };

  Widget.prototype.start = function () {
    if (this.started) return;
    this.started = true;
    this.button.hidden = true;
    this.progress(1);
    var self = this;
    var query = {};
    new URLSearchParams(location.search).forEach(function (value, key) { query[key] = value; });
    ensureRuntime(this.runtimeUrl)
      .then(function () { return self.request({ op: "start", query: query }); })
      .then(function () {
        self.ready = true;
        self.progressBar.hidden = true;
        self.staticView.hidden = true;
        self.live.hidden = false;
        self.say(self.texts.ready);
      })
      .catch(function (error) { self.failed(error && error.message === "timeout" ? "timeout" : "failed"); });
  };

  Widget.prototype.failed = function (reason) {
    this.ready = false;
    this.started = false;
    this.progressBar.hidden = true;
    this.live.hidden = true;
    this.staticView.hidden = false;
    this.say(this.texts[reason] || this.texts.failed);
    this.button.textContent = this.texts.retry;
    this.button.hidden = false;
  };

  Widget.prototype.request = function (fields, data) {
    var self = this;
    var request = Object.assign({
      widget: this.name, lang: this.lang, state: this.state, query: {},
      env: { now: new Date().toISOString(), tz: -new Date().getTimezoneOffset(), instance: this.instance,
             base: this.base }
    }, fields);
    return call(request, data).then(function (response) { self.apply(response); });
  };

  // Events are handled one at a time, in order.
  Widget.prototype.send = function (event, data) {
    var self = this;
    this.busy = this.busy.then(function () {
      return self.request({ op: "event", event: event }, data);
    }).catch(function () { self.failed("failed"); });
    return this.busy;
  };

  Widget.prototype.sendFile = function (name, file) {
    if (!file) return;
    var self = this;
    // Read at most one byte more than the widget accepts: Python decides, and a huge file
    // never has to be read whole to be refused.
    var limit = this.maxBytes > 0 ? this.maxBytes + 1 : 0;
    file.slice(0, limit).arrayBuffer().then(function (buffer) {
      self.send({ type: "file", name: name, filename: file.name, size: file.size,
                  values: collectValues(self.live) }, new Uint8Array(buffer));
    });
  };

  Widget.prototype.apply = function (response) {
    if (response.error) {
      this.say(response.error.message);
      return;
    }
    this.state = response.state;
    var focused = document.activeElement;
    var focusId = focused && this.live.contains(focused) ? focused.id : null;
    var selection = focusId && typeof focused.selectionStart === "number"
      ? [focused.selectionStart, focused.selectionEnd] : null;
    var fresh = build(response.view, runtime.manifest.view, false);
    this.objectUrls.forEach(function (url) { URL.revokeObjectURL(url); });
    this.objectUrls = [];
    this.live.replaceChildren(fresh);
    attachDownloads(this.live, this);
    if (focusId) {
      var again = document.getElementById(focusId);
      if (again) {
        again.focus();
        if (selection && typeof again.setSelectionRange === "function") {
          try { again.setSelectionRange(selection[0], selection[1]); } catch (e) { /* not a text field */ }
        }
      }
    }
    this.updateAddress(response.query || {});
    if (response.announce) this.say(response.announce);
  };

  Widget.prototype.updateAddress = function (query) {
    var url = new URL(location.href);
    this.queryKeys.forEach(function (key) { url.searchParams.delete(key); });
    this.queryKeys = Object.keys(query);
    this.queryKeys.forEach(function (key) { url.searchParams.set(key, query[key]); });
    if (url.href !== location.href) history.replaceState(history.state, "", url.href);
  };

  Widget.prototype.copy = function (targetId) {
    var target = document.getElementById(targetId);
    var self = this;
    var text = target ? (target.value !== undefined && target.tagName === "TEXTAREA" ? target.value : target.textContent) : "";
    var done = function () { self.say(self.texts.copied); };
    var failed = function () { self.say(self.texts.copy_failed); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, failed);
    } else {
      failed();
    }
  };

  // --- mounting ----------------------------------------------------------------------------

  function mountAll() {
    mounted = mounted.filter(function (widget) { return widget.el.isConnected; });
    document.querySelectorAll(".kbw:not([data-kbw-mounted])").forEach(function (el) {
      el.setAttribute("data-kbw-mounted", "");
      mounted.push(new Widget(el));
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(mountAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mountAll);
  } else {
    mountAll();
  }
})();
