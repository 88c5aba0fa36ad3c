// Widget runtime, worker side: starts Pyodide from the site's own files and relays calls to
// kbwidgets.entrypoints.browser.handle. Transport only; no decisions about widgets are made here.
//
// Start-up uses the build-time memory snapshot when runtime.json says it was made by this very
// Pyodide version from this very wheel (it holds our imported code), and when it pays: the
// browser holds it already, or the WebAssembly's first bytes arrive fast enough that 2.9 MB
// more cost less than the 3 s of CPU the snapshot saves. It is a private Pyodide API, so any
// failure with it is reported as {type: "failed", snapshot: true} and the page retries once
// with a normal start; and the package version Python reports must match the manifest,
// whichever way Python started.
//
// Every large download starts at once, in parallel: the WebAssembly (compiled by V8 while it
// streams in), and as soon as the link's speed is known, either the snapshot or, for a normal
// start, the standard library.
// The worker makes these requests itself and counts their bytes (progress, stall limit), and
// hands them to Pyodide when it asks (kbw-downloads.mjs).

import {
  byteCounter, download, handOver, handOverCompiled, held, ownFetch, pump, snapshotWriter, undoDeltaOnInstantiate,
} from "./kbw-downloads.mjs";

let handle = null;
let toPy = null;
let loadPackages = null;
let firstCall = true;

// Milliseconds since the start message, per step: for diagnostics and `make bench`.
let t0 = 0;
const phases = {};
const mark = (name) => {
  phases[name] = Math.round(performance.now() - t0);
};

function progress(step) {
  self.postMessage({ type: "progress", step });
}

// The snapshot saves about 3 s of CPU here (more on a phone) and costs 2.9 MB (brotli): worth
// it from about 1 MB/s on, measured over the WebAssembly's first SPEED_BYTES. Below, a normal
// start has the first answer sooner, with 2.2 MB fewer bytes (3.7 MB instead of 5.9).
const SNAPSHOT_WORTH_BYTES_PER_MS = 1000;
const SPEED_BYTES = 256 * 1024;
const WHEELS = "/lib/wheels"; // where make_snapshot.mjs put our wheel
// A zip with no members (its end-of-directory record alone): the standard library's place in a
// start from the snapshot.
const EMPTY_ZIP = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);
const FULL_STDLIB = "/lib/python_stdlib_full.zip";

async function snapshotBytes(response, meta, counter, check) {
  const bytes = new Uint8Array(meta.bytes);
  const size = meta.size ?? meta.bytes; // the file: the snapshot less its holes
  const read = await pump(response, counter, size, snapshotWriter(bytes, meta.holes || []));
  if (read !== size) throw new Error("the start-up snapshot is too short");
  if (check && meta.sha256) {
    // Held by the browser from an earlier visit: it must be this build's.
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
    const hex = Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
    if (hex !== meta.sha256) throw new Error("the start-up snapshot is not the one runtime.json names");
  }
  mark("snapshot downloaded");
  return bytes;
}

// Null for a normal start, or {bytes}: the snapshot's bytes on their way (Pyodide's own start
// overlaps with them). Decided within milliseconds on a fast link.
async function chooseSnapshot(url, meta, { strategy, wasmHeld, speed, counter }) {
  const hit = await held(url);
  if (hit) {
    // A copy from an earlier build (other widget code, another layout) fails the check: fetched
    // again, which also replaces it in the cache, instead of a normal start at every visit
    // ("only-if-cached" takes a cached copy however stale).
    const bytes = snapshotBytes(hit, meta, byteCounter(0, false), true).catch(() => {
      mark("cached snapshot stale");
      return fromNetwork(url, meta, counter, "reload");
    });
    return quiet({ bytes });
  }
  if (strategy !== "snapshot") {
    if (self.navigator.connection?.saveData) return null; // the reader asked to save data
    const cached = await wasmHeld;
    cached?.body.cancel();
    if (cached) return null; // the WebAssembly comes from the cache: the link's speed is unknown
    if ((await speed) < SNAPSHOT_WORTH_BYTES_PER_MS) return null;
  }
  mark("snapshot requested");
  return quiet({ bytes: fromNetwork(url, meta, counter, "default") });
}

function fromNetwork(url, meta, counter, cache) {
  counter.expected += meta.size ?? meta.bytes;
  return ownFetch(url, { credentials: "same-origin", cache }).then((response) => {
    if (!response.ok || !response.body) throw new Error(`snapshot ${response.status}`);
    return snapshotBytes(response, meta, counter, false);
  });
}

// A failed snapshot is reported by loadPyodide, which awaits it (perhaps after it failed).
function quiet(snapshot) {
  snapshot.bytes.catch(() => {});
  return snapshot;
}

