// Prints the precache manifest of a built site as JSON: Workbox's own build tooling
// (workbox-build's getManifest) globs the files and gives each a content revision, so that a
// new deploy replaces exactly the files that changed. Called by kbsite.offline.
//   node manifest.mjs <site folder> <json of {globPatterns, globIgnores, maximumFileSizeToCacheInBytes}>
import { getManifest } from "workbox-build";

const [siteDir, optionsJson] = process.argv.slice(2);
const options = JSON.parse(optionsJson);
const { manifestEntries, count, size, warnings } = await getManifest({
  globDirectory: siteDir,
  ...options,
});
process.stdout.write(JSON.stringify({ entries: manifestEntries, count, size, warnings }));
