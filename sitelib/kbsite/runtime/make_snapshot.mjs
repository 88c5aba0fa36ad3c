// Build-time Pyodide memory snapshot: start the interpreter once in Node, put our kbwidgets wheel
// in place, import it and start every widget once (kbwidgets.entrypoints.browser.warm_up), then
// save the memory image, uncompressed (the build writes brotli and gzip copies for the server).
// Browsers that load it skip Python's start-up and our imports and data parsing.
// `_makeSnapshot` / `makeMemorySnapshot` are private Pyodide APIs tied to one runtime build, so
// the site records which Pyodide version and which wheel (sha256) made the snapshot, and the
// worker falls back to a normal start on any mismatch or failure.
//
// The wheel goes into the file system as it is and onto sys.path (Python imports from a zip),
// as the browser's worker puts it there too, at the same path: the snapshot's import system
// remembers the zip's directory, so the browser must write the very same wheel (runtime.json
// records its sha256). Not loaded with `packages: [...]`: a package loaded by Pyodide's loader
// leaves JavaScript references behind, which Pyodide refuses to snapshot ("Unexpected hiwire
// entry"), and unpacking wheels costs the browser up to a second at every start.
//
// Then every module of the standard library's core is imported and the zip's directory forgotten
// (kbwidgets.entrypoints.snapshot_prep): a start from the snapshot needs no standard library.
//
// Before the image is saved, free memory is zeroed: what start-up and the warm-up allocated and
// freed is garbage nobody reads again, but it is 0.35 MB of the snapshot's brotli size.
//
// Usage: node sitelib/kbsite/runtime/make_snapshot.mjs RUNTIME_DIR OUT_FILE WHEEL
// Prints one line of JSON: {"pyodide": version, "bytes": size, "widgets": [names warmed up]}.
import { writeFileSync } from "node:fs";
import { startPyodide, writeWheels } from "./node_pyodide.mjs";

const [runtimeDir, outFile, wheel] = process.argv.slice(2);
const { pyodide, version } = await startPyodide(runtimeDir, { _makeSnapshot: true });
const [wheelPath] = writeWheels(pyodide, [wheel]);
const warmed = pyodide.runPython(`
import json, sys
stdlib = next(p for p in sys.path if p.endswith(".zip"))
sys.path.append(${JSON.stringify(wheelPath)})
import kbwidgets.entrypoints.browser
from kbwidgets.entrypoints import snapshot_prep, stdlib_fallback  # the worker installs it next
warmed = kbwidgets.entrypoints.browser.warm_up()
snapshot_prep.settle(stdlib)
json.dumps(warmed)
`);
zeroFreeMemory(pyodide._module);
const image = pyodide.makeMemorySnapshot();
writeFileSync(outFile, image);
const meta = { pyodide: version, bytes: image.length, widgets: JSON.parse(warmed) };
process.stdout.write(JSON.stringify(meta) + "\n");

// Zero every byte malloc holds free (taken with malloc, zeroed, given back) and everything above
// the program break: memory nobody will read before writing it. Blocks that would come from
// beyond the break (the heap growing) are given back at once, not zeroed.
function zeroFreeMemory(module) {
  const heap = () => module.HEAPU8;
  const breakAt = module._sbrk(0) >>> 0;
  const blocks = [];
  for (let size = 1 << 20; size >= 16; size >>>= 1) {
    for (;;) {
      const block = module._malloc(size) >>> 0;
      if (!block) break;
      if (block + size > breakAt) {
        module._free(block);
        break;
      }
      heap().fill(0, block, block + size);
      blocks.push(block);
    }
  }
  for (const block of blocks) module._free(block);
  module._malloc_trim(0);
  heap().fill(0, module._sbrk(0) >>> 0);
}
