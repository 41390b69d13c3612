// Cases that need type information, run by @typescript-eslint/rule-tester
// against the project in typed/ (tsconfig.json with lib.dom, and a stub of
// Node's ws package): the DOM's WebSocket against ws's class of the same
// name, sockets known only by their type, a wrapper type, and consts.
import { RuleTester } from "@typescript-eslint/rule-tester";
import { fileURLToPath } from "node:url";
import plugin from "../index.js";
import { useNodeTest } from "./helpers.mjs";

useNodeTest(RuleTester);
const tester = new RuleTester({
  languageOptions: {
    parserOptions: { project: "./tsconfig.json", tsconfigRootDir: fileURLToPath(new URL("typed", import.meta.url)) },
  },
});
const { rules } = plugin;
const importCloseCode = 'import { CloseCode } from "closecodes";\n';
const refused = (code, name) => ({ messageId: "unsendable", data: { code, name: ` (${name})`, url: rules["no-unsendable-close-code"].meta.docs.url } });

tester.run("no-unsendable-close-code with types", rules["no-unsendable-close-code"], {
  valid: [
    'import WebSocket from "ws";\nconst ws = new WebSocket("ws://example.test/");\nws.close(1001);',
    'import { WebSocket } from "ws";\nexport function stop(ws: WebSocket) { ws.close(1011); }',
    'export function stop(ws: import("ws").WebSocket | undefined) { ws?.close(1011); }',
    "export function stop(ws: WebSocket) { ws.close(1000); ws.close(4001); }",
    "export function stop(ws: WebSocket, code: number) { ws.close(code); }",
    "export function stop(socket: { close(code?: number): void }) { socket.close(1001); }",
    "class Other { close(code: number) { return code; } }\nnew Other().close(1001);",
    // Without a wrapper option, a type of its own is not a browser socket.
    "interface ChatSocket { close(code?: number, reason?: string): void }\nexport function stop(chat: ChatSocket) { chat.close(1001); }",
    // A value of type any is not known to be a socket.
    "export function stop(ws: any) { ws.close(1001); }",
  ],
  invalid: [
    // Known by its type alone: no `new WebSocket` in sight.
    { code: "export function stop(ws: WebSocket) { ws.close(1001); }", errors: [refused(1001, "GoingAway")] },
    { code: "export function stop(ws: WebSocket | null) { ws?.close(1011); }", errors: [refused(1011, "InternalError")] },
    { code: "export function stop(sockets: WebSocket[]) { sockets[0].close(1002); }", errors: [refused(1002, "ProtocolError")] },
    { code: "const ws = new WebSocket(location.href);\nws.close(1003);", errors: [refused(1003, "UnsupportedData")] },
    { code: "const code = 1005;\nexport function stop(ws: WebSocket) { ws.close(code); }", errors: [refused(1005, "NoStatusReceived")] },
    { code: importCloseCode + "const leaving = CloseCode.GoingAway;\nexport function stop(ws: WebSocket) { ws.close(leaving); }", errors: [refused(1001, "GoingAway")] },
    { code: importCloseCode + "export function stop(ws: WebSocket) { ws.close(CloseCode.ServiceRestart as number); }", errors: [refused(1012, "ServiceRestart")] },
    { code: "const code = 1006 as const;\nexport function stop(ws: WebSocket) { ws.close(code); }", errors: [refused(1006, "AbnormalClosure")] },
    {
      code: "interface ChatSocket { close(code?: number, reason?: string): void }\nexport function stop(chat: ChatSocket) { chat.close(1001); }",
      options: [{ wrappers: ["ChatSocket"] }],
      errors: [refused(1001, "GoingAway")],
    },
    {
      code: "class ReconnectingSocket { close(code?: number) { return code; } }\nexport function stop(s: ReconnectingSocket | WebSocket) { s.close(1008); }",
      options: [{ wrappers: ["ReconnectingSocket"] }],
      errors: [refused(1008, "PolicyViolation")],
    },
  ],
});

tester.run("close-reason-max-bytes with types", rules["close-reason-max-bytes"], {
  valid: [
    `import WebSocket from "ws";\nexport function stop(ws: WebSocket) { ws.close(1011, "${"x".repeat(200)}"); }`,
    `export function stop(ws: WebSocket, why: string) { ws.close(1000, why); }`,
    { code: importCloseCode.replace("CloseCode", "truncateCloseReason") + "export function stop(ws: WebSocket, why: string) { ws.close(1000, truncateCloseReason(why)); }", options: [{ requireTruncate: true }] },
  ],
  invalid: [
    {
      code: `const why = "${"é".repeat(62)}";\nexport function stop(ws: WebSocket) { ws.close(1000, why); }`,
      errors: [{ messageId: "tooLong", data: { bytes: 124, max: 123, url: rules["close-reason-max-bytes"].meta.docs.url } }],
    },
    {
      code: "export function stop(ws: WebSocket, why: string) { ws.close(1000, why); }",
      options: [{ requireTruncate: true }],
      errors: [{ messageId: "notTruncated" }],
    },
  ],
});

tester.run("prefer-named-close-code with types", rules["prefer-named-close-code"], {
  valid: [
    'import WebSocket from "ws";\nexport function stop(ws: WebSocket) { ws.close(1000); }',
    "export function seen(event: { code: number }) { return event.code === 1000; }",
  ],
  invalid: [
    {
      code: importCloseCode + "export function wasNormal(event: CloseEvent) { return event.code === 1000; }",
      errors: [{
        messageId: "named",
        suggestions: [{ messageId: "useName", output: importCloseCode + "export function wasNormal(event: CloseEvent) { return event.code === CloseCode.NormalClosure; }" }],
      }],
    },
    { code: "export function stop(ws: WebSocket) { ws.close(1000); }", errors: [{ messageId: "named", suggestions: [] }] },
  ],
});
