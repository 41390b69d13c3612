// close-reason-max-bytes reports a browser WebSocket's close() whose reason is
// longer in UTF-8 than a Close frame carries, which the browser refuses with
// SyntaxError; with requireTruncate, also a reason known only at run time
// that does not pass through truncateCloseReason.
import { defineRule } from "../registry.js";
import { closedObject, socketFinder } from "../sockets.js";
import { calleeName, constInit, staticValue } from "../values.js";

// The browser takes the reason as a USVString, a lone surrogate becoming
// U+FFFD, and sends it as UTF-8: TextEncoder does the same.
const utf8 = new TextEncoder();

export default defineRule("close-reason-max-bytes", {
  type: "problem",
  description: "Disallow close reasons longer than a browser's WebSocket.close() accepts",
  options: {
    requireTruncate: {
      description: "Also report reasons known only at run time that do not pass through truncateCloseReason",
      type: "boolean",
    },
  },
  messages: {
    tooLong: "WebSocket.close() throws SyntaxError for this reason: it is {{bytes}} bytes of UTF-8, and a Close frame carries at most {{max}}",
    notTruncated: "WebSocket.close() throws SyntaxError if this reason is over {{max}} bytes of UTF-8: pass it through truncateCloseReason",
  },
  create(context, registry, { wrappers, requireTruncate }) {
    const isBrowserSocket = socketFinder(context, wrappers);
    const max = registry.MAX_CLOSE_REASON_BYTES;
    return {
      CallExpression(node) {
        const socket = closedObject(node);
        const reason = socket && node.arguments[1];
        if (!reason || reason.type === "SpreadElement") return;
        const known = staticValue(reason, context, registry);
        const bytes = known && known.value !== undefined ? utf8.encode(String(known.value)).length : 0;
        if (bytes > max && isBrowserSocket(socket)) {
          context.report({ node: reason, messageId: "tooLong", data: { bytes, max } });
        } else if (!known && requireTruncate && !isTruncated(reason, context) && isBrowserSocket(socket)) {
          context.report({ node: reason, messageId: "notTruncated", data: { max } });
        }
      },
    };
  },
});

// isTruncated tells whether node calls truncateCloseReason, directly or
// through a const.
function isTruncated(node, context) {
  const value = node.type === "Identifier" ? constInit(node, context) : node;
  return value?.type === "CallExpression" && calleeName(value) === "truncateCloseReason";
}
