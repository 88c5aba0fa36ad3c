// Widget runtime, worker side (kbw-worker.mjs): the start's downloads. Each is requested by the
// worker itself, counted as its bytes arrive (the page's progress line and stall limit), and
// handed to Pyodide when Pyodide asks for it.

// Bytes received of bytes expected, for the page's progress line and its stall limit (it gives
// up when nothing arrives for a while, never while a slow download is still moving).
export function byteCounter(expected, report = true) {
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

// Reads a response's body at once, chunk by chunk, counting bytes as they travel: a compressed
// response (Content-Encoding) arrives as fewer bytes than its body has, so each body byte
// counts for wire/size of one; `size` is the body's length, already in the expected total.
// `watch(wireBytes, msSinceHeaders, finished)` sees each chunk.
export async function pump(response, counter, size, onChunk, watch = () => {}) {
  const wire = Number(response.headers.get("content-length")) || size;
  const scale = size > 0 ? wire / size : 1;
  counter.expected += wire - size;
  const reader = response.body.getReader();
  const since = performance.now();
  let read = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    read += value.byteLength;
    counter.add(value.byteLength * scale);
    onChunk(value);
    watch(read * scale, performance.now() - since, false);
  }
  watch(read * scale, performance.now() - since, true);
  return read;
}

// One of Pyodide's large files, requested now: {response} is what Pyodide's own fetch gets
// (the same bytes, counted as they arrive, whether or not Pyodide reads yet); {done} settles
// when the download ends. A failure is reported at once (Pyodide itself waits forever when
// the WebAssembly cannot be fetched: it only logs a warning).
export function download(url, counter, type, size, watch) {
  // Not the snapshot's fault: the page need not retry without it, the same download would fail.
  const failed = (message) => Object.assign(new Error(message), { download: true });
  let finished;
  const done = new Promise((resolve, reject) => {
    finished = { resolve, reject };
  });
  // Its own fetch, never a response handed over for Pyodide (`handOver`): the standard library's
  // is handed over before its download starts.
  const response = ownFetch(url, { credentials: "same-origin" }).then(
    (response) => {
      if (!response.ok || !response.body) throw failed(`${url}: HTTP ${response.status}`);
      const served = response.headers.get("content-type") || "";
      if (type && !served.startsWith(type)) {
        throw failed(`${url} is served as "${served}"; the server must send ${type}`);
      }
      let stream;
      const body = new ReadableStream({ start: (controller) => (stream = controller) });
      pump(response, counter, size, (chunk) => stream.enqueue(chunk), watch).then(
        () => (stream.close(), finished.resolve()),
        (error) => (stream.error(error), finished.reject(failed(`${url}: download failed (${error})`))),
      );
      return new Response(body, { status: response.status, headers: response.headers });
    },
    (error) => {
      throw failed(`${url}: download failed (${error})`);
    },
  );
  response.catch((error) => finished.reject(error));
  done.catch(() => {}); // reported where it is awaited
  return { response, done };
}

// Pyodide's requests for files this worker already requested get those responses, once each
// (`handOver`).
const prepared = new Map();
export const handOver = (url, response) => prepared.set(url, response);
export const ownFetch = self.fetch.bind(self);
self.fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input), self.location.href).href;
  const response = prepared.get(url);
  prepared.delete(url);
  return response || ownFetch(input, init);
};
// Pyodide compiles its WebAssembly only once the snapshot is in (it needs its size first): we
// compile it while it downloads instead (`handOverCompiled`), and Pyodide's fetch of it gets a
// stand-in response, whose instantiateStreaming gets the compiled module.
const compiled = new WeakMap();
let onInstantiate = () => {};
export function handOverCompiled(url, module, mark) {
  const standIn = new Response(null, { headers: { "content-type": "application/wasm" } });
  compiled.set(standIn, module);
  prepared.set(url, Promise.resolve(standIn));
  onInstantiate = mark;
}
const ownInstantiateStreaming = WebAssembly.instantiateStreaming;
WebAssembly.instantiateStreaming = async (source, imports) => {
  const response = await source;
  if (!compiled.has(response)) {
    const made = await ownInstantiateStreaming(response, imports);
    await undoDelta(made.instance, imports);
    return made;
  }
  const module = await compiled.get(response);
  onInstantiate("instantiate start");
  const instance = await WebAssembly.instantiate(module, imports);
  await undoDelta(instance, imports);
  onInstantiate("instantiated");
  return { module, instance };
};

// The start-up snapshot's first memory bytes ship XOR-ed with the WebAssembly's data segments
// (kbsite/runtime/snapshot_delta.py: 1.3 MB less to download). Right after instantiation the
// memory holds exactly those segments, and Pyodide copies the snapshot over it only later:
// XOR-ing the snapshot with that memory then gives back the original, in place.
let pendingDelta = null;
export const undoDeltaOnInstantiate = (bytes, delta) => (pendingDelta = { bytes, delta });
async function undoDelta(instance, imports) {
  if (!pendingDelta) return;
  const { delta } = pendingDelta;
  const bytes = await pendingDelta.bytes;
  pendingDelta = null;
  const memory = instance.exports.memory || imports?.env?.memory;
  const { offset, length } = delta;
  if (!memory || memory.buffer.byteLength < length || bytes.length < offset + length || length % 4) {
    throw new Error("the start-up snapshot does not fit this WebAssembly's memory");
  }
  // Four bytes at a time where the snapshot's buffer allows it (it does as the worker reads it).
  const words = (bytes.byteOffset + offset) % 4 === 0;
  const mixed = words
    ? new Uint32Array(bytes.buffer, bytes.byteOffset + offset, length / 4)
    : bytes.subarray(offset, offset + length);
  const key = words ? new Uint32Array(memory.buffer, 0, length / 4) : new Uint8Array(memory.buffer, 0, length);
  for (let i = 0; i < mixed.length; i++) mixed[i] ^= key[i];
}

// The snapshot file leaves out its long runs of zeros (kbsite/runtime/snapshot_holes.py:
// runtime.json lists them as [offset, length]): a writer of the file's bytes, in order, into
// `bytes`, a zeroed buffer of the snapshot's full length, skipping every hole.
export function snapshotWriter(bytes, holes) {
  let at = 0; // where the next byte of the file goes
  let next = 0; // the next hole
  return (chunk) => {
    for (let from = 0; from < chunk.byteLength; ) {
      if (next < holes.length && at === holes[next][0]) {
        at += holes[next++][1];
        continue;
      }
      const room = (next < holes.length ? holes[next][0] : bytes.length) - at;
      const take = Math.min(room, chunk.byteLength - from);
      if (take <= 0) throw new Error("the start-up snapshot is too long");
      bytes.set(chunk.subarray(from, from + take), at);
      at += take;
      from += take;
    }
  };
}

// A file the browser already holds (HTTP cache or the service worker), without a download.
export async function held(url) {
  try {
    const response = await ownFetch(url, { cache: "only-if-cached", mode: "same-origin", credentials: "same-origin" });
    return response.ok && response.body ? response : null;
  } catch {
    return null;
  }
}
