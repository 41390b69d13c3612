// Prints what the generated JavaScript module says of every code from 0 to
// 65535, and what parseCloseCode makes of each string in the JSON array read
// from standard input, as one JSON object. The Go parity test compares it
// with the Go package.
import { readFileSync } from "node:fs";
import * as cc from "../js/closecodes.js";

const texts = JSON.parse(readFileSync(0, "utf8"));
const codes = [];
for (let c = 0; c <= 0xffff; c++) {
  codes.push([
    cc.closeCodeName(c) ?? "",
    cc.closeCodeLabel(c) ?? "",
    cc.describeCloseCode(c) ?? "",
    cc.closeCodeReference(c) ?? "",
    cc.isKnownCloseCode(c),
    cc.isValidCloseCode(c),
    cc.browserCanSend(c),
    cc.closeCodeRange(c)?.name ?? "",
  ]);
}
const parsed = texts.map((t) => cc.parseCloseCode(t) ?? null);
process.stdout.write(JSON.stringify({ codes, parsed, maxReasonBytes: cc.MAX_CLOSE_REASON_BYTES }));
