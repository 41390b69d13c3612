// Shared by the tests: where things are, and an app's generated module.
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";

export const pluginDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const repoRoot = path.dirname(pluginDir);

// useNodeTest makes a RuleTester class report through node:test.
export function useNodeTest(RuleTester) {
  RuleTester.describe = describe;
  RuleTester.it = it;
  RuleTester.itOnly = it.only;
  if ("afterAll" in RuleTester) RuleTester.afterAll = after;
}

// generateModule runs gencodes on the registry at registryPath, relative to
// the repository, writing only the TypeScript module, into a new directory
// below parent (a temporary one by default), and returns the directory.
export function generateModule(registryPath, parent = tmpdir()) {
  const out = mkdtempSync(path.join(parent, "closecodes-module-"));
  execFileSync("go", ["run", "./cmd/gencodes", "-registry", registryPath,
    "-go-out", "", "-docs-out", "", "-json-out", "", "-ts-out", out], { cwd: repoRoot, stdio: "inherit" });
  return out;
}

// importChatModule generates the example chat app's module and imports it.
export async function importChatModule() {
  const dir = generateModule("examples/registries/chat.yaml");
  return import(pathToFileURL(path.join(dir, "js", "closecodes.js")).href);
}
