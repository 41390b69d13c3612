// RuleTester cases for close-reason-max-bytes, without type information. The
// limit, 123 bytes of UTF-8, is written here from RFC 6455 (a control frame's
// 125 bytes less the 2 of the code), not read from the registry.
import { RuleTester } from "eslint";
import plugin from "../index.js";
import { useNodeTest } from "./helpers.mjs";

useNodeTest(RuleTester);
const rule = plugin.rules["close-reason-max-bytes"];
const tester = new RuleTester();
const open = 'const ws = new WebSocket("wss://example.test/");\n';
const url = rule.meta.docs.url;
const tooLong = (bytes) => ({ messageId: "tooLong", data: { bytes, max: 123, url } });
const notTruncated = { messageId: "notTruncated", data: { max: 123, url } };
const requireTruncate = [{ requireTruncate: true }];
// str writes s as a JavaScript string literal with every character outside
// ASCII escaped, so that the cases show what they hold.
const str = (s) => JSON.stringify(s).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

tester.run("close-reason-max-bytes", rule, {
  valid: [
    open + `ws.close(1000, ${str("a".repeat(123))});`,
    // 61 two-byte characters and one ASCII: 123 bytes in 62 UTF-16 units.
    open + `ws.close(1000, ${str("é".repeat(61) + "a")});`,
    // 30 four-byte characters and three ASCII: 123 bytes.
    open + `ws.close(1000, ${str("😀".repeat(30) + "aaa")});`,
    // A lone surrogate is sent as U+FFFD, 3 bytes: 41 of them are 123.
    open + `ws.close(1000, ${str("\uD83D".repeat(41))});`,
    open + "ws.close(1000);",
    open + "ws.close(1000, undefined);",
    open + "ws.close(1000, reason);",
    open + "ws.close(1000, `${a}${b}`);",
    open + 'ws.close(1000, truncateCloseReason(err.message), "extra");',
    { code: open + "ws.close(1000, truncateCloseReason(err.message));", options: requireTruncate },
    { code: open + "const reason = truncateCloseReason(err.message);\nws.close(1000, reason);", options: requireTruncate },
    { code: open + "ws.close(1000, closecodes.truncateCloseReason(text));", options: requireTruncate },
    { code: open + 'ws.close(1000, "bye");', options: requireTruncate },
    { code: "socket.close(1000, err.message);", options: requireTruncate },
    `import WebSocket from "ws";\nconst ws = new WebSocket(url);\nws.close(1011, ${str("x".repeat(200))});`,
    `dialog.close(${str("x".repeat(200))});`,
    `other.close(1000, ${str("x".repeat(200))});`,
  ],
  invalid: [
    { code: open + `ws.close(1000, ${str("a".repeat(124))});`, errors: [tooLong(124)] },
    // 62 UTF-16 units, 124 bytes: the limit counts bytes, not length.
    { code: open + `ws.close(1000, ${str("é".repeat(62))});`, errors: [tooLong(124)] },
    { code: open + `ws.close(4000, ${str("😀".repeat(31))});`, errors: [tooLong(124)] },
    { code: open + `ws.close(4000, ${str("€".repeat(42))});`, errors: [tooLong(126)] },
    { code: open + `ws.close(4000, ${str("\uD83D".repeat(42))});`, errors: [tooLong(126)] },
    { code: open + `ws.close(4000, ${str("\uDE00a".repeat(31))});`, errors: [tooLong(124)] },
    { code: open + `ws.close(1000, \`${"b".repeat(130)}\`);`, errors: [tooLong(130)] },
    { code: open + `ws.close(1000, ${str("c".repeat(100))} + ${str("d".repeat(30))});`, errors: [tooLong(130)] },
    { code: open + `const why = ${str("e".repeat(128))};\nws.close(1000, why);`, errors: [tooLong(128)] },
    { code: `class Room { ws = new WebSocket(url); leave() { this.ws.close(1000, ${str("f".repeat(125))}); } }`, errors: [tooLong(125)] },
    {
      code: `const ws = new ReconnectingWebSocket(url);\nws.close(1000, ${str("g".repeat(124))});`,
      options: [{ wrappers: ["ReconnectingWebSocket"] }],
      errors: [tooLong(124)],
    },
    { code: open + "ws.close(1000, err.message);", options: requireTruncate, errors: [notTruncated] },
    { code: open + "ws.close(1000, `failed: ${err}`);", options: requireTruncate, errors: [notTruncated] },
    { code: open + "let reason = truncateCloseReason(a);\nws.close(1000, reason);", options: requireTruncate, errors: [notTruncated] },
    { code: open + "ws.close(1000, String(err).slice(0, 123));", options: requireTruncate, errors: [notTruncated] },
    {
      code: open + `ws.close(1000, ${str("h".repeat(124))});`,
      errors: [{
        message: "WebSocket.close() throws SyntaxError for this reason: it is 124 bytes of UTF-8, and a Close frame carries at most 123 " +
          "(see https://github.com/closecodes/closecodes/blob/main/eslint-plugin/docs/rules/close-reason-max-bytes.md)",
        line: 2,
        column: 16,
      }],
    },
  ],
});
