// prefer-named-close-code reports a number literal used as a close code that
// the registry names, and suggests the name; with reportUndeclared, also a
// code valid on the wire that the registry does not declare.
import { defineRule } from "../registry.js";
import { closedObject, isCloseEvent, socketFinder } from "../sockets.js";
import { propertyName } from "../values.js";

const equality = new Set(["===", "==", "!==", "!="]);

export default defineRule("prefer-named-close-code", {
  type: "suggestion",
  description: "Prefer the registry's name of a close code to its number",
  options: {
    reportUndeclared: { description: "Report codes valid on the wire that the registry does not declare", type: "boolean" },
  },
  messages: {
    named: "Close code {{code}} is {{name}} in the registry: write {{replacement}}",
    undeclared: "Close code {{code}} is not declared in the registry: declare it there, or use a declared code",
  },
  suggestions: { useName: "Replace {{code}} with {{replacement}}" },
  create(context, registry, { wrappers, reportUndeclared }) {
    const isBrowserSocket = socketFinder(context, wrappers);
    const isEventCode = (node) => node.type === "MemberExpression" && propertyName(node) === "code" && isCloseEvent(node.object, context);
    let closeCode; // the local name of CloseCode, "" where the file does not import it

    function check(node) {
      if (node?.type !== "Literal" || typeof node.value !== "number") return;
      const code = node.value;
      if (!registry.isKnownCloseCode(code)) {
        if (reportUndeclared && registry.isValidCloseCode(code)) context.report({ node, messageId: "undeclared", data: { code } });
        return;
      }
      const name = registry.closeCodeName(code);
      closeCode ??= importedCloseCode(context);
      const replacement = `${closeCode || "CloseCode"}.${name}`;
      const fix = (fixer) => fixer.replaceText(node, replacement);
      const suggest = closeCode ? [{ messageId: "useName", data: { code, replacement }, fix }] : [];
      context.report({ node, messageId: "named", data: { code, name, replacement }, suggest });
    }

    return {
      // A code that close() refuses is no-unsendable-close-code's report,
      // and its name no fix.
      CallExpression(node) {
        const socket = closedObject(node);
        const code = socket ? node.arguments[0] : node.callee.name === "closeWebSocket" ? node.arguments[1] : undefined;
        if (code?.type === "Literal" && registry.browserCanSend(code.value) && (!socket || isBrowserSocket(socket))) check(code);
      },
      BinaryExpression(node) {
        if (equality.has(node.operator)) check(isEventCode(node.left) ? node.right : isEventCode(node.right) ? node.left : undefined);
      },
      SwitchStatement(node) {
        if (isEventCode(node.discriminant)) node.cases.forEach((c) => check(c.test));
      },
    };
  },
});

// importedCloseCode returns the local name under which the file imports
// CloseCode, or "" when it does not.
function importedCloseCode(context) {
  const specifiers = context.sourceCode.ast.body.flatMap((s) => (s.type === "ImportDeclaration" ? s.specifiers : []));
  const spec = specifiers.find((s) => s.type === "ImportSpecifier" && (s.imported.name ?? s.imported.value) === "CloseCode");
  return spec?.local.name ?? "";
}
