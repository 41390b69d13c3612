// Runtime tests of the generated module, run with `node --test`. By default
// they load js/closecodes.js; CLOSECODES_MODULE names another build of the
// module (the compiled closecodes.ts of either style) to run them against.
//
// The reference is written from RFC 6455 section 7.4, the IANA registry and
// the WHATWG close() rule, not from codes.yaml.
import { test } from "node:test";
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import path from "node:path";
import { readFileSync } from "node:fs";

const modulePath = process.env.CLOSECODES_MODULE
  ? pathToFileURL(path.resolve(process.env.CLOSECODES_MODULE)).href
  : new URL("../js/closecodes.js", import.meta.url).href;
// The texts (labels, references, descriptions, ranges) are a module of
// their own beside the main one; the tests see the two as one.
const cc = { ...(await import(modulePath)), ...(await import(modulePath.replace(/closecodes\.js$/, "texts.js"))) };

const ianaLabels = new Map([
  [1000, "Normal Closure"], [1001, "Going Away"], [1002, "Protocol error"],
  [1003, "Unsupported Data"], [1004, "Reserved"], [1005, "No Status Rcvd"],
  [1006, "Abnormal Closure"], [1007, "Invalid frame payload data"],
  [1008, "Policy Violation"], [1009, "Message Too Big"], [1010, "Mandatory Ext."],
  [1011, "Internal Error"], [1012, "Service Restart"], [1013, "Try Again Later"],
  [1014, "Bad Gateway"], [1015, "TLS handshake"], [3000, "Unauthorized"],
  [3003, "Forbidden"], [3008, "Timeout"],
]);
const refWireValid = (c) =>
  (c >= 1000 && c <= 1003) || (c >= 1007 && c <= 1014) || (c >= 3000 && c <= 4999);
const refBrowserCanSend = (c) => c === 1000 || (c >= 3000 && c <= 4999);
const refRanges = [[0, 999], [1000, 2999], [3000, 3999], [4000, 4999]];

// The named codes as [name, value]. A classic TypeScript enum also maps each
// value back to its name; those reverse entries are left out.
const namedCodes = Object.entries(cc.CloseCode).filter(([, value]) => typeof value === "number");

test(`module under test: ${modulePath}`, () => {
  assert.equal(typeof cc.closeCodeName, "function");
});

test("every code from 0 to 65535 agrees with the reference", () => {
  for (let c = 0; c <= 0xffff; c++) {
    const label = ianaLabels.get(c);
    const known = label !== undefined;
    assert.equal(cc.isKnownCloseCode(c), known, `known ${c}`);
    assert.equal(cc.closeCodeLabel(c), label, `label ${c}`);
    assert.equal(cc.closeCodeName(c) !== undefined, known, `name ${c}`);
    assert.equal(cc.describeCloseCode(c) !== undefined, known, `description ${c}`);
    assert.equal(cc.isValidCloseCode(c), refWireValid(c), `valid ${c}`);
    assert.equal(cc.browserCanSend(c), refBrowserCanSend(c), `browser ${c}`);
    const want = refRanges.find(([first, last]) => first <= c && c <= last);
    const got = cc.closeCodeRange(c);
    assert.deepEqual(got === undefined ? undefined : [got.first, got.last], want, `range ${c}`);
  }
});

test("CloseCode holds exactly the named codes, by their Go names", () => {
  assert.equal(namedCodes.length, ianaLabels.size);
  for (const [name, value] of namedCodes) {
    assert.equal(cc.closeCodeName(value), name);
  }
  assert.equal(cc.CloseCode.NormalClosure, 1000);
  assert.equal(cc.CloseCode.NoStatusReceived, 1005);
  assert.equal(cc.CloseCode.TLSHandshake, 1015);
  assert.equal(cc.CloseCode.Timeout, 3008);
});

const notCodes = [
  NaN, 1000.5, -1, -1000, 70000, 65536, Infinity, -Infinity, 2 ** 32 + 1000, 1e21,
  "1000", "", null, undefined, true, {}, [], [1000], { valueOf: () => 1000 },
  Symbol("1000"), 1000n, () => 1000,
];

