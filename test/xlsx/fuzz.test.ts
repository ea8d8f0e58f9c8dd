import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import JSZip from "jszip";
import { analyzeWorkbook, extractMapping } from "../../src/core";
import { isXlsxReadError, readReasonOf } from "../../src/xlsx/errors";
import { readXlsxBytes } from "../../src/xlsx/read-buffer";
import { zlibInflateRaw } from "../../src/xlsx/read-file";
import { zipOf } from "./support/bombs";

/**
 * Fuzz corpus (issue 15): the example workbooks mutated as damaged or crafted files are — bytes flipped in the
 * zip, parts truncated, swapped, duplicated, removed, declared sizes huge — with a fixed seed. Every case ends
 * with a workbook the engine analyses (findings) or an XlsxReadError naming the file: never another error, a
 * hang or a stack trace. A failing case names its seed and mutation, to replay it alone (FUZZ_CASE=n).
 */

const ROOT = join(__dirname, "..", "..");
const CASES = 2_000;
const SEED = 0x15_2026;

/** mulberry32: small, fast, reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Part {
  name: string;
  data: Buffer;
  deflated: Buffer;
}

interface Example {
  file: string;
  bytes: Buffer;
  parts: Part[];
}

function exampleFiles(): string[] {
  const dirs = [join(ROOT, "examples"), join(ROOT, "examples", "departement-38")];
  return dirs.flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith(".xlsx"))
      .map((f) => join(d, f)),
  );
}

/** Size field offsets of an entry record found at `at`: local header (18/22) or central (20/24). */
function setDeclaredSizes(zip: Buffer, value: number): Buffer {
  const out = Buffer.from(zip);
  for (let i = 0; i + 46 <= out.length; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x04034b50) out.writeUInt32LE(value >>> 0, i + 22);
    else if (sig === 0x02014b50) out.writeUInt32LE(value >>> 0, i + 24);
  }
  return out;
}

type Mutation = (ex: Example, r: () => number) => { bytes: Buffer; what: string };

const pick = <T>(xs: readonly T[], r: () => number): T => xs[Math.floor(r() * xs.length)];
const rezip = (parts: readonly Part[]) =>
  zipOf(parts.map((p) => ({ name: p.name, deflated: p.deflated, size: p.data.length })));
const withPart = (p: Part, data: Buffer): Part => ({ name: p.name, data, deflated: deflateRawSync(data) });
/** The parts the reader reads (a mutation elsewhere is mostly a no-op). */
const readParts = (ex: Example) =>
  ex.parts.filter((p) => /^xl\/(workbook\.xml|_rels|worksheets|sharedStrings|styles|tables)/i.test(p.name));

const MUTATIONS: Record<string, Mutation> = {
  "byte flips in the zip": (ex, r) => {
    const bytes = Buffer.from(ex.bytes);
    const n = 1 + Math.floor(r() * 8);
    for (let k = 0; k < n; k++) bytes[Math.floor(r() * bytes.length)] ^= 1 << Math.floor(r() * 8);
    return { bytes, what: `${n} bits` };
  },
  "file truncated": (ex, r) => {
    const at = Math.floor(r() * ex.bytes.length);
    return { bytes: ex.bytes.subarray(0, at), what: `at ${at}` };
  },
  "part truncated (XML cut)": (ex, r) => {
    const p = pick(readParts(ex), r);
    const at = Math.floor(r() * p.data.length);
    return {
      bytes: rezip(ex.parts.map((q) => (q === p ? withPart(q, q.data.subarray(0, at)) : q))),
      what: `${p.name} at ${at}`,
    };
  },
  "part truncated (deflate stream cut)": (ex, r) => {
    const p = pick(readParts(ex), r);
    const at = Math.floor(r() * p.deflated.length);
    return {
      bytes: rezip(ex.parts.map((q) => (q === p ? { ...q, deflated: q.deflated.subarray(0, at) } : q))),
      what: `${p.name} at ${at}`,
    };
  },
  "bytes flipped in an inflated part": (ex, r) => {
    const p = pick(readParts(ex), r);
    const data = Buffer.from(p.data);
    const n = 1 + Math.floor(r() * 16);
    for (let k = 0; k < n; k++)
      data[Math.floor(r() * data.length)] = pick([60, 62, 34, 47, 38, 0, 0xff, 0xc3, 32, 58], r);
    return {
      bytes: rezip(ex.parts.map((q) => (q === p ? withPart(q, data) : q))),
      what: `${p.name}, ${n} bytes`,
    };
  },
  "swapped entries": (ex, r) => {
    const a = pick(readParts(ex), r);
    const b = pick(ex.parts, r);
    return {
      bytes: rezip(
        ex.parts.map((q) => (q === a ? { ...b, name: a.name } : q === b ? { ...a, name: b.name } : q)),
      ),
      what: `${a.name} <-> ${b.name}`,
    };
  },
  "duplicated part": (ex, r) => {
    const a = pick(readParts(ex), r);
    const other = pick(ex.parts, r);
    const parts = [...ex.parts];
    parts.splice(Math.floor(r() * parts.length), 0, { ...other, name: a.name });
    return { bytes: rezip(parts), what: `${a.name} twice` };
  },
  "part removed": (ex, r) => {
    const a = pick(readParts(ex), r);
    return { bytes: rezip(ex.parts.filter((q) => q !== a)), what: a.name };
  },
  "huge declared sizes": (ex, r) => {
    const value = pick([0xffffffff, 0xfffffffe, 0x7fffffff, 0, 1], r);
    return { bytes: setDeclaredSizes(rezip(ex.parts), value), what: `0x${value.toString(16)}` };
  },
};

