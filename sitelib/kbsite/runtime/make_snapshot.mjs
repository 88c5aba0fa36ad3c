// Build-time Pyodide memory snapshot: start the interpreter once in Node, put our kbwidgets wheel
// in place, import it and start every widget once (kbwidgets.entrypoints.browser.warm_up), then save the
// memory image (gzipped). Browsers that load it skip Python's start-up and our imports and data
// parsing. `_makeSnapshot` / `makeMemorySnapshot` are private Pyodide APIs tied to one runtime
// build, so the site records which Pyodide version and which wheel (sha256) made the snapshot,
// and the worker falls back to a normal start on any mismatch or failure.
//
// The wheel is unpacked with Python's zipfile rather than loaded with `packages: [...]`: a
// package loaded by Pyodide's loader leaves JavaScript references behind, and Pyodide refuses to
// snapshot those ("Unexpected hiwire entry"). The browser still installs the wheel normally, so
// the files are there for anything read lazily.
//
// Usage: node sitelib/kbsite/runtime/make_snapshot.mjs RUNTIME_DIR OUT_FILE WHEEL
// Prints one line of JSON: {"pyodide": version, "bytes": raw size, "gzip_bytes": file size,
// "widgets": [names warmed up]}.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const [runtimeDir, outFile, wheel] = process.argv.slice(2);
const dir = runtimeDir.endsWith("/") ? runtimeDir : runtimeDir + "/";
const { loadPyodide, version } = await import(pathToFileURL(dir + "pyodide.mjs").href);
const pyodide = await loadPyodide({
  indexURL: dir,
  lockFileURL: dir + "pyodide-lock.json",
  _makeSnapshot: true,
  stdout: () => {},
  stderr: (line) => process.stderr.write(line + "\n"),
});
pyodide.FS.writeFile("/tmp/kbwidgets.whl", readFileSync(wheel));
// Pyodide's own package loader runs at every start (it installs our wheel, and imports tarfile
// to look for shared libraries in it): importing both here saves time on every page visit.
const warmed = pyodide.runPython(`
import json, os, sysconfig, zipfile
import importlib.metadata, pyodide._package_loader, tarfile
with zipfile.ZipFile("/tmp/kbwidgets.whl") as wheel:
    wheel.extractall(sysconfig.get_paths()["purelib"])
os.remove("/tmp/kbwidgets.whl")
import kbwidgets.entrypoints.browser
json.dumps(kbwidgets.entrypoints.browser.warm_up())
`);
const image = pyodide.makeMemorySnapshot();
const packed = gzipSync(image, { level: 6 });
writeFileSync(outFile, packed);
const meta = { pyodide: version, bytes: image.length, gzip_bytes: packed.length, widgets: JSON.parse(warmed) };
process.stdout.write(JSON.stringify(meta) + "\n");
