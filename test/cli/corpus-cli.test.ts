import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { ensureDist } from "../support/dist";
import { loadCorpus } from "../examples/corpus";

/**
 * The corpus of real-shaped workbooks through the command users run: `bilan-iae indicators --json` on
 * every file of every writer gives, per report (SIRET and kind), the oracle's figures from the truth.
 */
const BIN = join(__dirname, "..", "..", "bin", "bilan-iae.js");
const FILES = loadCorpus().flatMap((c) =>
  c.files.filter((f) => f.reports.length > 0).map((f) => ({ name: `${c.case} (${f.writer})`, f })),
);

beforeAll(() => ensureDist(), 180_000);

const round = (v: number | null | undefined) =>
  v === null || v === undefined ? null : Math.round(v * 1e9) / 1e9;

it("bilan-iae indicators --json on the whole corpus: one entry per report, the truth's figures key by key", () => {
  const r = spawnSync(process.execPath, [BIN, "indicators", "--json", ...FILES.map((x) => x.f.path)], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(r.stderr).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);
  const out = JSON.parse(r.stdout) as {
    file: string;
    kind: string;
    structure: { siret: string };
    indicators: Record<string, number | null>;
  }[];
  const wrong: string[] = [];
  for (const { name, f } of FILES) {
    const mine = out.filter(
      (o) => f.path.endsWith(o.file) || o.file.endsWith(f.path.split("/").pop() as string),
    );
    if (mine.length !== f.reports.length)
      wrong.push(`${name}: ${mine.length} reports, ${f.reports.length} expected`);
    for (const want of f.reports) {
      const got = mine.find((o) => o.kind === want.kind && o.structure.siret === want.siret);
      if (!got) {
        wrong.push(`${name}: no report ${want.siret}/${want.kind}`);
        continue;
      }
      for (const [k, v] of Object.entries(want.expected))
        if (round(got.indicators[k]) !== round(v))
          wrong.push(`${name} ${want.kind} ${k}: ${got.indicators[k]} ≠ ${v}`);
    }
  }
  expect(wrong).toEqual([]);
}, 180_000);
