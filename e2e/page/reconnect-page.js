// The page side of the reconnect test: runs keepConnected (reconnect.js)
// against the server's /ws/reconnect and reports what it did.
import { keepConnected } from "./reconnect.js";

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Connects as session until keepConnected stops, then waits settleMs more,
// so that a reconnect the page should not have made reaches the server
// before the test asks it. It waits 10 ms wherever the policy asks for a
// wait, and reports the hint it was given instead.
window.runSession = async (session, settleMs) => {
  const report = { closes: [], hints: [], tokens: [] };
  let token = "";
  let opened = 0;
  const ended = await keepConnected({
    open: () => {
      // A bound for the test only: a policy that never says stop fails here.
      if (++opened > 5) throw new Error(`session ${session}: a sixth connection; the policy never said stop`);
      return new WebSocket(`ws://${location.host}/ws/reconnect?` + new URLSearchParams({ session, token }));
    },
    wait: (hint) => {
      report.hints.push(hint ?? null);
      return sleep(10);
    },
    refresh: async () => {
      const response = await fetch("/token?" + new URLSearchParams({ session }));
      if (!response.ok) throw new Error(`GET /token: ${response.status}`);
      token = await response.text();
      report.tokens.push(token);
    },
    onClose: (event, policy) => report.closes.push({ code: event.code, policy }),
  });
  report.ended = { code: ended.event.code, policy: ended.policy };
  await sleep(settleMs);
  return report;
};

window.pageReady = true;
