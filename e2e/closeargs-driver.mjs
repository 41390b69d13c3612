// Drives headless Chromium for closeargs_test.go: calls ws.close(code,
// reason) and closeWebSocket(ws, code, reason) with the same plain
// JavaScript arguments, numbers or not, strings or not, and reports which
// throws what. Plan on standard input, results on standard output, JSON:
//
//   plan:    { "chromium": "/usr/bin/chromium", "url": ".../index.html" }
//   results: { "browser": "...", "calls": [ { "args": "...", "browser": "InvalidAccessError",
//              "closeWebSocket": "RangeError", "fraction": false } ], "consoleErrors": [] }
import { readFileSync } from "node:fs";
import { openPage } from "./chromium.mjs";

const plan = JSON.parse(readFileSync(0, "utf8"));
const { browser, page, consoleErrors } = await openPage(plan.chromium, plan.url);
try {
  const calls = await page.evaluate(closeBothWays);
  process.stdout.write(JSON.stringify({ browser: browser.version(), calls, consoleErrors }));
} finally {
  await browser.close();
}

// closeBothWays runs in the page, on one closed socket: close() checks its
// arguments before the state of the connection.
async function closeBothWays() {
  const { closeWebSocket } = await import("/closecodes.js");
  const ws = new WebSocket(`ws://${location.host}/ws/close?code=1000`);
  await new Promise((resolve) => ws.addEventListener("close", resolve));
  const codes = [1000, "1000", " 1000 ", "1e3", "3000", 4999, 1001, "1001", "abc", "", null, true, false, 0,
    65535, 70000, -1, NaN, Infinity, {}, [], [1000], [4001], 1000.5, 4999.5, 2999.5, Symbol("code"), 1000n];
  const reasons = ["", "bye", null, 42, undefined, {}, "é".repeat(61) + "a", "é".repeat(62), Symbol("reason")];
  const attempt = (f) => {
    try {
      f();
      return "";
    } catch (e) {
      return e.name;
    }
  };
  const shown = (v) => (typeof v === "string" ? JSON.stringify(v) : typeof v === "bigint" ? `${v}n` : String(v));
  const calls = [];
  for (const code of codes) {
    for (const reason of reasons) {
      calls.push({
        args: `${shown(code)}, ${shown(reason)}`,
        browser: attempt(() => ws.close(code, reason)),
        closeWebSocket: attempt(() => closeWebSocket(ws, code, reason)),
        fraction: typeof code === "number" && Number.isFinite(code) && !Number.isInteger(code),
      });
    }
  }
  return calls;
}
