import { readFileSync } from "node:fs";
import { basename, relative, resolve } from "node:path";
import { tsFiles } from "../support/source-files";

/**
 * Only the barrels (index.ts) of src/core and src/hub re-export. tsc compiles a re-export to an accessor on the module's
 * exports object, which turns that whole object into a dictionary: every use of any export of the module
 * (INVALID, isEmptyCell…) then costs V8 a generic property load instead of a constant. In the reader that
 * was several per cell (perf: Builtins_LoadIC, ~8 % of an analysis). Import from the defining module instead.
 */
const ROOTS = ["core", "hub"].map((part) => resolve(__dirname, "../../src", part));
const SRC = resolve(__dirname, "../../src");

/** The re-exports of a module's source: `export … from`, and `export { x }` of a name it imports. */
function reexportsOf(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/^export\s+(?:type\s+)?(?:\*|\{[^}]*\})\s*from\s*["'][^"']+["']/gm)) {
    if (!/^export\s+type\b/.test(m[0])) found.push(m[0]);
  }
  const imported = new Set<string>();
  for (const m of source.matchAll(/^import\s+(?!type\b)\{([^}]*)\}\s*from/gm)) {
    for (const part of m[1].split(",")) {
      const name = part
        .trim()
        .replace(/^type\s+/, "")
        .split(/\s+as\s+/)
        .pop();
      if (name && !part.trim().startsWith("type ")) imported.add(name);
    }
  }
  for (const m of source.matchAll(/^export\s+\{([^}]*)\}\s*;/gm)) {
    for (const part of m[1].split(",")) {
      const local = part.trim().split(/\s+as\s+/)[0];
      if (imported.has(local)) found.push(`export { ${part.trim()} }`);
    }
  }
  return found;
}

test("the scanner finds both forms of re-export and leaves local exports alone", () => {
  const source = [
    'import { isBlankChar } from "../text/normalize";',
    'import { type Kind } from "../model/kinds";',
    "export { isBlankChar };",
    'export { isRsa } from "./rsa";',
    'export * from "./schema";',
    'export type { Parsed } from "./outcome";',
    "const local = 1;",
    "export { local };",
  ].join("\n");
  expect(reexportsOf(source)).toEqual([
    'export { isRsa } from "./rsa"',
    'export * from "./schema"',
    "export { isBlankChar }",
  ]);
});

test.each(
  ROOTS.flatMap((root) => tsFiles(root).filter((f) => basename(f) !== "index.ts")).map((f) => [
    relative(SRC, f),
    f,
  ]),
)("%s re-exports nothing (only index.ts files do)", (_name, file) => {
  expect(reexportsOf(readFileSync(file, "utf8"))).toEqual([]);
});
