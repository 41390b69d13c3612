// How a page follows a server's close codes with the generated module alone:
// reconnectPolicy says whether to come back, retryAfter how long to wait.
import { reconnectPolicy, retryAfter } from "./closecodes.js";

// keepConnected opens a socket with open() and, each time it closes, looks
// up the close code's policy:
//
//   "retry"           wait(hint), then open again. hint is retryAfter(code),
//                     such as { minMs: 5000, maxMs: 30000 } for 1012 Service
//                     Restart, or undefined where the registry gives none.
//                     A page picks a random time within it, so that clients
//                     dropped together do not all return at once.
//   "reauthenticate"  refresh(), to get new credentials, then open again.
//   anything else     stop: "never" means the server does not want this
//                     client back, "user" that the person should decide
//                     (such as 1013 Try Again Later), and "unspecified" that
//                     the code's meaning is the application's own.
//
// onClose(event, policy) sees every close. keepConnected resolves with the
// close event that ended it and its policy.
export async function keepConnected({ open, wait, refresh, onClose = () => {} }) {
  for (;;) {
    const event = await closeOf(open());
    const policy = reconnectPolicy(event.code);
    onClose(event, policy);
    if (policy === "retry") {
      await wait(retryAfter(event.code));
    } else if (policy === "reauthenticate") {
      await refresh();
    } else {
      return { event, policy };
    }
  }
}

function closeOf(ws) {
  return new Promise((resolve) => ws.addEventListener("close", resolve, { once: true }));
}
