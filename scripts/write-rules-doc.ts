import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_CONFIG } from "../src/core/config/defaults";
import { rulesDocument } from "../src/core/report/rules-doc";

/** Writes docs/regles-et-indicateurs.md from the engine (`npm run docs:rules`). */
const target = join(__dirname, "..", "docs", "regles-et-indicateurs.md");
writeFileSync(target, rulesDocument(DEFAULT_CONFIG));
console.log(`Écrit : ${target}`);
