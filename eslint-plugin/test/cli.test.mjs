// A real run of the eslint command with the recommended config
// (eslint.config.js here, the README's): clean over the repository's own
// browser and example JavaScript and over Node server code, and exactly the
// problems of fixtures/mistakes.expected over the fixture of mistakes. Set
// CLOSECODES_UPDATE_EXPECTED=1 to rewrite that file, then read the diff.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { pluginDir, repoRoot } from "./helpers.mjs";

const eslintBin = path.join(pluginDir, "node_modules", "eslint", "bin", "eslint.js");
const expectedFile = path.join(pluginDir, "test", "fixtures", "mistakes.expected");

// eslint runs the command from the repository's root, and returns its exit
// status and output, with the root's path taken out of file names.
function eslint(...args) {
  const run = spawnSync(process.execPath, [eslintBin, "--config", "eslint-plugin/test/eslint.config.js", "--no-color", ...args],
    { cwd: repoRoot, encoding: "utf8" });
  assert.ifError(run.error);
  return { status: run.status, output: (run.stdout + run.stderr).replaceAll(repoRoot + path.sep, "") };
}

const clean = ["e2e/page", "examples", "eslint-plugin/test/fixtures/server.js"];

test("clean over e2e/page, examples/ and Node server code, warnings included", () => {
  const { status, output } = eslint("--max-warnings", "0", ...clean);
  assert.equal(output, "");
  assert.equal(status, 0);
});

test("the clean run lints every JavaScript file there", () => {
  const { output } = eslint("--format", "json", ...clean);
  const linted = JSON.parse(output).map((r) => r.filePath).sort(); // relative: eslint() took the root out
  for (const file of ["e2e/page/app.js", "e2e/page/reconnect-page.js", "e2e/page/reconnect.js",
    "examples/websocket/client.mjs", "eslint-plugin/test/fixtures/server.js"]) {
    assert.ok(linted.includes(file), `${file} was not linted; linted: ${linted.join(", ")}`);
  }
});

test("the fixture of mistakes gives exactly the expected problems", () => {
  const { status, output } = eslint("eslint-plugin/test/fixtures/mistakes.js");
  if (process.env.CLOSECODES_UPDATE_EXPECTED === "1") writeFileSync(expectedFile, output);
  assert.equal(output, readFileSync(expectedFile, "utf8"));
  assert.equal(status, 1, "errors make eslint exit with 1");
});
