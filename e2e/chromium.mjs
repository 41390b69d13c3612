// Starts headless Chromium for the drivers (driver.mjs, reconnect-driver.mjs).
import { chromium } from "playwright-core";

// openPage launches the Chromium at executablePath and opens url in a new
// page, resolving once the page sets window.pageReady. A page whose script
// fails to load, such as when the generated module lacks an export that the
// page imports, fails here with the browser's own message, not a timeout.
// The caller closes the browser.
export async function openPage(executablePath, url, viewport = { width: 1000, height: 900 }) {
  if (!executablePath) throw new Error("the plan names no chromium");
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
    const page = await browser.newPage({ viewport });
    const consoleErrors = [];
    page.on("console", (msg) => {
      if (msg.type() === "error") consoleErrors.push(msg.text());
    });
    page.on("pageerror", (err) => consoleErrors.push(String(err)));
    const failed = new Promise((resolve) => page.once("pageerror", resolve));
    await page.goto(url);
    const ready = page.waitForFunction(() => window.pageReady === true, null, { timeout: 10000 });
    const error = await Promise.race([ready.then(() => null), failed]);
    if (error) throw new Error(`${url} did not load: ${error.message}`);
    return { browser, page, consoleErrors };
  } catch (e) {
    await browser.close();
    throw e;
  }
}
