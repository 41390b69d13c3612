// The examples of the rules' docs pages, linted as written: in an
// "incorrect" example the rule reports exactly the lines marked ✗, in a
// "correct" one nothing. An example may give the rule's options as JSON:
// <!-- example: incorrect {"requireTruncate": true} -->.
import { Linter } from "eslint";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import plugin from "../index.js";
import { pluginDir } from "./helpers.mjs";

const docsDir = path.join(pluginDir, "docs", "rules");

for (const file of readdirSync(docsDir)) {
  const rule = path.basename(file, ".md");
  const doc = readFileSync(path.join(docsDir, file), "utf8");
  const examples = [...doc.matchAll(/<!-- example: (incorrect|correct)( \{.*\})? -->\n```js\n([\s\S]*?)```\n/g)];

  test(`${file}: every code block is a marked example, and there are both kinds`, () => {
    assert.equal(examples.length, doc.match(/^```/gm).length / 2, "a code block without an example marker goes untested");
    assert.ok(examples.some(([, kind]) => kind === "incorrect"), "an incorrect example");
    assert.ok(examples.some(([, kind]) => kind === "correct"), "a correct example");
  });

  examples.forEach(([, kind, options, code], i) => {
    test(`${file}: example ${i + 1} (${kind}${options ?? ""}) is linted as marked`, () => {
      const severity = options ? ["error", JSON.parse(options)] : "error";
      const config = { plugins: { closecodes: plugin }, rules: { [`closecodes/${rule}`]: severity } };
      const messages = new Linter().verify(code, [config], "example.js");
      assert.deepEqual(messages.filter((m) => m.ruleId !== `closecodes/${rule}`), [], "only the rule reports, and the example parses");
      const reported = [...new Set(messages.map((m) => m.line))];
      const marked = code.split("\n").flatMap((line, n) => (line.includes("// ✗") ? [n + 1] : []));
      assert.deepEqual(reported, marked, messages.map((m) => `${m.line}: ${m.message}`).join("\n"));
      assert.equal(kind === "incorrect", marked.length > 0, `an ${kind} example ${kind === "incorrect" ? "marks" : "marks no"} line with ✗`);
    });
  });
}
