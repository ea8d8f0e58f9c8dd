import { analyzeWorkbook } from "../../src/core/analyze";
import { readWorkbook } from "../../src/core/read/read-workbook";
import { DEFAULT_CONFIG } from "../../src/core/config/defaults";
import { motifIndexFor } from "../../src/core/config/motifs";
import { FindingCollector } from "../../src/core/findings/collector";
import type { WorkbookData } from "../../src/core/model/cells";

const wb: WorkbookData = {
  sheets: [
    {
      name: "Salariés",
      rows: [
        ["N° PASS IAE", "Nom", "Prénom", "Sexe", "Heures travaillées"],
        ["123456789012", "Martin", "Léa", "F", 120],
        ["123456789013", "Durand", "Hugo", "Z", 80],
      ],
    },
  ],
};

describe("analysis.rows and analysis.records, built on first read", () => {
  it("are what the reader gives, the same array on every read, and plain values for JSON and spreads", () => {
    const a = analyzeWorkbook(wb);
    const expected = readWorkbook(wb, { config: DEFAULT_CONFIG, motifs: motifIndexFor(DEFAULT_CONFIG.exitMotifs), findings: new FindingCollector(10) }).rows;
    expect(a.rows).toEqual(expected);
    expect(a.rows).toBe(a.rows);
    expect(a.records).toBe(a.records);
    expect(a.records.map((r) => r.key)).toEqual(["123456789012", "123456789013"]);
    const json = JSON.parse(JSON.stringify(a));
    expect(json.rows).toHaveLength(2);
    expect({ ...a }.records).toHaveLength(2);
  });

  it("reading them adds no finding (the reading's findings are reported once)", () => {
    const a = analyzeWorkbook(wb);
    const before = JSON.stringify(a.report);
    void a.rows;
    expect(JSON.stringify(a.report)).toBe(before);
    expect(a.report.issues.filter((f) => f.code === "value-invalid")).toHaveLength(1);
  });
});
