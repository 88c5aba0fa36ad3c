// Widget runtime, worker side: starts Pyodide from the site's own files and relays calls to
// kbwidgets.entrypoints.browser.handle. Transport only; no decisions about widgets are made here.
//
// Start-up uses the build-time memory snapshot when runtime.json says it was made by this very
// Pyodide version from this very wheel (it holds our imported code), and when it pays: the
// browser holds it already, or the WebAssembly arrived fast enough that 7 MB more cost less
// than the 3 s of CPU the snapshot saves. It is a private Pyodide API, so any failure with it
// is reported as
// {type: "failed", snapshot: true} and the page retries once with a normal start; and the
// package version Python reports must match the manifest, whichever way Python started.

let handle = null;
let toPy = null;
let loadPackages = null;

function progress(step) {
  self.postMessage({ type: "progress", step });
}

// Bytes received of bytes expected, for the page's progress line and its stall limit (it gives
// up when nothing arrives for a while, never while a slow download is still moving).
function byteCounter(expected, report = true) {
  const counter = { received: 0, expected, last: 0 };
  counter.add = (count) => {
    counter.received += count;
    if (!report) return;
    const now = Date.now();
    if (now - counter.last > 200 || counter.received >= counter.expected) {
      counter.last = now;
      self.postMessage({ type: "bytes", received: counter.received, expected: counter.expected });
    }
  };
  return counter;
}

// Reads a response, counting bytes as they travel: a compressed response (Content-Encoding)
// arrives as fewer bytes than its body has, so each body byte counts for wire/size of one;
// `size` is the body's length from runtime.json, already counted in the expected total.
async function readCounted(response, counter, size) {
  const wire = Number(response.headers.get("content-length")) || size;
  const scale = size > 0 ? wire / size : 1;
  counter.expected += wire - size;
  const chunks = [];
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    counter.add(value.byteLength * scale);
  }
  return new Blob(chunks);
}

// Download one of Pyodide's large files ahead of Pyodide, counting its bytes; Pyodide's own
// request for it is then answered by the browser's cache (or the service worker). A failure
// is reported at once: Pyodide itself waits forever when the WebAssembly cannot be fetched or
// has the wrong type (it only logs a warning). Returns whether the download was fast enough to
// make the start-up snapshot worth its bytes.
async function download(url, counter, type, size) {
  // Not the snapshot's fault: the page need not retry without it, the same download would fail.
  const failed = (message) => Object.assign(new Error(message), { download: true });
  let response;
  try {
    response = await fetch(url, { credentials: "same-origin" });
  } catch (error) {
    throw failed(`${url}: download failed (${error})`);
  }
  if (!response.ok || !response.body) throw failed(`${url}: HTTP ${response.status}`);
  const served = response.headers.get("content-type") || "";
  if (type && !served.startsWith(type)) {
    throw failed(`${url} is served as "${served}"; the server must send ${type}`);
  }
  try {
    await readCounted(response, counter, size);
  } catch (error) {
    throw failed(`${url}: download failed (${error})`);
  }
  const timing = performance.getEntriesByName(new URL(url, self.location.href).href).at(-1);
  if (!timing || !timing.transferSize) return false; // from a cache: the link speed is unknown
  const bytesPerMs = timing.encodedBodySize / Math.max(1, timing.responseEnd - timing.responseStart);
  return bytesPerMs >= SNAPSHOT_WORTH_BYTES_PER_MS;
}

// The snapshot saves about 3 s of CPU and costs about 7 MB: worth it from about 2.5 MB/s on.
// Below, a normal start has the first answer sooner (and transfers under half the bytes).
const SNAPSHOT_WORTH_BYTES_PER_MS = 2500;

