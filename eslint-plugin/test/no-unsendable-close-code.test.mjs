// RuleTester cases for no-unsendable-close-code, without type information.
// The codes a browser refuses are written here from the WHATWG WebSocket
// standard (close() accepts 1000 and 3000-4999), not read from the registry.
import { RuleTester } from "eslint";
import plugin from "../index.js";
import { importChatModule, useNodeTest } from "./helpers.mjs";

useNodeTest(RuleTester);
const rule = plugin.rules["no-unsendable-close-code"];
const chatSettings = plugin.configs.forModule(await importChatModule()).settings;
const tester = new RuleTester();
const open = 'const ws = new WebSocket("wss://example.test/");\n';
const importCloseCode = 'import { CloseCode } from "./closecodes.js";\n';
const refused = (code, name = "") => ({ messageId: "unsendable", data: { code, name: name && ` (${name})`, url: rule.meta.docs.url } });

tester.run("no-unsendable-close-code", rule, {
  valid: [
    open + 'ws.close(1000, "bye");',
    open + "ws.close(3000); ws.close(4999); ws.close(4001);",
    importCloseCode + open + "ws.close(CloseCode.NormalClosure);",
    open + "ws.close();",
    open + "ws.close(undefined);",
    open + "let code = 1001; ws.close(code);",
    open + "ws.close(Number(input));",
    open + "ws.close(CloseCode.NoSuchName);",
    // A fraction is left alone: WebIDL rounds 999.5 to 1000, Chromium to 999.
    open + "ws.close(1000.5); ws.close(999.5);",
    // Node's ws package may send any valid code.
    'import WebSocket from "ws";\nconst ws = new WebSocket("wss://example.test/");\nws.close(1001);',
    'import { WebSocket } from "isomorphic-ws";\nnew WebSocket("wss://example.test/").close(1011);',
    'const { WebSocket } = require("ws");\nnew WebSocket(url).close(1011);',
    "function stop(WebSocket) { new WebSocket(url).close(1001); }",
    // Receivers that are not known to be browser sockets.
    "socket.close(1001);",
    "function stop(ws) { ws.close(1001); }",
    'document.querySelector("dialog").close(1001);',
    "const ws = new ReconnectingWebSocket(url); ws.close(1001);",
    "this.ws.close(1001);",
    // An app's codes are sendable as any code in 3000-4999.
    { code: importCloseCode + open + "ws.close(CloseCode.SessionExpired); ws.close(CloseCode.RoomFull);", settings: chatSettings },
  ],
  invalid: [
    { code: open + "ws.close(1001);", errors: [refused(1001, "GoingAway")] },
    { code: open + 'ws.close(1011, "server error");', errors: [refused(1011, "InternalError")] },
    { code: importCloseCode + open + "ws.close(CloseCode.GoingAway);", errors: [refused(1001, "GoingAway")] },
    { code: importCloseCode + open + 'ws.close(CloseCode["ServiceRestart"]);', errors: [refused(1012, "ServiceRestart")] },
    { code: 'import { CloseCode as CC } from "closecodes";\n' + open + "ws.close(CC.ProtocolError);", errors: [refused(1002, "ProtocolError")] },
    { code: open + "ws.close(CloseCode.TryAgainLater);", errors: [refused(1013, "TryAgainLater")] },
    { code: open + "const code = 1005;\nws.close(code);", errors: [refused(1005, "NoStatusReceived")] },
    { code: importCloseCode + open + "const a = CloseCode.AbnormalClosure, b = a;\nws.close(b);", errors: [refused(1006, "AbnormalClosure")] },
    { code: open + "ws.close(1000 + 1);", errors: [refused(1001, "GoingAway")] },
    { code: open + "ws.close(`1008`);", errors: [refused(1008, "PolicyViolation")] },
    { code: open + 'ws.close("1001");', errors: [refused(1001, "GoingAway")] },
    { code: open + "ws.close(1001 as number);", languageOptions: { parser: await tsParser() }, errors: [refused(1001, "GoingAway")] },
    { code: open + "ws.close(0); ws.close(999); ws.close(2999); ws.close(5000);", errors: [refused(0), refused(999), refused(2999), refused(5000)] },
    // WebIDL converts null, "abc" and -1 to 0, and 70000 to 65535.
    { code: open + 'ws.close(null); ws.close("abc"); ws.close(-1); ws.close(70000);', errors: [refused(0), refused(0), refused(0), refused(65535)] },
    { code: "let ws;\nws = new WebSocket(url);\nws.close(1002);", errors: [refused(1002, "ProtocolError")] },
    { code: "new WebSocket(url).close(1003);", errors: [refused(1003, "UnsupportedData")] },
    { code: "const ws = new window.WebSocket(url); ws?.close(1001);", errors: [refused(1001, "GoingAway")] },
    { code: "new globalThis.WebSocket(url).close(1009);", errors: [refused(1009, "MessageTooBig")] },
    { code: "class Session { ws = new WebSocket(url); stop() { this.ws.close(1001); } }", errors: [refused(1001, "GoingAway")] },
    { code: "class Session { constructor() { this.socket = new WebSocket(url); } stop() { this.socket?.close(1011); } }", errors: [refused(1011, "InternalError")] },
    { code: "const app = { socket: new WebSocket(url) };\napp.socket.close(1001);", errors: [refused(1001, "GoingAway")] },
    {
      code: 'import ReconnectingWebSocket from "reconnecting-websocket";\nconst ws = new ReconnectingWebSocket(url);\nws.close(1001);',
      options: [{ wrappers: ["ReconnectingWebSocket"] }],
      errors: [refused(1001, "GoingAway")],
    },
    { code: "const ws = openSocket(url);\nws.close(1012);", options: [{ wrappers: ["openSocket"] }], errors: [refused(1012, "ServiceRestart")] },
    { code: importCloseCode + open + "ws.close(CloseCode.ServiceRestart);", settings: chatSettings, errors: [refused(1012, "ServiceRestart")] },
    {
      code: open + "ws.close(1001, 'going');",
      errors: [{
        message: "WebSocket.close() throws InvalidAccessError for code 1001 (GoingAway): a browser may not send it " +
          "(see https://github.com/closecodes/closecodes/blob/main/eslint-plugin/docs/rules/no-unsendable-close-code.md)",
        line: 2,
        column: 10,
        endColumn: 14,
      }],
    },
  ],
});

async function tsParser() {
  return (await import("typescript-eslint")).parser;
}
