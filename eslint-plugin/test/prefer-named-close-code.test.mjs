// RuleTester cases for prefer-named-close-code, without type information,
// for the standard registry and the example chat app's.
import { RuleTester } from "eslint";
import plugin from "../index.js";
import { importChatModule, useNodeTest } from "./helpers.mjs";

useNodeTest(RuleTester);
const rule = plugin.rules["prefer-named-close-code"];
const chat = plugin.configs.forModule(await importChatModule());
const tester = new RuleTester();
const open = 'const ws = new WebSocket("wss://example.test/");\n';
const importCloseCode = 'import { CloseCode } from "./closecodes.js";\n';
const url = rule.meta.docs.url;

// named is the report for code, which the registry calls name; with output,
// the file imports CloseCode as local and a suggestion gives output.
function named(code, name, output, local = "CloseCode") {
  const replacement = `${local}.${name}`;
  const suggestions = output === undefined ? [] : [{ messageId: "useName", data: { code, replacement }, output }];
  return { messageId: "named", data: { code, name, replacement, url }, suggestions };
}
const undeclared = (code) => ({ messageId: "undeclared", data: { code, url } });
const undeclaredOptions = [{ reportUndeclared: true }];

tester.run("prefer-named-close-code", rule, {
  valid: [
    importCloseCode + open + "ws.close(CloseCode.NormalClosure);",
    open + "ws.close(4001); ws.close(3500);",
    open + "ws.close(code);",
    "socket.close(1000);",
    'import WebSocket from "ws";\nnew WebSocket(url).close(1000);',
    "if (response.code === 1000) {}",
    'ws.addEventListener("message", (event) => event.code === 1000);',
    'ws.addEventListener("close", (event) => event.code > 1000);',
    'ws.addEventListener("close", (event, other) => other.code === 1000);',
    'ws.addEventListener("close", (event) => event.code === "1000");',
    "closeWebSocket(ws, CloseCode.NormalClosure);",
    // A code that close() refuses is no-unsendable-close-code's to report.
    open + "ws.close(1001); ws.close(1011);",
    "closeWebSocket(ws, 1001);",
    // Without reportUndeclared, a code the registry lacks is fine.
    { code: open + "ws.close(4002);", settings: chat.settings },
    // 1016 is not valid on the wire, so it is no code an app forgot to declare.
    { code: open + "ws.close(1016);", settings: chat.settings, options: undeclaredOptions },
    { code: importCloseCode + open + "ws.close(CloseCode.SessionExpired);", settings: chat.settings, options: undeclaredOptions },
  ],
  invalid: [
    { code: open + "ws.close(1000);", errors: [named(1000, "NormalClosure")] },
    {
      code: importCloseCode + open + 'ws.close(1000, "bye");',
      errors: [named(1000, "NormalClosure", importCloseCode + open + 'ws.close(CloseCode.NormalClosure, "bye");')],
    },
    {
      code: 'import { CloseCode as Codes } from "closecodes";\nnew WebSocket(url).close(3000);',
      errors: [named(3000, "Unauthorized", 'import { CloseCode as Codes } from "closecodes";\nnew WebSocket(url).close(Codes.Unauthorized);', "Codes")],
    },
    {
      code: importCloseCode + "closeWebSocket(ws, 3008);",
      errors: [named(3008, "Timeout", importCloseCode + "closeWebSocket(ws, CloseCode.Timeout);")],
    },
    {
      code: importCloseCode + 'ws.addEventListener("close", (event) => {\n  if (event.code === 1006) retry();\n});',
      errors: [named(1006, "AbnormalClosure", importCloseCode + 'ws.addEventListener("close", (event) => {\n  if (event.code === CloseCode.AbnormalClosure) retry();\n});')],
    },
    { code: 'ws.addEventListener("close", function (e) { return 1012 == e.code; });', errors: [named(1012, "ServiceRestart")] },
    { code: "ws.onclose = (e) => { if (e.code !== 1000) alert(e.reason); };", errors: [named(1000, "NormalClosure")] },
    {
      code: "socket.onclose = function (event) {\n  switch (event.code) {\n    case 1008: break;\n    case 4321: break;\n    case 3003: break;\n  }\n};",
      errors: [named(1008, "PolicyViolation"), named(3003, "Forbidden")],
    },
    { code: "class S { ws = new WebSocket(url); stop() { this.ws.close(1000); } }", errors: [named(1000, "NormalClosure")] },
    { code: "const ws = connect();\nws.close(1000);", options: [{ wrappers: ["connect"] }], errors: [named(1000, "NormalClosure")] },
    // An app's registry names its own codes.
    {
      code: importCloseCode + open + 'ws.close(4001, "log in again");',
      settings: chat.settings,
      errors: [named(4001, "SessionExpired", importCloseCode + open + 'ws.close(CloseCode.SessionExpired, "log in again");')],
    },
    { code: open + "ws.close(4403);", settings: chat.settings, errors: [named(4403, "RoomFull")] },
    { code: open + "ws.close(4002); ws.close(3001);", settings: chat.settings, options: undeclaredOptions, errors: [undeclared(4002), undeclared(3001)] },
    {
      code: 'ws.addEventListener("close", (event) => { if (event.code === 4500) {} });',
      settings: chat.settings,
      options: undeclaredOptions,
      errors: [undeclared(4500)],
    },
    // The standard registry declares no 4xxx code: every one is undeclared.
    { code: open + "ws.close(4001);", options: undeclaredOptions, errors: [undeclared(4001)] },
    {
      code: "ws.onclose = (event) => event.code === 1001;",
      errors: [{
        message: "Close code 1001 is GoingAway in the registry: write CloseCode.GoingAway " +
          "(see https://github.com/closecodes/closecodes/blob/main/eslint-plugin/docs/rules/prefer-named-close-code.md)",
        suggestions: [],
      }],
    },
  ],
});
