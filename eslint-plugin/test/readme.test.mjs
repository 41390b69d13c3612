// The README's steps, as written, in a scratch app: it installs the plugin
// from this clone with the README's npm command (only the clone's path filled
// in), writes each config and page the README shows, runs `npx eslint .`, and
// checks that the problems are those the README says. Then it checks the
// recommended config once more under ESLint 9, which the plugin supports too.
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { pluginDir, repoRoot } from "./helpers.mjs";

const readme = readFileSync(path.join(pluginDir, "README.md"), "utf8");
const blocks = new Map([...readme.matchAll(/<!-- test: ([\w ]+) -->\n```\w+\n([\s\S]*?)```\n/g)].map(([, name, text]) => [name, text]));
const used = new Set();

// block returns the README's code block marked name.
function block(name) {
  assert.ok(blocks.has(name), `README.md has no block marked <!-- test: ${name} -->`);
  used.add(name);
  return blocks.get(name);
}

const app = mkdtempSync(path.join(tmpdir(), "eslint-plugin-closecodes-readme-"));
const env = { ...process.env, npm_config_audit: "false", npm_config_fund: "false", npm_config_prefer_offline: "true" };
const write = (file, text) => {
  mkdirSync(path.dirname(path.join(app, file)), { recursive: true });
  writeFileSync(path.join(app, file), text);
};

// run runs a command of the README in the app, with the clone's path filled in.
function run(command) {
  const filled = command.replaceAll("../path/to/closecodes", repoRoot).trim();
  const result = spawnSync("sh", ["-c", filled], { cwd: app, env, encoding: "utf8" });
  assert.ifError(result.error);
  return result;
}

// lint runs the README's `npx eslint .` and returns its problems as
// "file:line severity rule", parsed from ESLint's default output.
function lint() {
  const { status, stdout, stderr } = run(block("lint"));
  assert.equal(stderr, "", "eslint wrote to standard error");
  const problems = [];
  let file;
  for (const line of stdout.split("\n")) {
    if (line.startsWith(app)) file = path.relative(app, line);
    const m = line.match(/^\s+(\d+):\d+\s+(error|warning)\s+.*\s(closecodes\/[\w-]+)$/);
    if (m) problems.push(`${file}:${m[1]} ${m[2]} ${m[3]}`);
  }
  return { status, problems: problems.sort(), stdout };
}

test("the README's steps, in a scratch app", { timeout: 240_000 }, async (t) => {
  write("package.json", '{ "private": true, "type": "module" }\n');
  const page = "web/app.js: close(1001) is an error";
  const pageProblem = "web/app.js:2 error closecodes/no-unsendable-close-code";

  await t.test("install", () => {
    const { status, stderr } = run(block("install"));
    assert.equal(status, 0, stderr);
  });

  await t.test(`recommended config: ${page}`, () => {
    write("eslint.config.js", block("recommended config"));
    write("web/app.js", block("page"));
    const { status, problems, stdout } = lint();
    assert.deepEqual(problems, [pageProblem]);
    assert.match(stdout, /WebSocket\.close\(\) throws InvalidAccessError for code 1001 \(GoingAway\): a browser may not send it/);
    assert.equal(status, 1);
  });

  await t.test("an app's module: its codes named, an undeclared one reported", () => {
    copyFileSync(path.join(repoRoot, "examples", "registries", "chat.yaml"), path.join(app, "closecodes.yaml"));
    execFileSync("go", ["run", "./cmd/gencodes", "-registry", path.join(app, "closecodes.yaml"), "-go-out", "", "-docs-out", "", "-json-out", ""],
      { cwd: repoRoot, stdio: "inherit" });
    write("eslint.config.js", block("app config"));
    write("web/chat.js", block("app page"));
    const { problems, stdout } = lint();
    assert.deepEqual(problems, [pageProblem, "web/chat.js:2 warning closecodes/prefer-named-close-code",
      "web/chat.js:3 warning closecodes/prefer-named-close-code"]);
    assert.match(stdout, /Close code 4001 is SessionExpired in the registry/);
    assert.match(stdout, /Close code 4002 is not declared in the registry/);
  });

  await t.test("type information: a socket known by its type alone", () => {
    const { status, stderr } = run(block("typed install"));
    assert.equal(status, 0, stderr);
    write("eslint.config.js", block("typed config"));
    write("tsconfig.json", block("tsconfig"));
    write("web/stop.ts", block("typed page"));
    const { problems } = lint();
    assert.deepEqual(problems, [pageProblem, "web/stop.ts:2 error closecodes/no-unsendable-close-code"]);
  });

  await t.test("wrappers, and requireTruncate", () => {
    write("eslint.config.js", block("wrappers config"));
    write("web/reconnecting.js", block("wrappers page"));
    const { problems, stdout } = lint();
    assert.deepEqual(problems, [pageProblem, "web/reconnecting.js:4 error closecodes/no-unsendable-close-code",
      "web/reconnecting.js:5 error closecodes/close-reason-max-bytes"]);
    assert.match(stdout, /pass it through truncateCloseReason/);
  });

  await t.test("every code block of the README was run or written", () => {
    assert.deepEqual([...blocks.keys()].filter((name) => !used.has(name)), []);
    assert.equal(blocks.size, readme.match(/^```\w/gm).length, "a code block without a test marker");
  });

  await t.test("ESLint 9 too", () => {
    const { status, stderr } = run("npm install --save-dev eslint@9");
    assert.equal(status, 0, stderr);
    write("eslint.config.js", block("recommended config"));
    const { problems } = lint();
    assert.deepEqual(problems, [pageProblem]);
    assert.match(run("npx eslint --version").stdout, /^v9\./);
  });
});
