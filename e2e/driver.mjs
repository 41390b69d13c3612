// Drives headless Chromium for the end-to-end suite. The Go test starts the
// server, runs `node driver.mjs`, writes the plan to standard input as JSON,
// and reads the results from standard output as JSON:
//
//   plan:    { "chromium": "/usr/bin/chromium", "url": "...", "screenshot": "path.png",
//              "serverCloses": [{ "query": "code=1000&reason=bye", "asked": "1000" }],
//              "pageCloses": [{ "id": "p1000", "code": 1000, "reason": "bye" }] }
//   results: { "serverCloses": [...], "codes": {...}, "reasons": [...], "pageCloses": [...] }
import { readFileSync } from "node:fs";
import { openPage } from "./chromium.mjs";

const plan = JSON.parse(readFileSync(0, "utf8"));
// The Go test finds the browser (CHROME_PATH, PATH, /usr/bin/chromium) and
// names it in the plan, so there is one place that decides.
const { browser, page, consoleErrors } = await openPage(plan.chromium, plan.url);
try {
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