test("anything but an integer from 0 to 65535 is never known, valid or sendable, and never throws", () => {
  for (const v of notCodes) {
    const what = typeof v === "symbol" ? v.toString() : typeof v === "bigint" ? `${v}n` : String(v);
    assert.equal(cc.isKnownCloseCode(v), false, what);
    assert.equal(cc.isValidCloseCode(v), false, what);
    assert.equal(cc.browserCanSend(v), false, what);
    assert.equal(cc.closeCodeName(v), undefined, what);
    assert.equal(cc.closeCodeLabel(v), undefined, what);
    assert.equal(cc.describeCloseCode(v), undefined, what);
    assert.equal(cc.closeCodeRange(v), undefined, what);
  }
});

// The numbers halfway between codes lie inside every span of every check:
// a check that asks only for a number, not an integer, is caught wherever
// its spans are, however narrow.
const fractions = Array.from({ length: 0x10000 }, (_, c) => c + 0.5);

test("a fraction inside any span is never a code, for every check and lookup", () => {
  const ws = { close: () => assert.fail("closeWebSocket closed with a fraction") };
  for (const v of fractions) {
    assert.equal(cc.isKnownCloseCode(v), false, `known ${v}`);
    assert.equal(cc.isValidCloseCode(v), false, `valid ${v}`);
    assert.equal(cc.browserCanSend(v), false, `browserCanSend ${v}`);
    assert.equal(cc.asBrowserSendable(v), undefined, `asBrowserSendable ${v}`);
    assert.equal(cc.closeCodeName(v), undefined, `name ${v}`);
    assert.equal(cc.closeCodeLabel(v), undefined, `label ${v}`);
    assert.equal(cc.closeCodeReference(v), undefined, `reference ${v}`);
    assert.equal(cc.describeCloseCode(v, "zh-CN"), undefined, `description ${v}`);
    assert.equal(cc.closeCodeRange(v), undefined, `range ${v}`);
    assert.equal(cc.reconnectPolicy(v), "unspecified", `reconnect ${v}`);
    assert.equal(cc.retryAfter(v), undefined, `retryAfter ${v}`);
  }
  for (const v of [1000.5, 3000.5, 4999.5, 3000 + Number.EPSILON * 4096]) {
    assert.throws(() => cc.closeWebSocket(ws, v), RangeError, String(v));
  }
});

test("negative zero is code 0", () => {
  assert.equal(cc.closeCodeRange(-0)?.first, 0);
  assert.equal(cc.isValidCloseCode(-0), false);
});

test("parseCloseCode reads names, aliases and decimals", () => {
  for (const [name, value] of namedCodes) {
    assert.equal(cc.parseCloseCode(name), value, name);
  }
  const aliases = {
    CLOSE_NORMAL: 1000, CLOSE_GOING_AWAY: 1001, CLOSE_PROTOCOL_ERROR: 1002,
    CLOSE_UNSUPPORTED: 1003, CLOSE_NO_STATUS: 1005, CLOSE_ABNORMAL: 1006, CLOSE_TOO_LARGE: 1009,
  };
  for (const [alias, value] of Object.entries(aliases)) {
    assert.equal(cc.parseCloseCode(alias), value, alias);
  }
  for (const [text, value] of [["0", 0], ["4001", 4001], ["65535", 65535], ["5000", 5000]]) {
    assert.equal(cc.parseCloseCode(text), value, text);
  }
});

test("parseCloseCode rejects everything else without throwing", () => {
  for (const bad of [
    "", "65536", "70000", "-1", "+1000", "01000", "00", " 1000", "1000 ", "1e3", "0x3e8", "1000.0",
    "normalclosure", "Normal Closure", "constructor", "__proto__", "toString", "hasOwnProperty",
    "valueOf", "code(1000)", "１０００", "NormalClosure\u0000",
    1000, null, undefined, {}, Symbol("x"),
  ]) {
    const what = typeof bad === "symbol" ? bad.toString() : JSON.stringify(bad) ?? String(bad);
    assert.equal(cc.parseCloseCode(bad), undefined, what);
  }
});

