// What the build's Node scripts (make_snapshot.mjs, trace_stdlib.mjs) share: Pyodide started from
// a runtime folder the way the reader's worker starts it (kbw-worker.mjs), and wheels put where
// the worker puts them.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { pathToFileURL } from "node:url";

// Python's environment, as the reader's worker sets it (runtime.json's "env"), handed over by the
// build (kbsite/runtime/node.py: PYTHON_ENV).
const PYTHON_ENV = JSON.parse(process.env.KB_PYTHON_ENV || "{}");
export const WHEELS = "/lib/wheels";

export async function startPyodide(runtimeDir, options = {}) {
  const dir = runtimeDir.endsWith("/") ? runtimeDir : runtimeDir + "/";
  const { loadPyodide, version } = await import(pathToFileURL(dir + "pyodide.mjs").href);
  const pyodide = await loadPyodide({
    indexURL: dir,
    lockFileURL: dir + "pyodide-lock.json",
    env: { ...PYTHON_ENV },
    stdout: () => {},
    stderr: (line) => process.stderr.write(line + "\n"),
    ...options,
  });
  return { pyodide, version };
}

// Each wheel's path in Python's file system: its own name under WHEELS.
export function writeWheels(pyodide, wheels) {
  pyodide.FS.mkdirTree(WHEELS);
  return wheels.map((wheel) => {
    const path = `${WHEELS}/${basename(wheel)}`;
    pyodide.FS.writeFile(path, readFileSync(wheel));
    return path;
  });
}
