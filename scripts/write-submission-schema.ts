/**
 * Writes docs/api/submission-v1.schema.json from the zod definition (src/core/submission), so the published
 * JSON Schema can never drift from what the hub accepts. Run: npm run schema:submission
 */
import { writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { submissionJsonSchema } from "../src/core/submission";

const out = path.join(__dirname, "..", "docs", "api", "submission-v1.schema.json");
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(submissionJsonSchema(), null, 2) + "\n");
console.log(`Schéma JSON écrit : ${path.relative(process.cwd(), out)}`);
