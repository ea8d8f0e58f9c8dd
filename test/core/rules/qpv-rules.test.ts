import type { MappedField } from "../../../src/core/model/fields";
import { count, issues, rows, run } from "./row-factory";

// A: Résident QPV, B: Code QPV.
const FIELDS: MappedField[] = ["qpv", "qpvCode"];

describe("qpv-code-format", () => {
  it.each(["QP038001", "QP02A001", "QP971002", "QN03801M", "QN02B12C", "qp 038 001"])(
    "accepts %s",
    (code) => {
      expect(
        count(run({ fields: FIELDS, rows: rows({ qpv: true, qpvCode: code }) }), "qpv-code-format"),
      ).toBe(0);
    },
  );

  it.each(["QP38001", "QP0380012", "QN038012", "QN0380AM", "QX038001", "038001", "QP02C001"])(
    "errors on %s",
    (code) => {
      const report = run({ fields: FIELDS, rows: rows({ qpv: true, qpvCode: code }) });
      expect(issues(report, "qpv-code-format")).toEqual([
        expect.objectContaining({
          severity: "error",
          sheet: "Salariés",
          cell: "B2",
          row: 2,
          column: 2,
          field: "qpvCode",
          value: code,
        }),
      ]);
    },
  );

  it("warns on a valid code when QPV = Non, not when QPV is empty", () => {
    const report = run({
      fields: FIELDS,
      rows: rows({ qpv: false, qpvCode: "QP038001" }, { qpv: null, qpvCode: "QP038001" }),
    });
    const found = issues(report, "qpv-code-format");
    expect(found).toEqual([expect.objectContaining({ severity: "warning", cell: "B2", value: "QP038001" })]);
    expect(found[0].message).toContain("Non");
  });

  it("an invalid code with QPV = Non is one error, not also a warning", () => {
    const report = run({ fields: FIELDS, rows: rows({ qpv: false, qpvCode: "QP38" }) });
    expect(count(report, "qpv-code-format", "error")).toBe(1);
    expect(count(report, "qpv-code-format", "warning")).toBe(0);
  });

  it("skips empty codes and tables without the column", () => {
    expect(count(run({ fields: FIELDS, rows: rows({ qpv: true, qpvCode: null }) }), "qpv-code-format")).toBe(
      0,
    );
    expect(
      count(run({ fields: ["qpv"], rows: rows({ qpv: true, qpvCode: "bad" }) }), "qpv-code-format"),
    ).toBe(0);
  });
});
