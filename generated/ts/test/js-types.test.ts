// Compile-time tests of js/closecodes.js through its declaration file: this file passes tsc only while the
// types say what they should.
import {
  CloseCode,
  MAX_CLOSE_REASON_BYTES,
  browserCanSend,
  closeCodeLabel,
  closeCodeName,
  closeCodeRange,
  closeCodeRanges,
  closeCodes,
  describeCloseCode,
  isKnownCloseCode,
  isValidCloseCode,
  isValidCloseReason,
  parseCloseCode,
  type CloseCodeRange,
} from "../js/closecodes.js";

const normal: CloseCode = CloseCode.NormalClosure;
const literal: CloseCode = 1000;
// @ts-expect-error 9999 is not a close code the registry names.
const unnamed: CloseCode = 9999;
// @ts-expect-error a string is not a close code.
const text: CloseCode = "NormalClosure";

const maxBytes: 123 = MAX_CLOSE_REASON_BYTES;

function narrow(code: number): CloseCode | undefined {
  if (isKnownCloseCode(code)) {
    const known: CloseCode = code;
    return known;
  }
  return undefined;
}

const name: string | undefined = closeCodeName(1000);
const label: string | undefined = closeCodeLabel(1000);
const description: string | undefined = describeCloseCode(1000);
const valid: boolean = isValidCloseCode(1000);
const sendable: boolean = browserCanSend(1000);
const range: CloseCodeRange | undefined = closeCodeRange(4001);
const first: number | undefined = range?.first;
const parsed: number | undefined = parseCloseCode("CLOSE_NORMAL");
const reasonOK: boolean = isValidCloseReason("bye");
const all: CloseCode[] = closeCodes();
const ranges: CloseCodeRange[] = closeCodeRanges();

if (range !== undefined) {
  // @ts-expect-error ranges are read-only.
  range.first = 0;
}

export const used: unknown[] = [
  normal, literal, unnamed, text, maxBytes, narrow, name, label, description,
  valid, sendable, first, parsed, reasonOK, all, ranges,
];
