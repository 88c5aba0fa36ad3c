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

// Past the header check, Pyodide gives the WebAssembly download to instantiateStreaming and, when
// that download fails (an error status, a dropped connection), only logs it: loadPyodide never
// settles and the reader would wait for the page's time limit. So the worker watches that one
// download itself (a tee of its body, read alongside) and fails the start the moment it breaks.
function watchWasmDownload() {
  const realFetch = self.fetch.bind(self);
  let failStart = () => {};
  const failed = new Promise((_, reject) => {
    // Not the snapshot's fault: the page need not retry without it, the same download would fail.
    failStart = (error) => reject(Object.assign(error, { download: true }));
  });
  self.fetch = (input, init) => {
    const url = String(typeof input === "string" || input instanceof URL ? input : input.url);
    const method = (init && init.method) || (input instanceof Request ? input.method : "GET");
    const response = realFetch(input, init);
    if (!url.endsWith(".wasm") || method.toUpperCase() !== "GET") return response;
    return response.then(
      (answer) => {
        if (!answer.ok || !answer.body) {
          failStart(new Error(`${url}: HTTP ${answer.status}`));
          return answer;
        }
        const [watched, passed] = answer.body.tee();
        const reader = watched.getReader();
        const drain = () => reader.read().then(({ done }) => (done ? undefined : drain()));
        drain().catch((error) => failStart(new Error(`${url}: download failed (${error})`)));
        return new Response(passed, { status: answer.status, statusText: answer.statusText, headers: answer.headers });
      },
      (error) => {
        failStart(new Error(`${url}: download failed (${error})`));
        throw error;
      },
    );
  };
  return failed;
}

async function start({ runtime, manifest, useSnapshot }) {
  const wasmFailed = watchWasmDownload();
  wasmFailed.catch(() => {}); // raced below; unobserved once Python has started
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
  const pyodide = await Promise.race([wasmFailed, pyodideModule.loadPyodide({
    indexURL: runtime,
    lockFileURL: `${runtime}pyodide-lock.json`,
    packages: [manifest.package.name],
    stdout: () => {},
    stderr: (line) => console.warn(line),
    // Handed over as a promise: the download overlaps with compiling the WebAssembly.
    ...(withSnapshot ? { _loadSnapshot: snapshot } : {}),
  })]);
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
      self.postMessage({
        type: "failed",
        snapshot: Boolean(msg.useSnapshot) && !error.download,
        reason: String(error),
      });
    }
  } else if (msg.type === "call") {
    const response = msg.data ? handle(msg.request, toPy(msg.data)) : handle(msg.request);
    self.postMessage({ type: "result", id: msg.id, response });
  }
};
