// Widget runtime, main thread: each widget on the page, upgraded from its static version; the
// part of the served kb.js, after kbw/view.js and kbw/transport.js. DOM only:
// every decision is made by Python (kbwidgets.entrypoints.browser) in a Web Worker; this file
// forwards reader events there and draws the view that comes back.
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

  var STEPS = 3;

  var mounted = [];   // widgets on the current page
  var view = window.kbwView; // kbw/view.js and kbw/transport.js, earlier in the same file
  var transport = window.kbwTransport;

  transport.onProgress(function (step, bytes) {
    mounted.forEach(function (widget) { if (widget.el.isConnected) widget.progress(step, bytes); });
  });

  var SAY_BYTES_EVERY_MS = 3000; // the status is a live region: not every few hundred ms

  function megabytes(count) { return (count / 1e6).toFixed(1); }

  // The reader's IANA zone ("America/New_York"): Python reads a typed date with that zone's
  // rules on that date (daylight saving); today's offset (tz) is the fallback without it.
  function browserZone() {
    try { return Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { return ""; }
  }

  transport.onWork(function (done, total) {
    mounted.forEach(function (widget) { if (widget.el.isConnected && widget.working) widget.work(done, total); });
  });

  // --- one widget on the page -------------------------------------------------------------

  function Widget(el) {
    this.el = el;
    this.name = el.getAttribute("data-kbw");
    this.lang = el.getAttribute("data-kbw-lang");
    this.instance = el.getAttribute("data-kbw-instance");
    this.base = el.getAttribute("data-kbw-base") || "";
    this.page = el.getAttribute("data-kbw-page") || "";
    this.runtimeUrl = new URL(el.getAttribute("data-kbw-runtime"), location.href).href;
    this.texts = JSON.parse(el.getAttribute("data-kbw-texts"));
    this.maxBytes = parseInt(el.getAttribute("data-kbw-max-bytes"), 10) || 0;
    this.packages = (el.getAttribute("data-kbw-packages") || "").split(" ").filter(Boolean);
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
    this.touches = 0;   // fields touched by the reader so far, and when each one last was:
    this.touched = {};  // see keepTouched
    this.bar.hidden = false;
    var self = this;
    var intent = function () { self.start(); };
    el.addEventListener("pointerenter", intent, { once: true });
    el.addEventListener("focusin", intent, { once: true });
    this.button.addEventListener("click", intent);
    // Intent shown before this page was mounted (instant navigation draws the page, then
    // mounts): a pointer already resting on the widget sends no pointerenter until it leaves.
    if (el.matches(":hover")) setTimeout(intent, 0);
    this.live.addEventListener("submit", function (event) {
      event.preventDefault();
      var form = event.target;
      self.send({ type: "submit", action: form.getAttribute("data-action") || "", values: view.collectValues(self.live) });
    });
    this.live.addEventListener("input", function (event) { self.touch(event.target); });
    this.live.addEventListener("change", function (event) {
      var field = event.target;
      self.touch(field);
      if (field.type === "file") return self.sendFile(field.name, field.files && field.files[0]);
      if (!field.name) return;
      self.send({ type: "change", name: field.name, values: view.collectValues(self.live) });
    });
    this.live.addEventListener("click", function (event) {
      var target = event.target instanceof Element ? event.target : null;
      var copy = target && target.closest("[data-copy]");
      if (copy) return self.copy(copy.getAttribute("data-copy"));
      var button = target && target.closest("button[data-action]");
      if (button && button.type !== "submit") {
        self.send({ type: "action", action: button.getAttribute("data-action"), value: button.value,
                    values: view.collectValues(self.live) });
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

  // A step of the start (1 to STEPS), or `bytes` ({received, expected}) while downloading.
  Widget.prototype.progress = function (step, bytes) {
    if (!this.started || this.ready) return;
    this.progressBar.hidden = false;
    if (bytes && bytes.expected) {
      this.progressBar.max = bytes.expected;
      this.progressBar.value = Math.min(bytes.received, bytes.expected);
      var now = Date.now();
      if (!this.saidBytesAt || now - this.saidBytesAt >= SAY_BYTES_EVERY_MS) {
        this.saidBytesAt = now;
        this.say(this.texts.downloading.replace("{received}", megabytes(bytes.received))
          .replace("{expected}", megabytes(bytes.expected)));
      }
    } else if (step) {
      this.progressBar.max = STEPS;
      this.progressBar.value = step;
      this.say(this.texts.loading.replace("{step}", step).replace("{steps}", STEPS));
    }
  };

  Widget.prototype.start = function () {
    if (this.started) return;
    this.started = true;
    // Hiding a focused element drops keyboard focus to the page's body: hand it to the status
    // line first (it says what is happening), and into the live version once it is shown.
    this.progress(1); // the status has text now: an empty one is not displayed, so not focusable
    if (document.activeElement === this.button) this.focusStatus();
    this.button.hidden = true;
    var self = this;
    var query = {};
    new URLSearchParams(location.search).forEach(function (value, key) { query[key] = value; });
    transport.ensure(this.runtimeUrl)
      .then(function () { return transport.packages(self.packages); })
      .then(function () { return self.request({ op: "start", query: query }); })
      .then(function (response) {
        if (response.error) {
          // Python could not give a first view: the static version stays, with the reason.
          self.failed(null, response.error.message);
          return;
        }
        self.ready = true;
        self.progressBar.hidden = true;
        var focus = document.activeElement;
        var focusWasHere = focus === self.status || (focus && self.staticView.contains(focus));
        self.staticView.hidden = true;
        self.live.hidden = false;
        if (focusWasHere) self.focusLive();
        self.say(response.announce ? self.texts.ready + " " + response.announce : self.texts.ready);
        self.request({ op: "prepare" }).catch(function () {}); // while the reader reads or picks a file
      })
      .catch(function (error) { self.failed(error && error.message === "timeout" ? "timeout" : "failed"); });
  };

  Widget.prototype.focusStatus = function () {
    this.status.setAttribute("tabindex", "-1");
    this.status.focus();
  };

  Widget.prototype.focusLive = function () {
    var first = this.live.querySelector("input:not([type=hidden]), select, textarea, button, a[href]");
    if (!first) {
      this.live.setAttribute("tabindex", "-1");
      first = this.live;
    }
    first.focus();
  };

  Widget.prototype.failed = function (reason, message) {
    this.ready = false;
    this.started = false;
    this.progressBar.hidden = true;
    this.live.hidden = true;
    this.staticView.hidden = false;
    this.say(message || this.texts[reason] || this.texts.failed);
    this.button.textContent = this.texts.retry;
    this.button.hidden = false;
    if (document.activeElement === this.status) this.button.focus();
  };

  Widget.prototype.touch = function (field) { if (field.name) this.touched[field.name] = ++this.touches; };

  // Values the reader gave after the event being answered was read: the answer was computed
  // without them (an event already queued carries them, or none yet: text still being typed).
  // They go into the fresh view, so a field never jumps back under the reader's hand and the
  // next event reads what the reader chose, not what an older answer drew.
  Widget.prototype.keepTouched = function (fresh, readAt) {
    var touched = this.touched;
    view.carryValues(this.live, fresh, function (name) { return touched[name] > readAt; });
  };

  Widget.prototype.request = function (fields, data, readAt) {
    var self = this;
    var request = Object.assign({
      widget: this.name, lang: this.lang, state: this.state, query: {},
      env: { now: new Date().toISOString(), tz: -new Date().getTimezoneOffset(), zone: browserZone(),
             instance: this.instance, base: this.base, page: this.page }
    }, fields);
    return transport.call(request, data).then(function (response) {
      if (!response.prepared) self.apply(response, readAt);
      return response;
    });
  };

  // Events are handled one at a time, in order.
  Widget.prototype.send = function (event, data) {
    var self = this;
    var readAt = this.touches; // the event's values were read from the fields just now
    this.busy = this.busy.then(function () {
      return self.request({ op: "event", event: event }, data, readAt);
    }).catch(function () { self.failed("failed"); });
    return this.busy;
  };

  // While Python reads a large file: how many rows so far (the tab stays usable meanwhile).
  Widget.prototype.work = function (done, total) {
    this.progressBar.hidden = false;
    this.progressBar.max = total;
    this.progressBar.value = Math.min(done, total);
    this.say((this.texts.working || "").replace("{done}", done.toLocaleString()).replace("{total}", total.toLocaleString()));
  };

  Widget.prototype.sendFile = function (name, file) {
    if (!file) return;
    var self = this;
    this.working = true;
    // Read at most one byte more than the widget accepts: Python decides, and a huge file
    // never has to be read whole to be refused.
    var limit = this.maxBytes > 0 ? this.maxBytes + 1 : 0;
    file.slice(0, limit).arrayBuffer().then(function (buffer) {
      self.send({ type: "file", name: name, filename: file.name, size: file.size,
                  values: view.collectValues(self.live) }, new Uint8Array(buffer));
    });
  };

  Widget.prototype.apply = function (response, readAt) {
    if (this.working) {
      this.working = false;
      this.progressBar.hidden = true;
      this.progressBar.max = STEPS;
      this.say("");
    }
    if (response.error) {
      this.say(response.error.message);
      return;
    }
    this.state = response.state;
    var fresh = view.build(response.view, transport.manifest().view, false);
    if (readAt !== undefined) this.keepTouched(fresh, readAt);
    this.objectUrls.forEach(function (url) { URL.revokeObjectURL(url); });
    this.objectUrls = [];
    view.replaceKeepingFocus(this.live, fresh);
    view.attachDownloads(this.live, this);
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
    var self = this;
    view.copyText(targetId, function () { self.say(self.texts.copied); }, function () { self.say(self.texts.copy_failed); });
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
