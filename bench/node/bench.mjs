// Benchmarks the generated JavaScript module against the alternatives, in
// one run: isValidCloseCode against ws's isValidStatusCode, and
// closeCodeName against http-status-codes' getReasonPhrase, each on its own
// library's known codes and on a mix with unknown ones.
//
// Method. The functions under test cost a nanosecond or two, so how they are
// measured decides the result:
//   - Every case loads its own instance of the module it measures (an ES
//     module imported under its own URL, a CommonJS one required afresh) and
//     gets a loop function with source text of its own. Engines share
//     compiled code and type feedback between functions of identical
//     source; shared, a call site sees several callees, stops inlining and
//     runs up to three times slower, for whichever case comes later.
//   - Each case is warmed up, then the cases take turns within one process,
//     ROUNDS times, each turn timing ITERS calls with process.hrtime.bigint.
//     A slow moment of a shared machine then falls on every case alike, and
//     a comparison divides two cases' medians from the same process.
//   - PROCESSES fresh processes repeat all of it, since where the engine
//     places compiled code differs from process to process and moves
//     results by tens of percent. Reported: the median over the processes
//     of each case's median, and of each comparison's ratio, with ranges.
//
// Usage: node bench.mjs [--quick] [--json FILE]
import { createRequire } from "node:module";
import { writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import path from "node:path";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const moduleURL = pathToFileURL(path.join(here, "../../generated/ts/js/closecodes.js")).href;

const quick = process.argv.includes("--quick");
const jsonAt = process.argv.indexOf("--json");
const ROUNDS = quick ? 1 : 15;
const ITERS = quick ? 1000 : 1_000_000;
const PROCESSES = quick ? 1 : 7;

// Fresh instances of the modules under test, one a case.
let instance = 0;
async function closecodes() {
  return import(`${moduleURL}?instance=${instance++}`);
}
function fresh(id) {
  const resolved = require.resolve(id);
  delete require.cache[resolved];
  return require(resolved);
}
const ws = () => fresh("./node_modules/ws/lib/validation.js").isValidStatusCode;
const getReasonPhrase = () => fresh("http-status-codes").getReasonPhrase;

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
const first = await closecodes();
const closeKnown = fill(first.closeCodes(), 32);
const closeMixed = fill([1000, 1001, 1002, 1008, 1011, 3000, 3008, 4001, 3500, 4999,
  1004, 1005, 1006, 1015, 1500, 2500, 0, 999, 5000, 65535], 1024);
const httpKnownPool = [200, 201, 202, 204, 301, 302, 304, 400, 401, 403, 404, 405, 409, 410, 422, 429, 500, 502, 503];
const httpKnown = fill(httpKnownPool, 32);
const httpMixed = fill([...httpKnownPool, 299, 399, 499, 599, 999, 1000, 4001, 0, 700, 65535], 1024);
// The input of the Go Parse benchmark, built the same way: every name, two
// aliases, numbers in and out of range and text that names nothing, in that
// order, then names again up to 32 entries.
const parseTexts = first.closeCodes().map((c) => first.closeCodeName(c))
  .concat(["CLOSE_NORMAL", "CLOSE_TOO_LARGE", "4001", "1000", "65535", "nope", "70000"]);
const namedCount = first.closeCodes().length;
while (parseTexts.length < 32) parseTexts.push(parseTexts[parseTexts.length % namedCount]);
parseTexts.length = 32;

// loop makes a fresh function for one case: call is a statement using x.
let loops = 0;
function loop(call) {
  return new Function("fn", "inputs", "iters", `// loop ${loops++}
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
  // The loop alone: a call that returns its argument. What a case costs
  // above this is the function's own work.
  { name: "loop floor (identity function), named codes", fn: async () => (x) => x, inputs: closeKnown, body: truthy },
  { name: "isValidCloseCode, named codes", fn: async () => (await closecodes()).isValidCloseCode, inputs: closeKnown, body: truthy },
  { name: "ws isValidStatusCode, named codes", fn: async () => ws(), inputs: closeKnown, body: truthy },
  { name: "isValidCloseCode, mixed codes", fn: async () => (await closecodes()).isValidCloseCode, inputs: closeMixed, body: truthy },
  { name: "ws isValidStatusCode, mixed codes", fn: async () => ws(), inputs: closeMixed, body: truthy },
  { name: "closeCodeName, known codes", fn: async () => (await closecodes()).closeCodeName, inputs: closeKnown, body: named },
  { name: "closeCodeName, mixed codes", fn: async () => (await closecodes()).closeCodeName, inputs: closeMixed, body: named },
  { name: "http-status-codes getReasonPhrase, known codes", fn: async () => getReasonPhrase(), inputs: httpKnown, body: catching },
  // Unknown codes throw, which costs microseconds: fewer calls keep the run short.
  { name: "http-status-codes getReasonPhrase, mixed codes (throws for unknown)", fn: async () => getReasonPhrase(), inputs: httpMixed, body: catching, slow: 200 },
  { name: "browserCanSend, mixed codes", fn: async () => (await closecodes()).browserCanSend, inputs: closeMixed, body: truthy },
  { name: "parseCloseCode, mixed texts", fn: async () => (await closecodes()).parseCloseCode, inputs: parseTexts, body: "sink += fn(x) ?? 0;" },
];

// The comparisons the targets ask for: how many times longer the
// alternative takes than closecodes.
const comparisons = [
  ["isValidCloseCode, named codes", "ws isValidStatusCode, named codes"],
  ["isValidCloseCode, mixed codes", "ws isValidStatusCode, mixed codes"],
  ["closeCodeName, known codes", "ws isValidStatusCode, named codes"],
  ["closeCodeName, known codes", "http-status-codes getReasonPhrase, known codes"],
  ["closeCodeName, mixed codes", "http-status-codes getReasonPhrase, mixed codes (throws for unknown)"],
];

function median(values) {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

// measure runs every case in this process and returns each case's median
// nanoseconds a call.
async function measure() {
  const runs = [];
  for (const c of cases) {
    const run = { fn: await c.fn(), loop: loop(c.body), inputs: c.inputs, iters: Math.max(1, Math.floor(ITERS / (c.slow ?? 1))), times: [] };
    run.sink = run.loop(run.fn, run.inputs, run.iters * 2); // warm-up
    runs.push(run);
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const run of runs) {
      const t0 = process.hrtime.bigint();
      run.sink += run.loop(run.fn, run.inputs, run.iters);
      run.times.push(Number(process.hrtime.bigint() - t0) / run.iters);
    }
  }
  if (runs.some((r) => r.sink === 0.5)) console.log(""); // keep the work observable
  return runs.map((r) => median(r.times));
}

if (process.argv.includes("--child")) {
  process.stdout.write(JSON.stringify(await measure()));
  process.exit(0);
}

const perProcess = [];
for (let p = 0; p < PROCESSES; p++) {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--child", ...(quick ? ["--quick"] : [])], { encoding: "utf8" });
  if (child.status !== 0) throw new Error(`benchmark process failed: ${child.stderr}`);
  perProcess.push(JSON.parse(child.stdout));
}

const index = (name) => {
  const i = cases.findIndex((c) => c.name === name);
  if (i < 0) throw new Error(`no case ${name}`);
  return i;
};
const results = cases.map((c, i) => {
  const samples = perProcess.map((p) => p[i]);
  return { name: c.name, nsPerCall: median(samples), processes: samples };
});
const ratios = comparisons.map(([ours, theirs]) => {
  const samples = perProcess.map((p) => p[index(theirs)] / p[index(ours)]);
  return { ours, theirs, ratio: median(samples), processes: samples };
});

const range = (xs, digits) => `${Math.min(...xs).toFixed(digits)}-${Math.max(...xs).toFixed(digits)}`;
console.log(`node ${process.version}: ${PROCESSES} processes, each taking every case in ${ROUNDS} turns of up to ${ITERS} calls`);
console.log("ns/call: median over the processes (range of the processes' medians)");
for (const r of results) console.log(`${r.nsPerCall.toFixed(2).padStart(8)}  ${r.name} (${range(r.processes, 2)})`);
console.log("the alternative's time / closecodes' time in the same process: median (range); above 1, closecodes is faster");
for (const r of ratios) console.log(`${r.ratio.toFixed(2).padStart(8)}x ${r.ours} vs ${r.theirs} (${range(r.processes, 2)})`);
if (jsonAt > 0) writeFileSync(process.argv[jsonAt + 1], JSON.stringify({ results, ratios }, null, 2));
