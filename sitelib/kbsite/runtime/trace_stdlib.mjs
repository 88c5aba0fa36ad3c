// Which standard-library files our widgets use: start Pyodide in Node with the whole standard
// library, put the wheels where the browser's worker puts them, run every widget the way the
// browser does (start in each language, the build's warm-up, then the "prepare" step a page
// sends once the live version shows, with tzdata present), and list the zip's files that were
// imported. The build ships those as the standard library a start downloads
// (kbsite/runtime/stdlib.py); the rest stays on the server for a module nobody foresaw.
//
// Usage: node sitelib/kbsite/runtime/trace_stdlib.mjs RUNTIME_DIR OUR_WHEEL [PINNED_WHEEL...]
// Prints one line of JSON: {"zip": path of the standard library in Python, "files": [members]}.
import { startPyodide, writeWheels } from "./node_pyodide.mjs";

const [runtimeDir, ...wheels] = process.argv.slice(2);
const { pyodide } = await startPyodide(runtimeDir);
const paths = writeWheels(pyodide, wheels);
const traced = pyodide.runPython(`
import importlib, json, sys
stdlib = next(p for p in sys.path if p.endswith(".zip"))
ours, *pinned = ${JSON.stringify(paths)}
sys.path.append(ours)
from kbwidgets.engine.widget import registry
from kbwidgets.entrypoints import browser
browser.warm_up()
# As the worker loads the pinned wheels a widget needs (loadPackages in kbw-worker.mjs).
sys.path += pinned
importlib.invalidate_caches()
env = {"now": "2026-01-01T00:00:00Z", "tz": 480, "zone": "Asia/Hong_Kong"}
for name, widget in registry().items():
    if widget.interactive:
        browser.respond({"widget": name, "lang": "en", "op": "prepare", "env": env})
files = set()
for module in list(sys.modules.values()):
    where = getattr(module, "__file__", None) or ""
    if where.startswith(stdlib + "/"):
        files.add(where[len(stdlib) + 1:])
json.dumps({"zip": stdlib, "files": sorted(files)})
`);
process.stdout.write(traced + "\n");
