// Compile-time tests of closecodes.ts: this file passes tsc only while the
// types say what they should.
import {
  CloseCode,
  MAX_CLOSE_REASON_BYTES,
  browserCanSend,
  closeCodeName,
  closeCodes,
  isKnownCloseCode,
  isValidCloseCode,
  isValidCloseReason,
  parseCloseCode,
  asBrowserSendable,
  reconnectPolicy,
  retryAfter,
  type ReconnectPolicy,
  type RetryAfter,
  closeWebSocket,
  type BrowserSendableCloseCode,
} from "../closecodes.ts";
import {
  closeCodeLabel,
  closeCodeRange,
  closeCodeRanges,
  describeCloseCode,
  type CloseCodeRange,
} from "../texts.ts";

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

// Codes a browser may send are checked by the compiler.
const sendable1: BrowserSendableCloseCode = CloseCode.NormalClosure;
const sendable2: BrowserSendableCloseCode = CloseCode.Unauthorized;
// @ts-expect-error browsers refuse 1001 (WebSocket.close() throws InvalidAccessError).
const refused1: BrowserSendableCloseCode = CloseCode.GoingAway;
// @ts-expect-error browsers refuse 1011.
const refused2: BrowserSendableCloseCode = CloseCode.InternalError;
// @ts-expect-error a plain number is unchecked.
const unchecked: BrowserSendableCloseCode = 4001;
const checked: BrowserSendableCloseCode | undefined = asBrowserSendable(4001);
declare const ws: WebSocket;
closeWebSocket(ws, CloseCode.NormalClosure, "bye");
closeWebSocket(ws, CloseCode.Forbidden);
// @ts-expect-error browsers refuse 1008.
closeWebSocket(ws, CloseCode.PolicyViolation, "bye");
// @ts-expect-error a plain number must go through asBrowserSendable.
closeWebSocket(ws, 4001);
if (checked !== undefined) closeWebSocket(ws, checked);

const policy: ReconnectPolicy = reconnectPolicy(1012);
// @ts-expect-error "sometimes" is not a reconnect policy.
const notPolicy: ReconnectPolicy = "sometimes";
const hint: RetryAfter | undefined = retryAfter(1012);
const waitMs: number | undefined = hint?.maxMs;

if (range !== undefined) {
  // @ts-expect-error ranges are read-only.
  range.first = 0;
}

export const used: unknown[] = [
  normal, literal, unnamed, text, maxBytes, narrow, name, label, description,
  valid, sendable, first, parsed, reasonOK, all, ranges,
  sendable1, sendable2, refused1, refused2, unchecked, policy, notPolicy, waitMs,
];
