import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { tsFiles } from "../support/source-files";

/** The hub serves what the CLI writes (the consolidation CSV) from a shared pure module, never by importing the CLI. */
const HUB = resolve(__dirname, "../../src/hub");
const CLI = resolve(__dirname, "../../src/cli");

test.each(tsFiles(HUB).map((f) => [relative(HUB, f), f]))(
  "src/hub/%s imports nothing from src/cli",
  (_name, file) => {
    const specs = [
      ...readFileSync(file, "utf8").matchAll(/from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g),
    ].map((m) => m[1] ?? m[2]);
    expect(specs.filter((s) => s.startsWith(".") && resolve(dirname(file), s).startsWith(CLI))).toEqual([]);
  },
);
