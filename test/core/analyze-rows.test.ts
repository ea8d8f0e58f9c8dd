import { analyzeOne } from "../support/analyze-one";

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

describe("analysis.rows, rowCount and records", () => {
  it("are the reader's person rows, as plain values, with the row count and one record per row", () => {
    const a = analyzeOne(wb);
    const expected = readWorkbook(wb, {
      config: DEFAULT_CONFIG,
      motifs: motifIndexFor(DEFAULT_CONFIG.exitMotifs),
      findings: new FindingCollector(10),
    }).sheets.flatMap((s) => s.rows.map((r) => r.row));
    expect(a.rows).toEqual(expected);
    expect(a.rowCount).toBe(2);
    expect(a.records.map((r) => r.key)).toEqual(["123456789012", "123456789013"]);
    const json = JSON.parse(JSON.stringify(a));
    expect(json.rows).toHaveLength(2);
    expect(json.rowCount).toBe(2);
  });

  it("reports each reading finding once", () => {
    const a = analyzeOne(wb);
    expect(a.report.issues.filter((f) => f.code === "value-invalid")).toHaveLength(1);
  });
});