async function start({ runtime, manifest, useSnapshot, strategy }) {
  t0 = performance.now();
  progress(1);
  const sizes = manifest.sizes || {};
  const ours = (name) => name.endsWith(".whl") && name.startsWith(`${manifest.package.name}-`);
  // The standard library counts once a normal start is chosen (below), so that the total shown
  // is right as soon as each download's headers give its compressed size.
  const fetched = (name) => ours(name) || name === "pyodide.asm.wasm";
  const counter = byteCounter(Object.keys(sizes).reduce((sum, name) => sum + (fetched(name) ? sizes[name] : 0), 0));
  const madeFromOurWheel = manifest.snapshot?.package_sha256 === manifest.package.sha256;
  const snapshotMeta = useSnapshot && madeFromOurWheel && strategy !== "normal" ? manifest.snapshot : null;
  const wasmUrl = new URL(`${runtime}pyodide.asm.wasm`, self.location.href).href;
  const stdlibUrl = new URL(`${runtime}python_stdlib.zip`, self.location.href).href;
  // Looked up before a download can put it there. Only a normal start downloads the standard
  // library: if the browser holds it (and not the snapshot), the last start here was a normal
  // one, the WebAssembly will come from the cache, and its speed says nothing about the link.
  const wasmHeld = snapshotMeta && strategy !== "snapshot" ? held(stdlibUrl) : null;
  let knowSpeed;
  const speed = new Promise((resolve) => (knowSpeed = resolve));
  const wasm = download(wasmUrl, counter, "application/wasm", sizes["pyodide.asm.wasm"] || 0, (bytes, ms, end) => {
    if (bytes >= SPEED_BYTES || end) knowSpeed(bytes / Math.max(1, ms));
    if (end) mark("wasm downloaded");
  });
  const module = wasm.response.then((response) => WebAssembly.compileStreaming(response));
  module.then(() => mark("wasm compiled"), () => {});
  handOverCompiled(wasmUrl, module, mark);
  // Our wheel, put on sys.path as it is once Python runs; the pinned ones only some widgets need
  // (tzdata) come later, when such a widget starts (loadPackages).
  const wheels = Object.keys(sizes)
    .filter(ours)
    .map((name) => {
      const { response, done } = download(`${runtime}${name}`, counter, null, sizes[name]);
      // Read here (nobody else asks for it); the bytes count as they arrive.
      const bytes = response.then((r) => r.arrayBuffer()).then((buffer) => new Uint8Array(buffer));
      bytes.catch(() => {}); // reported by `done`
      return { name, bytes, done };
    });
  import(`${runtime}pyodide.asm.mjs`).catch(() => {}); // parsed meanwhile; loadPyodide finds it loaded
  const pyodideModule = import(`${runtime}pyodide.mjs`);
  // runtime.json names the Pyodide it ships; the one that loads is checked below.
  const choice =
    snapshotMeta && snapshotMeta.pyodide === manifest.pyodide
      ? chooseSnapshot(runtime + snapshotMeta.file, snapshotMeta, { strategy, wasmHeld, speed, counter })
      : Promise.resolve(null);
  // The standard library only for a normal start: the snapshot holds all of it the widgets use
  // (make_snapshot.mjs), and Python gets an empty zip in its place. The choice waits for the
  // WebAssembly's first 256 KB at most, which a link slow enough to start normally needs anyway.
  const stdlib = choice.then((snapshot) => {
    if (snapshot) return { response: Promise.resolve(new Response(EMPTY_ZIP)), done: Promise.resolve() };
    const size = sizes["python_stdlib.zip"] || 0;
    counter.expected += size;
    return download(stdlibUrl, counter, null, size, (_b, _ms, end) => {
      if (end) mark("stdlib downloaded");
    });
  });
  handOver(stdlibUrl, stdlib.then((chosen) => chosen.response));
  // A failed download or compile rejects at once; Pyodide would wait forever (and so would the
  // choice, for the WebAssembly's speed). A failed snapshot rejects loadPyodide, which awaits it.
  const stdlibDone = stdlib.then((chosen) => chosen.done);
  const failure = Promise.all([wasm.done, stdlibDone, module, ...wheels.map((w) => w.done)]).then(
    () => new Promise(() => {}),
  );
  const [{ loadPyodide, version }, snapshot] = await Promise.race([Promise.all([pyodideModule, choice]), failure]);
  if (snapshot && version !== snapshotMeta.pyodide) throw new Error(`the snapshot is not for Pyodide ${version}`);
  mark(snapshot ? "snapshot chosen" : "normal start chosen");
  if (snapshot && snapshotMeta.delta) undoDeltaOnInstantiate(snapshot.bytes, snapshotMeta.delta);
  progress(2);
  const pyodide = await Promise.race([
    loadPyodide({
      indexURL: runtime,
      lockFileURL: `${runtime}pyodide-lock.json`,
      stdout: () => {},
      stderr: (line) => console.warn(line),
      env: { ...manifest.env }, // as the snapshot was made (kbsite/runtime/node.py: PYTHON_ENV)
      ...(snapshot ? { _loadSnapshot: snapshot.bytes } : {}),
    }),
    failure,
  ]);
  mark("python started");
  // Imported from the zips, as the snapshot was made (make_snapshot.mjs): Pyodide's package
  // loader would unpack them, up to a second here, mostly tzdata's 600 files.
  pyodide.FS.mkdirTree(WHEELS);
  for (const wheel of wheels) pyodide.FS.writeFile(`${WHEELS}/${wheel.name}`, await wheel.bytes);
  const paths = JSON.stringify(wheels.map((wheel) => `${WHEELS}/${wheel.name}`)); // our names, ASCII
  pyodide.runPython(`import sys\nsys.path += [p for p in ${paths} if p not in sys.path]`);
  mark("wheels in place");
  progress(3);
  const browser = pyodide.pyimport("kbwidgets.entrypoints.browser");
  if (browser.self_check() !== manifest.package.version) {
    throw new Error("kbwidgets version does not match runtime.json");
  }
  mark("imported");
  if (manifest.stdlib) {
    const full = `${runtime}${manifest.stdlib.file}`;
    const modules = pyodide.toPy(manifest.stdlib.modules);
    pyodide.pyimport("kbwidgets.entrypoints.stdlib_fallback").install(modules, (name) => fetchWhole(pyodide, full, name));
  }
  handle = browser.handle;
  toPy = (bytes) => pyodide.toPy(bytes);
  // Packages only some widgets need (tzdata), when such a widget starts: their wheels go on
  // sys.path as zips, like ours (runtime.json lists them with their sizes).
  loadPackages = async (names) => {
    const wanted = (file) => file.endsWith(".whl") && names.some((name) => file.startsWith(`${name}-`));
    const files = Object.keys(sizes).filter(wanted);
    if (files.length < names.length) throw new Error(`runtime.json lists no wheel for ${names.join(", ")}`);
    for (const file of files) {
      // Counted on their own, quietly: the start's progress line is gone by now.
      const { response, done } = download(`${runtime}${file}`, byteCounter(sizes[file], false), null, sizes[file]);
      const bytes = new Uint8Array(await (await response).arrayBuffer());
      await done;
      pyodide.FS.writeFile(`${WHEELS}/${file}`, bytes);
    }
    const added = JSON.stringify(files.map((file) => `${WHEELS}/${file}`)); // our names, ASCII
    const python = `import importlib, sys\nsys.path += [p for p in ${added} if p not in sys.path]`;
    pyodide.runPython(`${python}\nimportlib.invalidate_caches()`);
  };
  return Boolean(snapshot);
}

