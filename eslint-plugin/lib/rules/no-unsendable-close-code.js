// no-unsendable-close-code reports a browser WebSocket's close() whose code
// the browser refuses with InvalidAccessError.
import { defineRule } from "../registry.js";
import { closedObject, socketFinder } from "../sockets.js";
import { staticValue } from "../values.js";

export default defineRule("no-unsendable-close-code", {
  type: "problem",
  description: "Disallow close codes that a browser's WebSocket.close() refuses",
  messages: { unsendable: "WebSocket.close() throws InvalidAccessError for code {{code}}{{name}}: a browser may not send it" },
  create(context, registry, { wrappers }) {
    const isBrowserSocket = socketFinder(context, wrappers);
    return {
      CallExpression(node) {
        const socket = closedObject(node);
        const arg = socket && node.arguments[0];
        const known = arg && staticValue(arg, context, registry);
        const code = known && known.value !== undefined ? asCloseCode(known.value) : undefined;
        if (code === undefined || registry.browserCanSend(code) || !isBrowserSocket(socket)) return;
        const name = registry.closeCodeName(code);
        context.report({ node: arg, messageId: "unsendable", data: { code, name: name ? ` (${name})` : "" } });
      },
    };
  },
});

// asCloseCode converts a value as a browser converts the code argument of
// WebSocket.close(), a WebIDL [Clamp] unsigned short: to a number, NaN to 0,
// clamped to 0-65535. It returns undefined for a number with a fraction left,
// which browsers round differently: WebIDL to the nearest even integer,
// Chromium down.
function asCloseCode(value) {
  const code = Math.min(Math.max(Number(value) || 0, 0), 65535);
  return Number.isInteger(code) ? code : undefined;
}
