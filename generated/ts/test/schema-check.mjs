// Validates documents against a JSON Schema (draft 2020-12) with ajv.
// Input on standard input: {"schema": {...}, "documents": {"name": value}}.
// Output: {"name": null | "first error"} for each document.
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";

const { schema, documents } = JSON.parse(readFileSync(0, "utf8"));
// strictRequired would refuse the if/then checks on "extends", which name
// properties defined outside the subschema; every other strict check stays.
const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: false });
const validate = ajv.compile(schema);
const results = {};
for (const [name, doc] of Object.entries(documents)) {
  results[name] = validate(doc)
    ? null
    : `${validate.errors[0].instancePath || "/"} ${validate.errors[0].message}`;
}
process.stdout.write(JSON.stringify(results));
