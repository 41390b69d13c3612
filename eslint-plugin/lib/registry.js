// The generated module whose facts the rules report, and the shape of a rule.
import * as standard from "closecodes";

// exportsRead are the exports of a generated module that the rules read.
const exportsRead = {
  CloseCode: "object", closeCodeName: "function", isKnownCloseCode: "function",
  isValidCloseCode: "function", browserCanSend: "function", MAX_CLOSE_REASON_BYTES: "number",
};

// checkModule returns mod when it has every export the rules read, and throws
// a TypeError naming the first one missing otherwise; where says what mod was
// given as.
export function checkModule(mod, where) {
  for (const [name, type] of Object.entries(exportsRead)) {
    if (typeof mod?.[name] !== type || mod[name] === null) {
      throw new TypeError(`eslint-plugin-closecodes: ${where} has no ${name} (${type}): pass the JavaScript ` +
        'module that gencodes generated, such as await import("./web/closecodes/js/closecodes.js")');
    }
  }
  return mod;
}

// defineRule makes the rule called name: its meta, with the docs page and an
// options object of wrappers and the given options, and a create that calls
// spec.create(context, registry, options) with the file's registry: the
// module in settings.closecodes.module, or the standard one. Each report's
// message ends with a link to the docs page.
export function defineRule(name, spec) {
  const url = `https://github.com/closecodes/closecodes/blob/main/eslint-plugin/docs/rules/${name}.md`;
  const wrappers = { type: "array", items: { type: "string" }, uniqueItems: true,
    description: "Classes, types and functions whose instances or results close as a browser WebSocket does" };
  const messages = Object.fromEntries(Object.entries(spec.messages).map(([id, text]) => [id, `${text} (see ${url})`]));
  return {
    meta: {
      type: spec.type,
      docs: { description: spec.description, recommended: true, url },
      hasSuggestions: spec.suggestions !== undefined,
      messages: { ...messages, ...spec.suggestions },
      schema: [{ type: "object", properties: { wrappers, ...spec.options }, additionalProperties: false }],
    },
    create(context) {
      const mod = context.settings.closecodes?.module;
      const registry = mod === undefined ? standard : checkModule(mod, "settings.closecodes.module");
      return spec.create(context, registry, { wrappers: [], ...context.options[0] });
    },
  };
}