test("parseCloseCode reads the grammar that Go's Parse reads", () => {
  const vectors = JSON.parse(readFileSync(new URL("../../testdata/parse.json", import.meta.url), "utf8"));
  assert.ok(vectors.cases.length > 0);
  for (const { text, want, why } of vectors.cases) {
    assert.equal(cc.parseCloseCode(text), want ?? undefined, `${JSON.stringify(text)}: ${why}`);
  }
});

test("isValidCloseReason counts UTF-8 bytes up to the limit", () => {
  assert.equal(cc.MAX_CLOSE_REASON_BYTES, 123);
  for (let n = 0; n <= 130; n++) {
    assert.equal(cc.isValidCloseReason("a".repeat(n)), n <= 123, `${n} ASCII bytes`);
  }
  assert.equal(cc.isValidCloseReason("é".repeat(61) + "a"), true, "123 bytes of two-byte characters");
  assert.equal(cc.isValidCloseReason("é".repeat(62)), false, "124 bytes");
  assert.equal(cc.isValidCloseReason("€".repeat(41)), true, "123 bytes of three-byte characters");
  assert.equal(cc.isValidCloseReason("€".repeat(42)), false, "126 bytes");
  assert.equal(cc.isValidCloseReason("😀".repeat(30) + "abc"), true, "123 bytes with four-byte characters");
  assert.equal(cc.isValidCloseReason("😀".repeat(31)), false, "124 bytes");
});

test("isValidCloseReason refuses lone surrogates and non-strings", () => {
  assert.equal(cc.isValidCloseReason("ab\ud800"), false);
  assert.equal(cc.isValidCloseReason("\udc00ab"), false);
  assert.equal(cc.isValidCloseReason("\ud800a"), false);
  assert.equal(cc.isValidCloseReason("\ud83d\ude00"), true);
  for (const v of [undefined, null, 42, {}, Symbol("r")]) {
    assert.equal(cc.isValidCloseReason(v), false);
  }
});

test("closeCodes is ascending and new each call", () => {
  const codes = cc.closeCodes();
  assert.deepEqual(codes, [...ianaLabels.keys()].sort((a, b) => a - b));
  codes.length = 0;
  assert.equal(cc.closeCodes().length, ianaLabels.size);
});

test("ranges are the four of RFC 6455 and cannot be changed", () => {
  const ranges = cc.closeCodeRanges();
  assert.deepEqual(ranges.map((r) => [r.first, r.last]), refRanges);
  for (const r of ranges) {
    assert.ok(Object.isFrozen(r));
    assert.equal(typeof r.name, "string");
    assert.ok(r.label.length > 0 && r.description.length > 0 && r.reference.includes("RFC 6455"));
  }
  ranges.pop();
  assert.equal(cc.closeCodeRanges().length, 4);
  assert.equal(cc.closeCodeRange(4321).name, "Private");
});

test("describeCloseCode speaks the registry's languages and falls back to English", () => {
  assert.deepEqual(cc.closeCodeLanguages(), ["en", "zh-CN"]);
  const english = cc.describeCloseCode(1001);
  const chinese = cc.describeCloseCode(1001, "zh-CN");
  assert.notEqual(english, chinese);
  assert.ok(chinese.includes("离"));
  for (const locale of ["zh-CN", "zh-cn", "ZH-CN", "zh_CN", "zh-CN-u-nu-hanidec", "zh-CN-x-private", "zh", "zh-TW", "zh-Hans"]) {
    assert.equal(cc.describeCloseCode(1001, locale), chinese, locale);
  }
  for (const locale of [undefined, "", "en", "en-US", "fr", "-", "_", "x-zh-CN", "*", "\u212a", null, 42, {}]) {
    assert.equal(cc.describeCloseCode(1001, locale), english, String(locale));
  }
  for (const [name, value] of namedCodes) {
    assert.ok(cc.describeCloseCode(value, "zh-CN"), name);
  }
  assert.equal(cc.describeCloseCode(4001, "zh-CN"), undefined);
});

