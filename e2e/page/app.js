// The page side of the end-to-end suite. It imports the generated module as
// a plain browser would, with no bundler, and exposes functions that the
// Playwright driver calls.
import {
  browserCanSend,
  closeCodeName,
  closeWebSocket,
  isValidCloseCode,
  isValidCloseReason,
} from "./closecodes.js";

const wsBase = `ws://${location.host}`;
const utf8 = new TextEncoder();

function waitForClose(ws) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no close event within 10s")), 10000);
    ws.addEventListener("close", (event) => {
      clearTimeout(timer);
      resolve(event);
    });
  });
}

function addRow(asked, event, ok) {
  const row = document.createElement("tr");
  if (!ok) row.className = "bad";
  for (const cell of [
    asked,
    event.code,
    closeCodeName(event.code) ?? "(unnamed)",
    isValidCloseCode(event.code),
    utf8.encode(event.reason).length,
    event.wasClean,
  ]) {
    const td = document.createElement("td");
    td.textContent = String(cell);
    row.append(td);
  }
  document.getElementById("results").append(row);
}

// Opens a socket that the server closes as query asks, and reports what the
// CloseEvent said.
window.closeFromServer = async (query, asked) => {
  const ws = new WebSocket(`${wsBase}/ws/close?${query}`);
  const event = await waitForClose(ws);
  const result = {
    code: event.code,
    reason: event.reason,
    wasClean: event.wasClean,
    name: closeCodeName(event.code) ?? null,
    valid: isValidCloseCode(event.code),
  };
  addRow(asked, event, String(event.code) === String(asked) || asked === "drop" || asked === "nostatus");
  return result;
};

// Opens a socket and closes it from the page with code and reason; the
// server records what it received under id.
window.closeFromPage = async (id, code, reason) => {
  const ws = new WebSocket(`${wsBase}/ws/listen?id=${encodeURIComponent(id)}`);
  await new Promise((resolve, reject) => {
    ws.addEventListener("open", resolve);
    ws.addEventListener("error", () => reject(new Error("socket error")));
  });
  const closed = waitForClose(ws);
  ws.close(code, reason);
  const event = await closed;
  return { code: event.code, wasClean: event.wasClean };
};

// A socket that is already closed: close() still checks its arguments before
// it looks at the connection's state, so one socket serves every check.
async function closedSocket() {
  const ws = new WebSocket(`${wsBase}/ws/close?code=1000`);
  await waitForClose(ws);
  return ws;
}

// Asks the browser about every code from 0 to 65535: does close(code) throw?
// Returns, per code, "1" where it threw InvalidAccessError and "0" where it
// did not; what browserCanSend says; and what closeWebSocket did on the same
// socket: "0" where it closed, "1" where it threw a RangeError naming the
// code, "x" for anything else, which otherErrors explains.
window.oracleCodes = async () => {
  const ws = await closedSocket();
  const threw = new Array(65536);
  const ours = new Array(65536);
  const wrapper = new Array(65536);
  const otherErrors = [];
  for (let code = 0; code <= 65535; code++) {
    try {
      ws.close(code);
      threw[code] = "0";
    } catch (e) {
      threw[code] = "1";
      if (e.name !== "InvalidAccessError") otherErrors.push(`close(${code}): ${e.name}`);
    }
    ours[code] = browserCanSend(code) ? "0" : "1";
    wrapper[code] = tryCloseWebSocket(ws, code, "", new RegExp(`\\bcode ${code}\\b`), otherErrors);
  }
  document.getElementById("status").textContent = "Checked close(code) for 0-65535.";
  return { threw: threw.join(""), ours: ours.join(""), closeWebSocket: wrapper.join(""), otherErrors };
};

// tryCloseWebSocket calls closeWebSocket(ws, code, reason) and returns "0"
// when it did not throw and "1" when it threw a RangeError whose message
// matches named. Anything else, such as the browser's own DOMException from
// a close() that closeWebSocket let through, is "x" and noted in otherErrors.
function tryCloseWebSocket(ws, code, reason, named, otherErrors) {
  try {
    closeWebSocket(ws, code, reason);
    return "0";
  } catch (e) {
    if (e instanceof RangeError && named.test(e.message)) return "1";
    otherErrors.push(`closeWebSocket(${code}, ${JSON.stringify(reason)}): ${e.name}: ${e.message}`);
    return "x";
  }
}

// Asks the browser about reasons of 0 to 130 UTF-8 bytes built from
// characters of each UTF-8 width, and from lone surrogates, which the browser
// sends as U+FFFD (3 bytes): does close(1000, reason) throw SyntaxError, and
// does closeWebSocket throw where it does? bytes is the size the browser
// sends: TextEncoder, like close(), encodes a lone surrogate as U+FFFD.
window.oracleReasons = async () => {
  const ws = await closedSocket();
  const pieces = {
    ascii: "a",
    twoByte: "é",
    threeByte: "€",
    fourByte: "😀",
    loneHigh: "\uD83D",
    loneLow: "\uDE00",
    loneHighThenEuro: "\uD83D€",
  };
  const results = [];
  for (const [kind, piece] of Object.entries(pieces)) {
    for (let target = 0; target <= 130; target++) {
      // Fill with the wide character, then pad with ASCII to the exact size.
      const width = utf8.encode(piece).length;
      const reason = piece.repeat(Math.floor(target / width)) + "a".repeat(target % width);
      const bytes = utf8.encode(reason).length;
      let threw = null;
      try {
        ws.close(1000, reason);
      } catch (e) {
        threw = e.name;
      }
      const otherErrors = [];
      const wrapper = tryCloseWebSocket(ws, 1000, reason, new RegExp(`\\bcode 1000\\b.*\\b${bytes} bytes`), otherErrors);
      results.push({ kind, bytes, threw, ours: isValidCloseReason(reason), closeWebSocket: wrapper, otherErrors });
    }
  }
  return results;
};

document.getElementById("status").textContent = "Ready.";
window.pageReady = true;
