// Drives headless Chromium for the end-to-end suite. The Go test starts the
// server, runs `node driver.mjs`, writes the plan to standard input as JSON,
// and reads the results from standard output as JSON:
//
//   plan:    { "chromium": "/usr/bin/chromium", "url": "...", "screenshot": "path.png",
//              "serverCloses": [{ "query": "code=1000&reason=bye", "asked": "1000" }],
//              "pageCloses": [{ "id": "p1000", "code": 1000, "reason": "bye" }] }
//   results: { "serverCloses": [...], "codes": {...}, "reasons": [...], "pageCloses": [...] }
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";

const plan = JSON.parse(readFileSync(0, "utf8"));
// The Go test finds the browser (CHROME_PATH, PATH, /usr/bin/chromium) and
// names it in the plan, so there is one place that decides.
const executablePath = plan.chromium;
if (!executablePath) throw new Error("driver.mjs: the plan names no chromium");

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  const consoleErrors = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") consoleErrors.push(msg.text());
  });
  page.on("pageerror", (err) => consoleErrors.push(String(err)));
  await page.goto(plan.url);
  await page.waitForFunction(() => window.pageReady === true, null, { timeout: 10000 });

  const results = { browser: browser.version(), serverCloses: [], pageCloses: [] };
  for (const { query, asked } of plan.serverCloses) {
    results.serverCloses.push(
      await page.evaluate(([q, a]) => window.closeFromServer(q, a), [query, asked]),
    );
  }
  await page.screenshot({ path: plan.screenshot, fullPage: true });

  results.codes = await page.evaluate(() => window.oracleCodes());
  results.reasons = await page.evaluate(() => window.oracleReasons());

  for (const { id, code, reason } of plan.pageCloses) {
    results.pageCloses.push(
      await page.evaluate(([i, c, r]) => window.closeFromPage(i, c, r), [id, code, reason]),
    );
  }
  // The browser reports failed WebSocket handshakes and closes as console
  // errors only when something is wrong with the page; keep them for the test.
  results.consoleErrors = consoleErrors;
  process.stdout.write(JSON.stringify(results));
} finally {
  await browser.close();
}
