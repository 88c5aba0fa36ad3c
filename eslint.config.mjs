// ESLint for our browser scripts (`make check`): transport and DOM code, so the recommended
// rules plus the ones that catch what breaks a page silently. Scripts are plain browser
// scripts; kbw-worker.mjs is a module worker; sw.js a service worker; build scripts run in Node.
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["overrides/assets/javascripts/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "script",
      globals: { ...globals.browser, document$: "readonly" },
    },
  },
  {
    files: ["overrides/assets/javascripts/**/*.mjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.worker } },
  },
  {
    // The service worker and its kill switch; kbsite.offline declares the KB_* constants.
    files: ["sitelib/kbsite/offline/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "script", globals: { ...globals.serviceworker } },
  },
  {
    files: ["sitelib/**/*.mjs", "tools/**/*.mjs", "*.mjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.node } },
  },
  {
    rules: {
      "no-unused-vars": ["error", { args: "after-used", caughtErrors: "none" }],
      eqeqeq: ["error", "always"],
      "no-implicit-globals": "error",
      "no-var": "off",
    },
  },
  { ignores: ["site/**", "node_modules/**", ".venv/**", ".tools/**", ".cache/**", "tools/reports/audit/node_modules/**"] },
];
