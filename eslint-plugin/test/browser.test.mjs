// Runs the fixture of mistakes in Chromium, so that the rules are held to
// the browser rather than to our reading of the standard. Every exported
// function of fixtures/mistakes.js makes one close() call: where the
// recommended config reports a no-unsendable-close-code error the call must
// throw InvalidAccessError, where it reports a close-reason-max-bytes error
// SyntaxError, and everywhere else it must not throw.
import { ESLint } from "eslint";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { accessSync, constants, readFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { test } from "node:test";
import { chromium } from "playwright-core";
import { pluginDir, repoRoot } from "./helpers.mjs";

const fixture = path.join(pluginDir, "test", "fixtures", "mistakes.js");
const thrownBy = {
  "closecodes/no-unsendable-close-code": "InvalidAccessError",
  "closecodes/close-reason-max-bytes": "SyntaxError",
};

// expectedThrows lints the fixture and returns, for each exported function,
// what its call must throw: the error that the reports in its body name, or
// "nothing".
async function expectedThrows() {
  const eslint = new ESLint({ cwd: pluginDir, overrideConfigFile: "test/eslint.config.js" });
  const [result] = await eslint.lintFiles([fixture]);
  const lines = readFileSync(fixture, "utf8").split("\n");
  const functionAt = [];
  let current;
  lines.forEach((line, i) => {
    const start = line.match(/^export function (\w+)\(/);
    if (start) current = start[1];
    functionAt[i + 1] = current;
    if (line === "}") current = undefined;
  });
  const want = Object.fromEntries(lines.flatMap((l) => l.match(/^export function (\w+)\(/)?.[1] ?? []).map((name) => [name, "nothing"]));
  for (const m of result.messages.filter((m) => m.severity === 2)) {
    const name = functionAt[m.line];
    assert.ok(name, `${m.ruleId} at line ${m.line} is outside the exported functions: keep each mistake in one`);
    assert.ok(thrownBy[m.ruleId], `no browser error known for ${m.ruleId}: ${m.message}`);
    assert.equal(want[name], "nothing", `function ${name} has more than one error: keep one mistake a function`);
    want[name] = thrownBy[m.ruleId];
  }
  return want;
}

// findChromium returns the browser to drive, looked for as e2e/ does:
// CHROME_PATH, then chromium, chromium-browser or google-chrome on PATH, then
// Debian's /usr/bin/chromium.
function findChromium() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  for (const name of ["chromium", "chromium-browser", "google-chrome"]) {
    try {
      return execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim();
    } catch {}
  }
  try {
    accessSync("/usr/bin/chromium", constants.X_OK);
    return "/usr/bin/chromium";
  } catch {
    throw new Error("no Chromium found: set CHROME_PATH, put chromium on PATH, or apt-get install chromium (bash .ci/test does)");
  }
}

// serve serves a page that imports the fixture, with the standard generated
// module as "closecodes", and turns WebSocket handshakes away: close() checks
// its arguments before the state of the connection.
async function serve() {
  const files = {
    "/": ["text/html", '<!doctype html><meta charset="utf-8"><title>eslint-plugin-closecodes fixture</title>' +
      '<script type="importmap">{"imports":{"closecodes":"/closecodes.js"}}</script>' +
      '<script type="module">import * as f from "/mistakes.js"; window.fixture = f; window.pageReady = true;</script>'],
    "/closecodes.js": ["text/javascript", readFileSync(path.join(repoRoot, "generated", "ts", "js", "closecodes.js"))],
    "/mistakes.js": ["text/javascript", readFileSync(fixture)],
  };
  const server = createServer((req, res) => {
    const file = files[req.url];
    res.writeHead(file ? 200 : 404, { "Content-Type": file?.[0] ?? "text/plain" }).end(file?.[1] ?? "not found");
  });
  server.on("upgrade", (_req, socket) => socket.destroy());
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

test("each call the rules flag throws in Chromium what they say, and no other call throws", async () => {
  const want = await expectedThrows();
  assert.ok(Object.values(want).filter((w) => w !== "nothing").length >= 10, "the fixture has its mistakes");
  const server = await serve();
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
      "--no-first-run", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage();
    const pageErrors = [];
    page.on("pageerror", (e) => pageErrors.push(String(e)));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => window.pageReady === true, null, { timeout: 10000 });
    assert.deepEqual(await page.evaluate(() => Object.keys(window.fixture).sort()), Object.keys(want).sort(),
      "the page's exports are the functions found in the source");
    const got = {};
    for (const name of Object.keys(want)) {
      got[name] = await page.evaluate((n) => {
        try {
          window.fixture[n]();
          return "nothing";
        } catch (e) {
          return e.name;
        }
      }, name);
    }
    assert.deepEqual(got, want, `Chromium ${browser.version()} threw otherwise than the rules report`);
    assert.deepEqual(pageErrors, []);
  } finally {
    await browser.close();
    server.close();
  }
});
