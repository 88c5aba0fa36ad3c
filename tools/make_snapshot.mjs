// Build-time Pyodide memory snapshot: start the interpreter once in Node, import the standard
// library modules the widgets use, and save the memory image (gzipped). Browsers that load it
// skip most of Python's start-up. `_makeSnapshot` / `makeMemorySnapshot` are private Pyodide
// APIs tied to one runtime build, so the site records which Pyodide version made the snapshot
// and the worker falls back to a normal start on any mismatch or failure.
//
// Usage: node tools/make_snapshot.mjs RUNTIME_DIR OUT_FILE module1,module2,...
// Prints one line of JSON: {"pyodide": version, "bytes": raw size, "gzip_bytes": file size}.
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const [runtimeDir, outFile, moduleList = ""] = process.argv.slice(2);
const dir = runtimeDir.endsWith("/") ? runtimeDir : runtimeDir + "/";
const { loadPyodide, version } = await import(pathToFileURL(dir + "pyodide.mjs").href);
const pyodide = await loadPyodide({
  indexURL: dir,
  lockFileURL: dir + "pyodide-lock.json",
  _makeSnapshot: true,
  stdout: () => {},
  stderr: (line) => process.stderr.write(line + "\n"),
});
// Pyodide's own package loader runs at every start (it installs our wheel, and imports tarfile
// to look for shared libraries in it); importing both here
// saves several hundred milliseconds per page visit.
const PYODIDE_MODULES = ["pyodide._package_loader", "tarfile"];
const modules = [...moduleList.split(",").filter(Boolean), ...PYODIDE_MODULES];
pyodide.globals.set("kbw_modules", pyodide.toPy(modules));
pyodide.runPython(`
import importlib
for name in kbw_modules:
    try:
        importlib.import_module(name)
    except ImportError:
        pass  # a module of the build machine's CPython that this Python lacks
del kbw_modules, importlib, name
`);
const image = pyodide.makeMemorySnapshot();
const packed = gzipSync(image, { level: 6 });
writeFileSync(outFile, packed);
process.stdout.write(JSON.stringify({ pyodide: version, bytes: image.length, gzip_bytes: packed.length }) + "\n");
