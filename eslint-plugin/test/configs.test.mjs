// The plugin as ESLint loads it: its meta, its configs, the module it takes
// its facts from, and the limits the package keeps.
import * as standard from "closecodes";
import { Linter } from "eslint";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import plugin from "../index.js";
import { importChatModule, pluginDir } from "./helpers.mjs";

const pkg = JSON.parse(readFileSync(path.join(pluginDir, "package.json"), "utf8"));
const chat = await importChatModule();
const open = 'const ws = new WebSocket("wss://example.test/");\n';
const lint = (code, config) => new Linter().verify(code, [config], "page.js").map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.messageId}`);

test("meta names the package", () => {
  assert.deepEqual(plugin.meta, { name: pkg.name, version: pkg.version, namespace: "closecodes" });
});

test("every rule has a type, a docs page in the package, messages and an options schema", () => {
  assert.deepEqual(Object.keys(plugin.rules).sort(), ["close-reason-max-bytes", "no-unsendable-close-code", "prefer-named-close-code"]);
  for (const [name, rule] of Object.entries(plugin.rules)) {
    assert.ok(["problem", "suggestion"].includes(rule.meta.type), name);
    const page = `https://github.com/closecodes/closecodes/blob/main/eslint-plugin/docs/rules/${name}.md`;
    assert.equal(rule.meta.docs.url, page);
    const doc = readFileSync(path.join(pluginDir, "docs", "rules", `${name}.md`), "utf8");
    assert.match(doc, new RegExp(`^# closecodes/${name}\\n`), `${name}.md starts with the rule's name`);
    for (const option of Object.keys(rule.meta.schema[0].properties)) {
      assert.match(doc, new RegExp(`\`${option}\``), `${name}.md documents the option ${option}`);
    }
    assert.ok(Object.keys(rule.meta.messages).length > 0, name);
  }
  assert.deepEqual(readdirSync(path.join(pluginDir, "docs", "rules")).sort(), Object.keys(plugin.rules).sort().map((n) => `${n}.md`));
});

test("configs.recommended is a flat config of every rule, on the standard registry", () => {
  const { recommended } = plugin.configs;
  assert.equal(recommended.name, "closecodes/recommended");
  assert.equal(recommended.plugins.closecodes, plugin);
  assert.equal(recommended.settings, undefined);
  assert.deepEqual(recommended.rules, {
    "closecodes/no-unsendable-close-code": "error",
    "closecodes/close-reason-max-bytes": "error",
    "closecodes/prefer-named-close-code": "warn",
  });
  assert.deepEqual(lint(open + "ws.close(1001); ws.close(1000); ws.close(4001);", recommended),
    ["2:10 closecodes/no-unsendable-close-code unsendable", "2:26 closecodes/prefer-named-close-code named"]);
});

test("configs.forModule names an app's codes and reports those it does not declare", () => {
  const config = plugin.configs.forModule(chat);
  assert.equal(config.name, "closecodes/for-module");
  assert.deepEqual(config.rules["closecodes/prefer-named-close-code"], ["warn", { reportUndeclared: true }]);
  assert.deepEqual(lint(open + "ws.close(1001); ws.close(4001); ws.close(4002); ws.close(4403);", config), [
    "2:10 closecodes/no-unsendable-close-code unsendable",
    "2:26 closecodes/prefer-named-close-code named",
    "2:42 closecodes/prefer-named-close-code undeclared",
    "2:58 closecodes/prefer-named-close-code named",
  ]);
});

test("settings.closecodes.module takes a module namespace as ESLint merges it", () => {
  const config = { ...plugin.configs.recommended, settings: { closecodes: { module: chat } } };
  assert.deepEqual(lint(open + "ws.close(4001);", config), ["2:10 closecodes/prefer-named-close-code named"]);
});

test("a module without the exports the rules read is refused, naming what is missing", () => {
  const incomplete = { ...standard, browserCanSend: undefined };
  for (const [mod, missing] of [[{}, "CloseCode"], [undefined, "CloseCode"], [incomplete, "browserCanSend"], [{ ...standard, CloseCode: null }, "CloseCode"]]) {
    assert.throws(() => plugin.configs.forModule(mod), (e) => e instanceof TypeError &&
      e.message.includes(`configs.forModule's argument has no ${missing}`) && e.message.includes("gencodes"));
  }
  const config = { ...plugin.configs.recommended, settings: { closecodes: { module: "./closecodes.js" } } };
  assert.throws(() => lint("x;", config), /settings\.closecodes\.module has no CloseCode/);
});

test("wrong options are refused by the schema", () => {
  const config = { plugins: { closecodes: plugin }, rules: { "closecodes/close-reason-max-bytes": ["error", { requireTruncate: "yes" }] } };
  assert.throws(() => lint("x;", config), /should be boolean/);
  const unknown = { plugins: { closecodes: plugin }, rules: { "closecodes/no-unsendable-close-code": ["error", { wrapper: ["X"] }] } };
  assert.throws(() => lint("x;", unknown), /additional properties/i);
});

// source returns the plugin's JavaScript apart from its tests, by file.
function source() {
  const files = ["index.js", ...readdirSync(path.join(pluginDir, "lib"), { recursive: true }).filter((f) => f.endsWith(".js")).map((f) => path.join("lib", f))];
  return Object.fromEntries(files.map((f) => [f, readFileSync(path.join(pluginDir, f), "utf8")]));
}

test("the plugin's JavaScript stays within 400 lines and imports only the generated module", () => {
  let lines = 0;
  for (const [file, text] of Object.entries(source())) {
    lines += text.split("\n").length - 1;
    for (const [, spec] of text.matchAll(/^import .* from "([^"]+)";$/gm)) {
      assert.ok(spec === "closecodes" || spec.startsWith("./") || spec.startsWith("../") || spec.startsWith("node:"), `${file} imports ${spec}`);
    }
  }
  assert.ok(lines <= 400, `the plugin's JavaScript is ${lines} lines, over its budget of 400`);
});

test("no close code or reason limit is written in the plugin: the facts come from the generated module", () => {
  for (const [file, text] of Object.entries(source())) {
    const code = text.replace(/^\s*\/\/.*$/gm, "");
    assert.doesNotMatch(code, /\b(1\d{3}|[2-4]\d{3}|123|125)\b/, `${file} writes a close code or the reason limit`);
  }
  assert.ok(existsSync(path.join(pluginDir, "node_modules", "closecodes", "js", "closecodes.js")));
});
