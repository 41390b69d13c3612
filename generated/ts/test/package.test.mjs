// Tests of generated/ts as an npm package, run with `node --test`: what an
// app pays in bytes for what it imports, and which files `npm pack` ships.
//
// Sizes are measured as a browser app ships them: esbuild bundles an entry
// (minified, ESM, browser platform), and the bundle is gzipped at level 9.
// Each bundle is also run, so a size can never come from a bundle that lost
// what its entry uses.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

let esbuild;
try {
  esbuild = await import("esbuild");
} catch (err) {
  throw new Error(`esbuild is not installed: run npm ci in generated/ts/test, as bash .ci/test does (${err.message})`);
}

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const jsModulePath = fileURLToPath(new URL("../js/closecodes.js", import.meta.url));
const jsTextsPath = fileURLToPath(new URL("../js/texts.js", import.meta.url));

// Both forms ship and both are bundled as they are: the plain JavaScript in
// js/, and the TypeScript, whose types esbuild strips.
const forms = [
  { form: "js/closecodes.js", module: jsModulePath, texts: jsTextsPath },
  { form: "closecodes.ts", module: fileURLToPath(new URL("../closecodes.ts", import.meta.url)),
    texts: fileURLToPath(new URL("../texts.ts", import.meta.url)) },
];

// bundle builds entry, a module that imports from the package and stores
// what it uses in globalThis.bundled, and returns the bundle's text
// and its sizes in bytes.
async function bundle(entry) {
  const result = await esbuild.build({
    stdin: { contents: entry, resolveDir: packageDir, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  const bytes = result.outputFiles[0].contents;
  return {
    text: new TextDecoder().decode(bytes),
    minified: bytes.length,
    gzipped: gzipSync(bytes, { level: 9 }).length,
  };
}

// run evaluates a bundle and returns what it stored in globalThis.bundled.
// Node keeps a module by its URL and never runs it twice, and the two forms
// bundle to the same text, so each run imports a URL of its own.
let runs = 0;
async function run(text) {
  delete globalThis.bundled;
  const source = `${text}\n// run ${++runs}\n`;
  await import("data:text/javascript;base64," + Buffer.from(source).toString("base64"));
  const got = globalThis.bundled;
  delete globalThis.bundled;
  return got;
}

for (const { form, module, texts } of forms) {
  const moduleSpec = JSON.stringify(module);
  const textsSpec = JSON.stringify(texts);

  test(`${form}: importing only CloseCode costs at most 400 bytes min+gz`, async (t) => {
    const b = await bundle(`import { CloseCode } from ${moduleSpec};\nglobalThis.bundled = CloseCode;\n`);
    t.diagnostic(`CloseCode only: ${b.minified} B minified, ${b.gzipped} B min+gz (limit 400)`);
    const got = await run(b.text);
    assert.equal(got.NormalClosure, 1000);
    assert.ok(Object.isFrozen(got), "the bundled CloseCode must still be frozen");
    assert.ok(b.gzipped <= 400, `CloseCode alone bundles to ${b.gzipped} B min+gz, over 400 B:\n${b.text}`);
  });

  test(`${form}: importing the whole module costs at most 1,800 bytes min+gz`, async (t) => {
    const b = await bundle(`import * as cc from ${moduleSpec};\nglobalThis.bundled = cc;\n`);
    t.diagnostic(`whole module: ${b.minified} B minified, ${b.gzipped} B min+gz (limit 1800)`);
    const got = await run(b.text);
    const direct = await import(jsModulePath);
    assert.deepEqual(Object.keys(got).sort(), Object.keys(direct).sort(), "the bundle must keep every export");
    assert.equal(got.reconnectPolicy(1012), "retry");
    assert.ok(!b.text.includes("Normal Closure"), "the texts are a module of their own");
    assert.ok(b.gzipped <= 1800, `the whole module bundles to ${b.gzipped} B min+gz, over 1,800 B:\n${b.text}`);
  });

  // The texts, a module of their own, carry every label, reference,
  // description and range in every language of the registry: what a page
  // that shows them pays, held to what it is today.
  test(`${form}: importing the texts costs at most 3,300 bytes min+gz`, async (t) => {
    const b = await bundle(`import * as tx from ${textsSpec};\nglobalThis.bundled = tx;\n`);
    t.diagnostic(`texts: ${b.minified} B minified, ${b.gzipped} B min+gz (limit 3300)`);
    const got = await run(b.text);
    assert.equal(got.describeCloseCode(1000, "zh"), (await import(jsTextsPath)).describeCloseCode(1000, "zh-CN"));
    assert.ok(b.gzipped <= 3300, `the texts bundle to ${b.gzipped} B min+gz, over 3,300 B`);
  });

  // A helper that reads no table must not carry one: the frozen tables go
  // when nothing uses them.
  test(`${form}: importing only browserCanSend leaves the CloseCode table out`, async (t) => {
    const b = await bundle(`import { browserCanSend } from ${moduleSpec};\nglobalThis.bundled = browserCanSend;\n`);
    t.diagnostic(`browserCanSend only: ${b.minified} B minified, ${b.gzipped} B min+gz`);
    const got = await run(b.text);
    assert.equal(got(1000), true);
    assert.equal(got(1001), false);
    assert.ok(!b.text.includes("NormalClosure"), `the CloseCode table survived tree-shaking:\n${b.text}`);
  });

  test(`${form}: importing only closeCodeLabel leaves the range table out`, async (t) => {
    const b = await bundle(`import { closeCodeLabel } from ${textsSpec};\nglobalThis.bundled = closeCodeLabel;\n`);
    t.diagnostic(`closeCodeLabel only: ${b.minified} B minified, ${b.gzipped} B min+gz`);
    const got = await run(b.text);
    assert.equal(got(1000), "Normal Closure");
    assert.ok(!b.text.includes("Private use"), `the range table survived tree-shaking:\n${b.text}`);
  });
}

test("npm pack ships exactly the modules, their JavaScript forms and package.json", () => {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--loglevel=error"], {
    cwd: packageDir,
    encoding: "utf8",
  });
  const [packed] = JSON.parse(out);
  const files = packed.files.map((f) => f.path).sort();
  assert.deepEqual(files, ["closecodes.ts", "js/closecodes.d.ts", "js/closecodes.js", "js/texts.d.ts", "js/texts.js",
    "package.json", "texts.ts"]);
});