test("asBrowserSendable checks numbers from outside", () => {
  for (const c of [1000, 3000, 3003, 4001, 4999]) assert.equal(cc.asBrowserSendable(c), c);
  for (const c of [999, 1001, 1005, 1011, 2999, 5000, 65535, -1, 1000.5, NaN, "1000", null]) {
    assert.equal(cc.asBrowserSendable(c), undefined, String(c));
  }
});

test("closeWebSocket checks code and reason as WebSocket.close() does, naming both", () => {
  const calls = [];
  const ws = { close: (code, reason) => calls.push([code, reason]) };
  cc.closeWebSocket(ws, 1000, "bye");
  cc.closeWebSocket(ws, 4001);
  cc.closeWebSocket(ws, 3000, "a".repeat(123));
  cc.closeWebSocket(ws, 3000, "é".repeat(61) + "a");
  assert.deepEqual(calls, [[1000, "bye"], [4001, ""], [3000, "a".repeat(123)], [3000, "é".repeat(61) + "a"]]);
  assert.throws(() => cc.closeWebSocket(ws, 1001, "going"), {
    name: "RangeError",
    message: 'closeWebSocket: code 1001 with reason "going": WebSocket.close() accepts only 1000 and 3000-4999',
  });
  assert.throws(() => cc.closeWebSocket(ws, 4001, "é".repeat(62)), {
    name: "RangeError",
    message: `closeWebSocket: code 4001 with reason "${"é".repeat(40)}…": the reason is 124 bytes of UTF-8, at most 123`,
  });
  // A lone surrogate is sent as U+FFFD, three bytes, as a browser does.
  cc.closeWebSocket(ws, 4001, "\ud800".repeat(41));
  assert.throws(() => cc.closeWebSocket(ws, 4001, "\ud800".repeat(41) + "a"), RangeError);
  assert.equal(calls.length, 5, "nothing is closed when a check fails");
});

test("closeWebSocket reads plain JavaScript arguments as WebSocket.close() does", () => {
  const calls = [];
  const ws = { close: (code, reason) => calls.push([code, reason]) };
  // WebIDL converts the code to a number and the reason to a string.
  cc.closeWebSocket(ws, "1000");
  cc.closeWebSocket(ws, 1000, null);
  cc.closeWebSocket(ws, 4001, 42);
  cc.closeWebSocket(ws, 4001, undefined);
  assert.deepEqual(calls, [[1000, ""], [1000, "null"], [4001, "42"], [4001, ""]]);
  for (const [code, message] of [
    ["abc", 'closeWebSocket: code "abc" with reason "": WebSocket.close() accepts only 1000 and 3000-4999; it is not a number'],
    [null, 'closeWebSocket: code null with reason "": WebSocket.close() accepts only 1000 and 3000-4999'],
    ["1001", 'closeWebSocket: code "1001" with reason "": WebSocket.close() accepts only 1000 and 3000-4999'],
    [3000.5, 'closeWebSocket: code 3000.5 with reason "": WebSocket.close() accepts only 1000 and 3000-4999; it is not a whole number'],
  ]) {
    assert.throws(() => cc.closeWebSocket(ws, code), { name: "RangeError", message }, String(code));
  }
  for (const [code, reason] of [[Symbol("s"), ""], [1000, Symbol("r")], [1000n, ""]]) {
    assert.throws(() => cc.closeWebSocket(ws, code, reason), { name: "TypeError" }, typeof code);
  }
  assert.equal(calls.length, 4, "nothing is closed when a check fails");
});

test("describeCloseCode passes the language lookup cases the Go package and registry pass", () => {
  // The first set is this registry's languages; internal/generator runs the others.
  const vectors = JSON.parse(readFileSync(new URL("../../../internal/registry/testdata/language-vectors.json", import.meta.url), "utf8")).sets[0];
  assert.deepEqual(cc.closeCodeLanguages(), vectors.languages);
  for (const { tag, want } of vectors.cases) {
    assert.equal(cc.describeCloseCode(1001, tag), cc.describeCloseCode(1001, want), `${JSON.stringify(tag)} should find ${want}`);
  }
});