// The whole standard library, for a module outside the core a start downloads (asked by
// kbwidgets.entrypoints.stdlib_fallback from inside an import, so synchronously: a worker may).
function fetchWhole(pyodide, url, module) {
  try {
    const request = new XMLHttpRequest();
    request.open("GET", url, false);
    request.responseType = "arraybuffer";
    request.send();
    if (request.status !== 200) return null;
    pyodide.FS.writeFile(FULL_STDLIB, new Uint8Array(request.response));
    self.postMessage({ type: "fetched", url, module }); // for diagnostics and the tests
    return FULL_STDLIB;
  } catch (error) {
    console.warn(`kbwidgets: the standard library could not be fetched: ${error}`);
    return null;
  }
}

self.onmessage = async (event) => {
  const msg = event.data;
  if (msg.type === "init") {
    try {
      const snapshot = await start(msg);
      self.postMessage({ type: "ready", snapshot, phases, origin: performance.timeOrigin + t0 });
    } catch (error) {
      console.warn(`kbwidgets: the interactive version could not start: ${error}`);
      self.postMessage({
        type: "failed",
        snapshot: Boolean(msg.useSnapshot) && !error.download,
        reason: String(error),
      });
    }
  } else if (msg.type === "packages") {
    let response = { loaded: msg.names };
    try {
      await loadPackages(msg.names);
    } catch (error) {
      console.warn(`kbwidgets: ${msg.names.join(", ")} could not be loaded: ${error}`);
      response = { loaded: [] };
    }
    self.postMessage({ type: "result", id: msg.id, response: JSON.stringify(response) });
  } else if (msg.type === "call") {
    // Long work (a large file) says how far it has got; the page shows it while Python runs.
    const progress = (done, total) => self.postMessage({ type: "work", id: msg.id, done, total });
    const started = performance.now();
    // undefined, not null: Pyodide hands JavaScript null to Python as JsNull, undefined as None.
    const response = handle(msg.request, msg.data ? toPy(msg.data) : undefined, progress);
    // The first call's time in Python, for diagnostics and `make bench`.
    const ms = firstCall ? Math.round(performance.now() - started) : undefined;
    firstCall = false;
    self.postMessage({ type: "result", id: msg.id, response, firstCallMs: ms });
  }
};
