import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { tsFiles } from "../support/source-files";

/**
 * The design card: src/core is the domain, pure TypeScript; it imports nothing of ours outside itself
 * and no Office, DOM, Node or network module. ESLint says it while editing; this test says it in CI.
 */
const CORE = resolve(__dirname, "../../src/core");
const ALLOWED_PACKAGES = new Set(["zod"]);

function importsOf(source: string): string[] {
  const specs: string[] = [];
  const re =
    /(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\s*\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)/g;
  for (let m = re.exec(source); m; m = re.exec(source)) specs.push(m[1] ?? m[2] ?? m[3]);
  return specs;
}

describe("src/core purity", () => {
  const files = tsFiles(CORE);

  it("has source files to check", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [relative(CORE, f), f]))(
    "%s imports only core modules and allowed pure packages",
    (_name, file) => {
      const bad = importsOf(readFileSync(file, "utf8")).filter((spec) => {
        if (spec.startsWith(".")) return !resolve(dirname(file), spec).startsWith(CORE);
        return !ALLOWED_PACKAGES.has(spec.split("/")[0]);
      });
      expect(bad).toEqual([]);
    },
  );

  it("the import scanner itself catches a forbidden import", () => {
    expect(
      importsOf('import { readFileSync } from "node:fs";\nimport x from "../../excel/adapter";'),
    ).toEqual(["node:fs", "../../excel/adapter"]);
  });
});