test("reconnectPolicy and retryAfter give the registry's advice for every code", () => {
  const never = [1000, 1002, 1003, 1007, 1008, 1009, 1010, 3003];
  const retry = [1001, 1005, 1006, 1011, 1012, 1014, 3008];
  const want = new Map([...never.map((c) => [c, "never"]), ...retry.map((c) => [c, "retry"]),
    [3000, "reauthenticate"], [1013, "user"], [1015, "user"]]);
  for (let c = 0; c <= 0xffff; c++) {
    assert.equal(cc.reconnectPolicy(c), want.get(c) ?? "unspecified", `code ${c}`);
    const hint = cc.retryAfter(c);
    if (c === 1006) assert.deepEqual(hint, { minMs: 0, maxMs: 5000 });
    else if (c === 1012) assert.deepEqual(hint, { minMs: 5000, maxMs: 30000 });
    else assert.equal(hint, undefined, `code ${c}`);
  }
  for (const v of notCodes) {
    assert.equal(cc.reconnectPolicy(v), "unspecified");
    assert.equal(cc.retryAfter(v), undefined);
  }
});

test("CloseCode is frozen: no script can change or add a code", () => {
  assert.ok(Object.isFrozen(cc.CloseCode));
  assert.throws(() => { "use strict"; cc.CloseCode.NormalClosure = 4000; }, TypeError);
  assert.throws(() => { "use strict"; cc.CloseCode.Extra = 4000; }, TypeError);
  assert.equal(cc.CloseCode.NormalClosure, 1000);
  for (const r of cc.closeCodeRanges()) assert.ok(Object.isFrozen(r));
});

// The oracle of truncateCloseReason: the browser's own encoder and decoder.
// TextEncoder sends a lone surrogate as U+FFFD; the bytes are cut at the
// last character boundary at or before the limit.
function truncateByBytes(reason) {
  const bytes = new TextEncoder().encode(reason);
  let cut = Math.min(bytes.length, cc.MAX_CLOSE_REASON_BYTES);
  while (cut < bytes.length && (bytes[cut] & 0xc0) === 0x80) cut--;
  return new TextDecoder().decode(bytes.subarray(0, cut));
}

test("truncateCloseReason passes the cases TruncateReason passes", () => {
  const vectors = JSON.parse(readFileSync(new URL("../../testdata/truncate-reason.json", import.meta.url), "utf8"));
  assert.equal(vectors.max_bytes, cc.MAX_CLOSE_REASON_BYTES);
  assert.ok(vectors.cases.length > 0 && vectors.byte_cases.length > 0);
  for (const { name, reason, want } of vectors.cases) {
    assert.equal(cc.truncateCloseReason(reason), want, name);
    assert.equal(truncateByBytes(reason), want, `${name}: the vector agrees with the oracle`);
  }
  // Invalid UTF-8 reaches JavaScript only through a decoder, which makes
  // each maximal invalid sequence one U+FFFD; Go's TruncateReason must too.
  for (const { name, reason_hex, want } of vectors.byte_cases) {
    const decoded = new TextDecoder().decode(Buffer.from(reason_hex, "hex"));
    assert.equal(cc.truncateCloseReason(decoded), want, name);
  }
});

test("truncateCloseReason agrees with the encoder on random strings", () => {
  // Strings of 0-140 UTF-16 units drawn from every width, lone surrogates
  // included, from a fixed seed so that a failure repeats.
  let seed = 20261207;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pools = [[0x20, 0x7f], [0x80, 0x7ff], [0x800, 0xd7ff], [0xd800, 0xdfff], [0xe000, 0xffff]];
  for (let n = 0; n < 10000; n++) {
    let s = "";
    const len = Math.floor(next() * 141);
    while (s.length < len) {
      if (next() < 0.1) { s += String.fromCodePoint(0x10000 + Math.floor(next() * 0xfffff)); continue; }
      const [lo, hi] = pools[Math.floor(next() * pools.length)];
      s += String.fromCharCode(lo + Math.floor(next() * (hi - lo + 1)));
    }
    const got = cc.truncateCloseReason(s);
    assert.equal(got, truncateByBytes(s), JSON.stringify(s));
    assert.ok(cc.isValidCloseReason(got), JSON.stringify(s));
  }
});
