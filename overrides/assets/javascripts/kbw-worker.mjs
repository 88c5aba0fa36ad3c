// Widget runtime, worker side: starts Pyodide from the site's own files and relays calls to
// kbwidgets.entrypoints.browser.handle. Transport only; no decisions about widgets are made here.
//
// Start-up uses the build-time memory snapshot when runtime.json says it was made by this very
// Pyodide version from this very wheel (it holds our imported code). It is a private Pyodide
// API, so any failure with it is reported as
// {type: "failed", snapshot: true} and the page retries once with a normal start; and the
// package version Python reports must match the manifest, whichever way Python started.

let handle = null;
let toPy = null;

function progress(step) {
  self.postMessage({ type: "progress", step });
}

async function fetchSnapshot(url) {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok || !response.body) throw new Error(`snapshot ${response.status}`);
  const stream = response.body.pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// Pyodide waits forever when the WebAssembly cannot be fetched or has the wrong type (it only
// logs a warning), so look at the response headers first and fail fast; the page's time limit
// covers a server that never answers.
async function checkWasm(url) {
  const response = await fetch(url, { method: "HEAD", credentials: "same-origin" });
  const type = response.headers.get("content-type") || "";
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  if (!type.startsWith("application/wasm")) {
    throw new Error(`${url} is served as "${type}"; the server must send application/wasm`);
  }
}

async function start({ runtime, manifest, useSnapshot }) {
  progress(1);
  // Everything that does not depend on something else starts at once: the snapshot download,
  // parsing Pyodide's 1.2 MB of JavaScript (loadPyodide finds the module already loaded) and
  // the check of the WebAssembly's headers.
  const madeFromOurWheel = manifest.snapshot?.package_sha256 === manifest.package.sha256;
  const snapshotMeta = useSnapshot && madeFromOurWheel ? manifest.snapshot : null;
  const snapshot = snapshotMeta ? fetchSnapshot(runtime + snapshotMeta.file) : null;
  snapshot?.catch(() => {}); // a failure is reported by loadPyodide, if the snapshot is used
  import(`${runtime}pyodide.asm.mjs`).catch(() => {});
  const [pyodideModule] = await Promise.all([import(`${runtime}pyodide.mjs`), checkWasm(`${runtime}pyodide.asm.wasm`)]);
  const withSnapshot = Boolean(snapshot && snapshotMeta.pyodide === pyodideModule.version);
  progress(2);
  const pyodide = await pyodideModule.loadPyodide({
    indexURL: runtime,
    lockFileURL: `${runtime}pyodide-lock.json`,
    packages: [manifest.package.name],
    stdout: () => {},
    stderr: (line) => console.warn(line),
    // Handed over as a promise: the download overlaps with compiling the WebAssembly.
    ...(withSnapshot ? { _loadSnapshot: snapshot } : {}),
  });
  progress(3);
  const browser = pyodide.pyimport("kbwidgets.entrypoints.browser");
  if (browser.self_check() !== manifest.package.version) {
    throw new Error("kbwidgets version does not match runtime.json");
  }
  handle = browser.handle;
  toPy = (bytes) => pyodide.toPy(bytes);
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
      self.postMessage({ type: "failed", snapshot: Boolean(msg.useSnapshot), reason: String(error) });
    }
  } else if (msg.type === "call") {
    // Long work (a large file) says how far it has got; the page shows it while Python runs.
    const progress = (done, total) => self.postMessage({ type: "work", id: msg.id, done, total });
    // undefined, not null: Pyodide hands JavaScript null to Python as JsNull, undefined as None.
    const response = handle(msg.request, msg.data ? toPy(msg.data) : undefined, progress);
    self.postMessage({ type: "result", id: msg.id, response });
  }
};
