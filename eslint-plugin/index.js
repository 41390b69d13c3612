// eslint-plugin-closecodes: ESLint rules for the WebSocket close codes and
// reasons that a browser refuses, with their facts from a module that
// closecodes' gencodes generated. The default export is the plugin.
import { readFileSync } from "node:fs";
import { checkModule } from "./lib/registry.js";
import reasonMaxBytes from "./lib/rules/close-reason-max-bytes.js";
import noUnsendable from "./lib/rules/no-unsendable-close-code.js";
import preferNamed from "./lib/rules/prefer-named-close-code.js";

const { name, version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));

const plugin = {
  meta: { name, version, namespace: "closecodes" },
  rules: { "no-unsendable-close-code": noUnsendable, "close-reason-max-bytes": reasonMaxBytes, "prefer-named-close-code": preferNamed },
  configs: {},
};

const rules = { "closecodes/no-unsendable-close-code": "error", "closecodes/close-reason-max-bytes": "error",
  "closecodes/prefer-named-close-code": "warn" };

// configs.recommended checks against the standard registry:
// export default [closecodes.configs.recommended].
plugin.configs.recommended = { name: "closecodes/recommended", plugins: { closecodes: plugin }, rules };

// configs.forModule(mod) is the recommended config for an app's registry,
// given as its generated JavaScript module: the app's codes are named, and a
// code valid on the wire that it does not declare is reported. The module is
// copied: ESLint may freeze settings, and a module namespace cannot be.
plugin.configs.forModule = (mod) => ({
  name: "closecodes/for-module",
  plugins: { closecodes: plugin },
  settings: { closecodes: { module: { ...checkModule(mod, "configs.forModule's argument") } } },
  rules: { ...rules, "closecodes/prefer-named-close-code": ["warn", { reportUndeclared: true }] },
});

export default plugin;
