// Drives headless Chromium for codemap_test.go: opens each code map (an SVG
// file of generated/docs), in the light and the dark colour scheme, and
// reports what the browser made of it. Plan on standard input, results on
// standard output, both JSON:
//
//   plan:    { "chromium": "/usr/bin/chromium", "maps": ["/abs/close-codes.svg", ...], "shots": "/abs/dir" }
//   results: [ { "map": "...", "scheme": "dark", "consoleErrors": [], "width": 960, "height": 200,
//                "texts": 23, "rects": 30, "textFill": "rgb(230, 237, 243)", "screenshot": "/abs/dir/x.png" } ]
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const plan = JSON.parse(readFileSync(0, "utf8"));
const browser = await chromium.launch({
  executablePath: plan.chromium,
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
    "--no-first-run", "--disable-component-update", "--disable-sync"],
});
const results = [];
try {
  for (const map of plan.maps) {
    for (const scheme of ["light", "dark"]) {
      const page = await browser.newPage({ viewport: { width: 980, height: 220 }, colorScheme: scheme });
      const consoleErrors = [];
      page.on("console", (msg) => { if (msg.type() === "error") consoleErrors.push(msg.text()); });
      page.on("pageerror", (err) => consoleErrors.push(String(err)));
      await page.goto(pathToFileURL(map).href);
      const facts = await page.evaluate(() => {
        const svg = document.documentElement;
        const box = svg.getBoundingClientRect();
        const text = document.querySelector("text");
        return {
          root: svg.localName, width: box.width, height: box.height,
          texts: document.querySelectorAll("text").length, rects: document.querySelectorAll("rect").length,
          textFill: text ? getComputedStyle(text).fill : "",
        };
      });
      const screenshot = path.join(plan.shots, `${path.basename(map, ".svg")}-${scheme}.png`);
      await page.screenshot({ path: screenshot });
      results.push({ map, scheme, consoleErrors, screenshot, ...facts });
      await page.close();
    }
  }
  process.stdout.write(JSON.stringify(results));
} finally {
  await browser.close();
}
