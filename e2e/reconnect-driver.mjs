// Drives the reconnect page (page/reconnect.html) for reconnect_test.go:
// reads the plan from standard input and writes the page's reports to
// standard output, both as JSON:
//
//   plan:    { "chromium": "/usr/bin/chromium", "url": ".../reconnect.html",
//              "sessions": ["restart", "policy"], "settleMs": 500 }
//   results: { "browser": "...", "reports": [{ "closes": [...], "hints": [...],
//              "tokens": [...], "ended": {...} }], "consoleErrors": [...] }
import { readFileSync } from "node:fs";
import { openPage } from "./chromium.mjs";

const plan = JSON.parse(readFileSync(0, "utf8"));
const { browser, page, consoleErrors } = await openPage(plan.chromium, plan.url);
try {
  const results = { browser: browser.version(), reports: [] };
  for (const session of plan.sessions) {
    results.reports.push(
      await page.evaluate(([s, ms]) => window.runSession(s, ms), [session, plan.settleMs]),
    );
  }
  results.consoleErrors = consoleErrors;
  process.stdout.write(JSON.stringify(results));
} finally {
  await browser.close();
}
