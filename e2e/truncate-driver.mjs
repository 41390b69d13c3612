// Drives headless Chromium for truncate_test.go: asks the browser whether
// ws.close(1000, truncateCloseReason(s)) ever throws. It reads the plan from
// standard input and writes the results to standard output, both as JSON:
//
//   plan:    { "chromium": "/usr/bin/chromium", "url": ".../index.html",
//              "vectors": "<the text of generated/testdata/truncate-reason.json>",
//              "random": 10000, "seed": 20261207 }
//   results: { "browser": "...", "vectors": 32, "random": 10000, "threw": [...],
//              "wrong": [...], "overLimit": 4321, "loneSurrogates": 5678, "consoleErrors": [...] }
//
// The vectors go to the page as text: JSON.parse in the page keeps their lone
// surrogates, which a string passed through the driver's protocol may not.
import { readFileSync } from "node:fs";
import { openPage } from "./chromium.mjs";

const plan = JSON.parse(readFileSync(0, "utf8"));
const { browser, page, consoleErrors } = await openPage(plan.chromium, plan.url);
try {
  const results = await page.evaluate(closeWithTruncated, [plan.vectors, plan.random, plan.seed]);
  results.browser = browser.version();
  results.consoleErrors = consoleErrors;
  process.stdout.write(JSON.stringify(results));
} finally {
  await browser.close();
}

// closeWithTruncated runs in the page. It closes one socket again and again:
// close() checks its arguments before the state of the connection. Each
// vector's reason, and each byte case's bytes decoded as a page decodes them,
// is truncated and must give the vector's want; random strings of 0-300
// UTF-16 units mix characters of every UTF-8 width and lone surrogates.
async function closeWithTruncated([vectorsText, count, seed]) {
  const { truncateCloseReason, MAX_CLOSE_REASON_BYTES } = await import("/closecodes.js");
  const ws = new WebSocket(`ws://${location.host}/ws/close?code=1000`);
  await new Promise((resolve) => ws.addEventListener("close", resolve));
  const utf8 = new TextEncoder();
  const results = { vectors: 0, random: 0, threw: [], wrong: [], overLimit: 0, loneSurrogates: 0 };
  const check = (reason, label, want) => {
    const truncated = truncateCloseReason(reason);
    try {
      ws.close(1000, truncated);
    } catch (e) {
      if (results.threw.length < 10) results.threw.push(`${label}: ${e.name}: ${JSON.stringify(reason)}`);
    }
    const bytes = utf8.encode(truncated).length;
    if ((want !== undefined && truncated !== want) || bytes > MAX_CLOSE_REASON_BYTES) {
      if (results.wrong.length < 10) results.wrong.push(`${label}: ${bytes} bytes: ${JSON.stringify(truncated)}`);
    }
  };

  const vectors = JSON.parse(vectorsText);
  for (const { name, reason, want } of vectors.cases) {
    check(reason, name, want);
    results.vectors++;
  }
  for (const { name, reason_hex, want } of vectors.byte_cases) {
    const bytes = new Uint8Array(reason_hex.match(/../g)?.map((h) => parseInt(h, 16)) ?? []);
    check(new TextDecoder().decode(bytes), name, want);
    results.vectors++;
  }

  // mulberry32, exact in 32-bit integer arithmetic, so that a failure
  // repeats with the seed.
  const next = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let z = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    z = (z + Math.imul(z ^ (z >>> 7), 61 | z)) ^ z;
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
  const pools = [[0x20, 0x7e], [0x80, 0x7ff], [0x800, 0xd7ff], [0xe000, 0xffff], [0xd800, 0xdbff], [0xdc00, 0xdfff]];
  for (let n = 0; n < count; n++) {
    let s = "";
    const length = Math.floor(next() * 301);
    while (s.length < length) {
      if (next() < 0.15) {
        s += String.fromCodePoint(0x10000 + Math.floor(next() * 0x100000));
        continue;
      }
      const [lo, hi] = pools[Math.floor(next() * pools.length)];
      s += String.fromCharCode(lo + Math.floor(next() * (hi - lo + 1)));
    }
    if (utf8.encode(s).length > MAX_CLOSE_REASON_BYTES) results.overLimit++;
    if (!s.isWellFormed()) results.loneSurrogates++;
    check(s, `random string ${n}`);
    results.random++;
  }
  return results;
}
