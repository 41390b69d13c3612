// What the rules can know about an expression without running the program.

// variableOf returns the variable that the identifier node refers to, or
// undefined for a global that the file does not declare.
export function variableOf(node, context) {
  for (let scope = context.sourceCode.getScope(node); scope; scope = scope.upper) {
    const variable = scope.set.get(node.name);
    if (variable) return variable.defs.length > 0 ? variable : undefined;
  }
}

// constInit returns the initializer of the const that the identifier node
// names, such as 1001 for `const code = 1001`, and undefined for any other.
export function constInit(node, context) {
  const def = node.type === "Identifier" && variableOf(node, context)?.defs[0];
  const declarator = def?.type === "Variable" && def.parent.kind === "const" ? def.node : undefined;
  return declarator?.id.type === "Identifier" ? declarator.init ?? undefined : undefined;
}

// staticValue returns { value } for an expression whose value is known before
// the program runs, and a falsy value otherwise: literals, template literals
// without substitutions, signs, sums and concatenations of these,
// CloseCode.Name from the registry, and consts bound to any of them.
export function staticValue(node, context, registry, depth = 0) {
  const inner = (n) => (depth < 20 ? staticValue(n, context, registry, depth + 1) : undefined);
  switch (node.type) {
    case "Literal":
      return node.regex || node.bigint ? undefined : { value: node.value };
    case "TemplateLiteral":
      return node.expressions.length === 0 ? { value: node.quasis[0].value.cooked } : undefined;
    case "UnaryExpression": {
      const arg = (node.operator === "-" || node.operator === "+") && inner(node.argument);
      return arg && { value: node.operator === "-" ? -arg.value : +arg.value };
    }
    case "BinaryExpression": {
      const [left, right] = node.operator === "+" ? [inner(node.left), inner(node.right)] : [];
      return left && right && { value: left.value + right.value };
    }
    case "MemberExpression": {
      const name = propertyName(node);
      return isCloseCode(node.object, context) && Object.hasOwn(registry.CloseCode, name) ? { value: registry.CloseCode[name] } : undefined;
    }
    case "Identifier":
      return constInit(node, context) && inner(constInit(node, context));
    case "TSAsExpression": case "TSSatisfiesExpression": case "TSNonNullExpression":
      return inner(node.expression);
  }
}

// isCloseCode tells whether node is the registry's CloseCode: an import of
// it under any name, or the undeclared global CloseCode.
function isCloseCode(node, context) {
  if (node.type !== "Identifier") return false;
  const def = variableOf(node, context)?.defs[0];
  return def ? def.type === "ImportBinding" && def.node.imported?.name === "CloseCode" : node.name === "CloseCode";
}

// propertyName returns the name of the property that a member expression
// reads, for obj.name and obj["name"], and undefined when it is computed.
export function propertyName(node) {
  const { property } = node;
  if (!node.computed) return property.type === "Identifier" ? property.name : undefined;
  return property.type === "Literal" && typeof property.value === "string" ? property.value : undefined;
}

// calleeName returns the name of the function that a call or new calls, for
// f(), new F(), obj.f() and new obj.F().
export function calleeName(node) {
  const { callee } = node;
  return callee.type === "Identifier" ? callee.name : callee.type === "MemberExpression" ? propertyName(callee) : undefined;
}