async function snapshotBytes(response, meta, counter) {
  const blob = await readCounted(response, counter, counter.expected ? meta.size || 0 : 0);
  if (meta.sha256) {
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", await blob.arrayBuffer()));
    const hex = Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
    if (hex !== meta.sha256) throw new Error("the start-up snapshot is not the one runtime.json names");
  }
  const stream = blob.stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// A snapshot the browser already holds (HTTP cache or the service worker), without a download.
async function cachedSnapshot(url) {
  try {
    const response = await fetch(url, { cache: "only-if-cached", mode: "same-origin", credentials: "same-origin" });
    return response.ok && response.body ? response : null;
  } catch {
    return null;
  }
}

// Resolves once it is known whether Python starts from the snapshot: null for a normal start,
// or {bytes}, the snapshot's bytes still on their way (they overlap with compiling the wasm).
async function chooseSnapshot(url, meta, cached, fast, counter) {
  const hit = await cached;
  if (hit) return { bytes: snapshotBytes(hit, meta, byteCounter(0, false)) };
  if (!fast) return null;
  counter.expected += meta.size || 0;
  const bytes = fetch(url, { credentials: "same-origin" }).then((response) => {
    if (!response.ok || !response.body) throw new Error(`snapshot ${response.status}`);
    return snapshotBytes(response, meta, counter);
  });
  return { bytes };
}

async function start({ runtime, manifest, useSnapshot, strategy }) {
  progress(1);
  // Everything that does not depend on something else starts at once: the WebAssembly and the
  // standard library downloads, parsing Pyodide's 1.2 MB of JavaScript (loadPyodide finds the
  // module already loaded) and the look for a snapshot the browser already holds.
  const sizes = manifest.sizes || {};
  const counter = byteCounter((sizes["pyodide.asm.wasm"] || 0) + (sizes["python_stdlib.zip"] || 0));
  const wasm = download(`${runtime}pyodide.asm.wasm`, counter, "application/wasm", sizes["pyodide.asm.wasm"] || 0);
  const stdlib = download(`${runtime}python_stdlib.zip`, counter, null, sizes["python_stdlib.zip"] || 0);
  stdlib.catch(() => {}); // reported below
  const madeFromOurWheel = manifest.snapshot?.package_sha256 === manifest.package.sha256;
  const snapshotMeta = useSnapshot && madeFromOurWheel && strategy !== "normal" ? manifest.snapshot : null;
  const cached = snapshotMeta ? cachedSnapshot(runtime + snapshotMeta.file) : null;
  import(`${runtime}pyodide.asm.mjs`).catch(() => {});
  const [pyodideModule, fast] = await Promise.all([import(`${runtime}pyodide.mjs`), wasm]);
  const chosen =
    snapshotMeta && snapshotMeta.pyodide === pyodideModule.version
      ? await chooseSnapshot(runtime + snapshotMeta.file, snapshotMeta, cached, fast || strategy === "snapshot", counter)
      : null;
  chosen?.bytes.catch(() => {}); // a failure is reported by loadPyodide, which awaits it
  const withSnapshot = Boolean(chosen);
  await stdlib;
  progress(2);
  const pyodide = await pyodideModule.loadPyodide({
    indexURL: runtime,
    lockFileURL: `${runtime}pyodide-lock.json`,
    packages: [manifest.package.name],
    stdout: () => {},
    stderr: (line) => console.warn(line),
    // Handed over as a promise: the download overlaps with compiling the WebAssembly.
    ...(withSnapshot ? { _loadSnapshot: chosen.bytes } : {}),
  });
  progress(3);
  const browser = pyodide.pyimport("kbwidgets.entrypoints.browser");
  if (browser.self_check() !== manifest.package.version) {
    throw new Error("kbwidgets version does not match runtime.json");
  }
  handle = browser.handle;
  toPy = (bytes) => pyodide.toPy(bytes);
  // Packages only some widgets need (tzdata), from the same lock, when such a widget starts.
  loadPackages = (names) => pyodide.loadPackage(names, { messageCallback: () => {}, errorCallback: (line) => console.warn(line) });
  return withSnapshot;
}

self.onmessage = async (event) => {
  const msg = event.data;
  if (msg.type === "init") {
    try {
      const snapshot = await start(msg);
      self.postMessage({ type: "ready", snapshot });
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
    // undefined, not null: Pyodide hands JavaScript null to Python as JsNull, undefined as None.
    const response = handle(msg.request, msg.data ? toPy(msg.data) : undefined, progress);
    self.postMessage({ type: "result", id: msg.id, response });
  }
};