/** Reasons a damaged file may give (all but the ones only the CLI's worker gives). */
const REASONS = new Set([
  "empty-file",
  "not-zip",
  "truncated",
  "protected-or-xls",
  "not-xlsx",
  "no-sheet",
  "no-cells",
  "too-many-rows",
  "too-many-cells",
  "too-many-formulas",
  "too-many-merges",
  "file-too-large",
  "too-many-parts",
  "part-too-large",
  "content-too-large",
  "compression-bomb",
  "too-many-strings",
  "too-many-styles",
  "unreadable",
]);

describe("fuzz corpus: mutated example workbooks", () => {
  let examples: Example[];
  beforeAll(async () => {
    examples = [];
    for (const file of exampleFiles()) {
      const bytes = readFileSync(file);
      const zip = await JSZip.loadAsync(bytes);
      const parts: Part[] = [];
      for (const name of Object.keys(zip.files)) {
        if (zip.files[name].dir) continue;
        const data = await zip.files[name].async("nodebuffer");
        parts.push({ name, data, deflated: deflateRawSync(data) });
      }
      // The rebuilt zip reads as the original: the mutations start from a faithful copy.
      expect(await readXlsxBytes(rezip(parts), { name: "x" })).toEqual(
        await readXlsxBytes(bytes, { name: "x" }),
      );
      examples.push({ file: file.slice(ROOT.length + 1), bytes, parts });
    }
    expect(examples.length).toBeGreaterThanOrEqual(10);
  }, 60_000);

  it(`${CASES} cases, seed ${SEED}: a finding or a clear file error, never a crash, a hang or a stack trace`, async () => {
    const names = Object.keys(MUTATIONS);
    const only = process.env.FUZZ_CASE === undefined ? null : Number(process.env.FUZZ_CASE);
    const failures: string[] = [];
    const outcomes: Record<string, number> = {};
    for (let n = 0; n < CASES; n++) {
      if (only !== null && n !== only) continue;
      const r = rng(SEED + n);
      const ex = pick(examples, r);
      const mutation = pick(names, r);
      const { bytes, what } = MUTATIONS[mutation](ex, r);
      const label = `case ${n} (${ex.file}, ${mutation}: ${what})`;
      const started = Date.now();
      try {
        // Half through zlib (Node), half through jszip's inflater (the browser's).
        const data = await readXlsxBytes(bytes, {
          name: "fuzz.xlsx",
          inflateRaw: n % 2 === 0 ? zlibInflateRaw : undefined,
        });
        const { data: sheets, mapping } = extractMapping(data);
        const { reports } = analyzeWorkbook(sheets, { mapping: mapping ?? undefined });
        const key = reports.every((a) => a.report.valid) ? "valid" : "findings";
        outcomes[key] = (outcomes[key] ?? 0) + 1;
      } catch (e) {
        if (!isXlsxReadError(e))
          failures.push(`${label}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
        else if (
          !REASONS.has(readReasonOf(e)) ||
          !e.message.includes("« fuzz.xlsx »") ||
          /\n\s+at /.test(e.message)
        )
          failures.push(`${label}: unclear message ${e.code}: ${e.message}`);
        else outcomes[readReasonOf(e)] = (outcomes[readReasonOf(e)] ?? 0) + 1;
      }
      if (Date.now() - started > 5_000) failures.push(`${label}: ${Date.now() - started} ms`);
    }
    if (process.env.FUZZ_DEBUG) console.warn(outcomes);
    expect(failures).toEqual([]);
    // The corpus reaches both ends: files that still read and files refused for several reasons.
    if (only === null) {
      expect((outcomes.valid ?? 0) + (outcomes.findings ?? 0)).toBeGreaterThan(CASES / 10);
      expect(Object.keys(outcomes).length).toBeGreaterThanOrEqual(5);
    }
  }, 120_000);
});
