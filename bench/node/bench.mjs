// Benchmarks the generated JavaScript module against the alternatives, in
// one run: isValidCloseCode against ws's isValidStatusCode, and
// closeCodeName against http-status-codes' getReasonPhrase, each on its own
// library's known codes and on a mix with unknown ones.
//
// Method: every case gets a loop function of its own (so V8 sees one callee
// at each call site and may inline it, as it would in an application) and
// is warmed up; then the cases take turns, each timing ITERS calls with
// process.hrtime.bigint, REPS times, and the median nanoseconds a call is
// reported.
//
// Usage: node bench.mjs [--quick] [--json FILE]
import { createRequire } from "node:module";
import { writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";
import * as cc from "../../generated/ts/js/closecodes.js";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const { isValidStatusCode } = require(path.join(here, "node_modules/ws/lib/validation.js"));
const { getReasonPhrase } = require("http-status-codes");

const quick = process.argv.includes("--quick");
const jsonAt = process.argv.indexOf("--json");
const REPS = quick ? 1 : 9;
const ITERS = quick ? 1000 : 2_000_000;

// Power-of-two input arrays, indexed with a mask.
function fill(pool, length) {
  const out = new Array(length);
  let x = 2463534242;
  for (let i = 0; i < length; i++) {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    out[i] = pool[x % pool.length];
  }
  return out;
}
const closeKnown = fill(cc.closeCodes(), 32);
const closeMixed = fill([1000, 1001, 1002, 1008, 1011, 3000, 3008, 4001, 3500, 4999,
  1004, 1005, 1006, 1015, 1500, 2500, 0, 999, 5000, 65535], 1024);
const httpKnownPool = [200, 201, 202, 204, 301, 302, 304, 400, 401, 403, 404, 405, 409, 410, 422, 429, 500, 502, 503];
const httpKnown = fill(httpKnownPool, 32);
const httpMixed = fill([...httpKnownPool, 299, 399, 499, 599, 999, 1000, 4001, 0, 700, 65535], 1024);

// loop makes a fresh function for one case: call(x) is an expression in x.
function loop(call) {
  return new Function("fn", "inputs", "iters", `
    const mask = inputs.length - 1;
    let sink = 0;
    for (let i = 0; i < iters; i++) {
      const x = inputs[i & mask];
      ${call}
    }
    return sink;`);
}
const truthy = "sink += fn(x) ? 1 : 0;";
const named = "sink += fn(x) === undefined ? 0 : 1;";
const catching = "try { sink += fn(x).length; } catch { sink -= 1; }";

const cases = [
  { name: "isValidCloseCode, named codes", fn: cc.isValidCloseCode, inputs: closeKnown, body: truthy },
  { name: "ws isValidStatusCode, named codes", fn: isValidStatusCode, inputs: closeKnown, body: truthy },
  { name: "isValidCloseCode, mixed codes", fn: cc.isValidCloseCode, inputs: closeMixed, body: truthy },
  { name: "ws isValidStatusCode, mixed codes", fn: isValidStatusCode, inputs: closeMixed, body: truthy },
  { name: "closeCodeName, known codes", fn: cc.closeCodeName, inputs: closeKnown, body: named },
  { name: "closeCodeName, mixed codes", fn: cc.closeCodeName, inputs: closeMixed, body: named },
  { name: "http-status-codes getReasonPhrase, known codes", fn: getReasonPhrase, inputs: httpKnown, body: catching },
  // Unknown codes throw, which costs microseconds: fewer calls keep the run short.
  { name: "http-status-codes getReasonPhrase, mixed codes (throws for unknown)", fn: getReasonPhrase, inputs: httpMixed, body: catching, slow: 200 },
  { name: "browserCanSend, mixed codes", fn: cc.browserCanSend, inputs: closeMixed, body: truthy },
  { name: "parseCloseCode, names", fn: cc.parseCloseCode,
    inputs: cc.closeCodes().map((c) => cc.closeCodeName(c)).concat(["4001", "nope"]).slice(0, 16), body: "sink += fn(x) ?? 0;" },
];

// timeCase runs one case in this process: a warm-up, then REPS timings of
// its calls; it returns the median nanoseconds a call.
function timeCase(c) {
  const run = loop(c.body);
  const iters = Math.max(1, Math.floor(ITERS / (c.slow ?? 1)));
  let sink = run(c.fn, c.inputs, iters);
  const times = [];
  for (let r = 0; r < REPS; r++) {
    const t0 = process.hrtime.bigint();
    sink += run(c.fn, c.inputs, iters);
    times.push(Number(process.hrtime.bigint() - t0) / iters);
  }
  if (sink === 0.5) console.log(""); // keep the work observable
  return median(times);
}

function median(values) {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const caseAt = process.argv.indexOf("--case");
if (caseAt > 0) {
  process.stdout.write(String(timeCase(cases[Number(process.argv[caseAt + 1])])));
  process.exit(0);
}

// Each case runs in a fresh process, ROUNDS times, the cases taking turns:
// what one case leaves in the engine (compiled code, type feedback) or in
// the processor (branch history) then cannot favour or hurt the next, and a
// slow moment of the machine falls on all of them alike.
const ROUNDS = quick ? 1 : 5;
const samples = cases.map(() => []);
for (let round = 0; round < ROUNDS; round++) {
  cases.forEach((c, i) => {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--case", String(i), ...(quick ? ["--quick"] : [])], { encoding: "utf8" });
    if (child.status !== 0) throw new Error(`case ${c.name} failed: ${child.stderr}`);
    samples[i].push(Number(child.stdout));
  });
}
const results = cases.map((c, i) => ({ name: c.name, nsPerCall: median(samples[i]), rounds: samples[i] }));

console.log(`node ${process.version}: each case in ${ROUNDS} fresh processes, each timing ${REPS} runs of up to ${ITERS} calls; median ns/call`);
for (const r of results) console.log(`${r.nsPerCall.toFixed(2).padStart(8)}  ${r.name}`);
if (jsonAt > 0) writeFileSync(process.argv[jsonAt + 1], JSON.stringify(results, null, 2));
