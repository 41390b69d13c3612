// Prints what the generated JavaScript module says of every code from 0 to
// 65535 (with its description in each of the locales given), of each of the
// numbers given that are no code, such as fractions, and of its ranges, and
// what parseCloseCode makes of each of the texts given, as one JSON object.
// The input, on standard input, is {"texts": [...], "locales": [...],
// "wire": [...], "notCodes": [...]}. The Go parity test compares it with the
// Go package.
import { readFileSync } from "node:fs";
import * as main from "../js/closecodes.js";
import * as textsModule from "../js/texts.js";

const cc = { ...main, ...textsModule };

const { texts, locales, wire, notCodes } = JSON.parse(readFileSync(0, "utf8"));

// answers is what the module says of c, in the order of the Go test's goAnswers.
function answers(c) {
  return [
    cc.closeCodeName(c) ?? "",
    cc.closeCodeLabel(c) ?? "",
    cc.describeCloseCode(c) ?? "",
    cc.closeCodeReference(c) ?? "",
    cc.isKnownCloseCode(c),
    cc.isValidCloseCode(c),
    cc.browserCanSend(c),
    cc.closeCodeRange(c)?.name ?? "",
    cc.reconnectPolicy(c),
    ((h) => (h ? [h.minMs, h.maxMs] : null))(cc.retryAfter(c)),
    ...locales.map((locale) => cc.describeCloseCode(c, locale) ?? ""),
  ];
}

const codes = [];
for (let c = 0; c <= 0xffff; c++) codes.push(answers(c));
const parsed = texts.map((t) => cc.parseCloseCode(t) ?? null);
// wire is every code as Go's encoding/json wrote it; each must arrive as the
// number it is, and go back as JSON again.
const wireBack = wire.map((c, i) => {
  if (c !== i) throw new Error(`code ${i} arrived as ${JSON.stringify(c)}`);
  return c;
});
process.stdout.write(JSON.stringify({
  codes, notCodes: notCodes.map(answers), ranges: cc.closeCodeRanges(), parsed,
  maxReasonBytes: cc.MAX_CLOSE_REASON_BYTES, wire: JSON.stringify(wireBack),
}));
