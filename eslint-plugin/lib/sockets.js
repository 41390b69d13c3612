// Which objects are a browser's WebSocket, and which its CloseEvent. With
// type information (typescript-eslint's parser services with a program), the
// type decides: the WebSocket that lib.dom declares, not the class of the
// same name in Node's ws package. Without, a socket is a value made by
// `new WebSocket(...)` of the global WebSocket.
import { calleeName, propertyName, variableOf } from "./values.js";

const globalObjects = new Set(["window", "globalThis", "self"]);

// closedObject returns the object of a call `object.close(...)`, and
// undefined for any other call.
export function closedObject(call) {
  return call.callee.type === "MemberExpression" && propertyName(call.callee) === "close" ? call.callee.object : undefined;
}

// socketFinder returns a function that tells whether a node of the file that
// context lints is a browser WebSocket. wrappers names further classes, types
// and functions whose instances or results close as a browser WebSocket does.
export function socketFinder(context, wrappers) {
  const services = typedServices(context);
  let properties; // the names of properties assigned a socket, found on first use
  return (node) => {
    if (services) return typeIs(services, node, "WebSocket", wrappers);
    if (makesSocket(node, context, wrappers)) return true;
    if (node.type === "Identifier") {
      return (variableOf(node, context)?.references ?? []).some((ref) => ref.writeExpr && makesSocket(ref.writeExpr, context, wrappers));
    }
    return node.type === "MemberExpression" && (properties ??= socketProperties(context, wrappers)).has(propertyName(node));
  };
}

// isCloseEvent tells whether node is a CloseEvent: with types, by its type;
// without, as the first parameter of a function given to
// addEventListener("close", ...) or assigned to onclose.
export function isCloseEvent(node, context) {
  const services = typedServices(context);
  if (services) return typeIs(services, node, "CloseEvent", []);
  const def = node.type === "Identifier" && variableOf(node, context)?.defs[0];
  if (def?.type !== "Parameter" || def.node.params[0] !== def.name) return false;
  const { parent } = def.node;
  if (parent.type === "AssignmentExpression") return parent.left.type === "MemberExpression" && propertyName(parent.left) === "onclose";
  const [event, listener] = parent.type === "CallExpression" && calleeName(parent) === "addEventListener" ? parent.arguments : [];
  return listener === def.node && event.type === "Literal" && event.value === "close";
}

function typedServices({ sourceCode: { parserServices: services } }) {
  return services?.program && services.getTypeAtLocation ? services : undefined;
}

// typeIs tells whether the type of node, apart from null and undefined, is
// the type called name that the default library (lib.dom) declares, or a type
// named in wrappers; for a union, every member must be one.
function typeIs(services, node, name, wrappers) {
  const { program } = services;
  const type = program.getTypeChecker().getNonNullableType(services.getTypeAtLocation(node));
  return (type.isUnion() ? type.types : [type]).every((part) => {
    const symbol = part.aliasSymbol ?? part.getSymbol();
    if (wrappers.includes(symbol?.getName())) return true;
    return symbol?.getName() === name && (symbol.getDeclarations() ?? []).some((d) => program.isSourceFileDefaultLibrary(d.getSourceFile()));
  });
}

// makesSocket tells whether node makes a browser WebSocket: `new WebSocket()`
// of the global, or `new W()` or `W()` for W in wrappers.
function makesSocket(node, context, wrappers) {
  if (node.type !== "NewExpression" && node.type !== "CallExpression") return false;
  const name = calleeName(node);
  if (wrappers.includes(name)) return true;
  if (node.type !== "NewExpression" || name !== "WebSocket") return false;
  const { callee } = node;
  const global = callee.type === "Identifier" ? callee : callee.object;
  return global.type === "Identifier" && (global === callee || globalObjects.has(global.name)) && !variableOf(global, context);
}

// socketProperties returns the names of the properties that the file assigns
// a browser WebSocket: `this.ws = new WebSocket(url)`, a class field
// `ws = new WebSocket(url)`, `{ ws: new WebSocket(url) }`.
function socketProperties(context, wrappers) {
  const names = new Set();
  const visit = (node) => {
    const { parent } = node;
    if (parent?.type === "AssignmentExpression" && parent.right === node && parent.left.type === "MemberExpression") {
      if (makesSocket(node, context, wrappers)) names.add(propertyName(parent.left));
    } else if (/^Property(Definition)?$/.test(parent?.type) && parent.value === node && !parent.computed) {
      if (makesSocket(node, context, wrappers)) names.add(parent.key.name ?? parent.key.value);
    }
    for (const key of context.sourceCode.visitorKeys[node.type] ?? []) {
      for (const child of [node[key]].flat()) if (child?.type) visit(child);
    }
  };
  visit(context.sourceCode.ast);
  names.delete(undefined);
  return names;
}
