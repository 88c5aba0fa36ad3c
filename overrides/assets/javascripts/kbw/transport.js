// Widget runtime, main thread: the one Web Worker per tab that runs Python (kbw-worker.mjs),
// started on demand, and the calls to it. Transport only: a failed start, or one that stalls
// (no byte and no step for STALL_MS: a slow download that still moves is never cut off),
// rejects every waiting call, and a failed start-up snapshot is retried once with a normal
// start. A part of the served kb.js, after kbw/view.js (kbsite/bundles.py).
window.kbwTransport = (function () {
  "use strict";

  var SCRIPT_URL = document.currentScript ? document.currentScript.src : location.href;
  var STALL_MS = window.KBW_STALL_MS || 20000;

  var runtime = null; // {worker, ready: Promise<manifest>, calls: Map, manifest}
  var callSeq = 0;
  var progressListeners = [];
  var workListeners = []; // progress of one long call (a large file being read)

  function startRuntime(runtimeUrl, useSnapshot) {
    var worker = new Worker(new URL("kbw-worker.mjs", SCRIPT_URL), { type: "module" });
    var calls = new Map();
    var current = { worker: worker, calls: calls, manifest: null };
    current.ready = new Promise(function (resolve, reject) {
      var timer = null;
      function moving() {
        clearTimeout(timer);
        timer = setTimeout(function () { fail("timeout"); }, STALL_MS);
      }
      moving();
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
          moving();
          progressListeners.forEach(function (listener) { listener(msg.step, null); });
        } else if (msg.type === "bytes") {
          moving();
          progressListeners.forEach(function (listener) { listener(null, msg); });
        } else if (msg.type === "ready") {
          clearTimeout(timer);
          // For diagnostics and the benchmark: how Python started in this tab, and when each
          // step ended (ms after `origin`, the worker's start on the page's clock).
          window.kbwRuntimeInfo = {
            snapshot: msg.snapshot, pyodide: current.manifest.pyodide, phases: msg.phases,
            origin: msg.origin - performance.timeOrigin,
          };
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
        } else if (msg.type === "fetched") {
          // A module outside the standard library's core made the worker fetch all of it.
          if (window.kbwRuntimeInfo) (window.kbwRuntimeInfo.fetched = window.kbwRuntimeInfo.fetched || []).push(msg.module);
        } else if (msg.type === "work") {
          workListeners.forEach(function (listener) { listener(msg.done, msg.total); });
        } else if (msg.type === "result") {
          var call = calls.get(msg.id);
          calls.delete(msg.id);
          if (msg.firstCallMs !== undefined && window.kbwRuntimeInfo) {
            window.kbwRuntimeInfo.firstCallMs = msg.firstCallMs;
          }
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
          worker.postMessage({
            type: "init", runtime: runtimeUrl, manifest: manifest, useSnapshot: useSnapshot,
            // "auto" chooses by the link's speed; make bench forces "snapshot" or "normal".
            strategy: window.KBW_START_STRATEGY || "auto",
          });
        })
        .catch(function () { fail("failed"); });
    });
    return current;
  }

  function ensureRuntime(runtimeUrl) {
    if (!runtime) runtime = startRuntime(runtimeUrl, true);
    return runtime.ready;
  }

  // `message` to the worker, once Python runs; resolves with the worker's JSON answer. A file's
  // bytes are transferred, never copied.
  function post(message, data) {
    return runtime.ready.then(function () {
      return new Promise(function (resolve, reject) {
        var id = ++callSeq;
        runtime.calls.set(id, { resolve: resolve, reject: reject });
        message.id = id;
        if (data) {
          message.data = data;
          runtime.worker.postMessage(message, [data.buffer]);
        } else {
          runtime.worker.postMessage(message);
        }
      });
    });
  }

  function call(request, data) {
    return post({ type: "call", request: JSON.stringify(request) }, data);
  }

  // Pyodide packages a widget needs beyond kbwidgets (tzdata), each loaded once per Python,
  // and only on pages with such a widget. A package that fails to load is left out: the
  // widget works without it (as without zone data), so this never rejects.
  var loaded = {}; // package name -> Promise, for the runtime below
  var loadedIn = null;
  function packages(names) {
    if (loadedIn !== runtime) {
      loadedIn = runtime;
      loaded = {};
    }
    return Promise.all(names.map(function (name) {
      if (!loaded[name]) loaded[name] = post({ type: "packages", names: [name] }).catch(function () {});
      return loaded[name];
    }));
  }

  return {
    ensure: ensureRuntime,
    call: call,
    packages: packages,
    manifest: function () { return runtime && runtime.manifest; },
    onProgress: function (listener) { progressListeners.push(listener); },
    onWork: function (listener) { workListeners.push(listener); },
  };
})();
