import fc from "fast-check";
import { analyzeWorkbook } from "../../../src/core/analyze";
import type { WorkbookData } from "../../../src/core/model/cells";

/**
 * Domain §2.4.2 and §2.4.3 as properties: sheets per site are one table, and a workbook holding several
 * conventions gives, per kind, the indicators of that kind's rows alone.
 */
const HEADER = [
  "N° PASS IAE",
  "Nom",
  "Prénom",
  "Sexe",
  "Date de naissance",
  "Résident QPV",
  "Bénéficiaire du RSA",
  "Date d'embauche",
  "Heures travaillées",
  "Date de sortie",
  "Motif de sortie",
];
const MOTIFS = ["1", "2", "3", "5", "6", "7"];

interface Person {
  cells: unknown[];
  kind: "ACI" | "EI";
}

const iso = (d: Date) =>
  `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
const dateIn = (from: number, to: number) => fc.integer({ min: from, max: to }).map((y) => y);

const personArb: fc.Arbitrary<Omit<Person, "cells"> & { parts: unknown[] }> = fc.record({
  kind: fc.constantFrom("ACI" as const, "EI" as const),
  parts: fc.tuple(
    fc.constantFrom("F", "H"),
    dateIn(Date.UTC(1960, 0, 1), Date.UTC(2005, 0, 1)),
    fc.constantFrom("Oui", "Non"),
    fc.constantFrom("Non", "Oui - majoré", "Oui - non majoré"),
    dateIn(Date.UTC(2023, 0, 1), Date.UTC(2025, 10, 1)),
    fc.integer({ min: 0, max: 1600 }),
    fc.option(fc.tuple(fc.integer({ min: 20, max: 400 }), fc.constantFrom(...MOTIFS)), { nil: null }),
  ),
});

function cellsOf(p: { parts: unknown[] }, i: number): unknown[] {
  const [sex, birth, qpv, rsa, hire, hours, exit] = p.parts as [
    string,
    number,
    string,
    string,
    number,
    number,
    [number, string] | null,
  ];
  const exitDay = exit ? Math.min(hire + exit[0] * 86400000, Date.UTC(2025, 11, 31)) : null;
  return [
    String(999990000000 + i),
    `Nom${i}`,
    `Prénom${i}`,
    sex,
    iso(new Date(birth)),
    qpv,
    rsa,
    iso(new Date(hire)),
    hours,
    exitDay === null ? null : iso(new Date(exitDay)),
    exit ? exit[1] : null,
  ];
}

function structure(kind: string, extra: [string, unknown][] = []) {
  return {
    name: "Structure",
    rows: [
      ["SIRET", "12345678900012"],
      ["Raison sociale", "Les Jardins du Test"],
      ["Type de structure", kind],
      ["Département", "05"],
      ["Début de période", "01/01/2025"],
      ["Fin de période", "31/12/2025"],
      ...extra,
    ],
  };
}

/** Same figures, to 1e-9: sums of path lengths taken in another row order may differ in the last digit. */
function expectSameIndicators(
  a: Record<string, number | null> | undefined,
  b: Record<string, number | null>,
): void {
  const round = (v: number | null | undefined) =>
    v === null || v === undefined ? v : Math.round(v * 1e9) / 1e9;
  expect(Object.fromEntries(Object.entries(a ?? {}).map(([k, v]) => [k, round(v)]))).toEqual(
    Object.fromEntries(Object.entries(b).map(([k, v]) => [k, round(v)])),
  );
}

const one = (wb: WorkbookData) => {
  const { reports } = analyzeWorkbook(wb);
  expect(reports).toHaveLength(1);
  return reports[0];
};

describe("sheets per site (§2.4.2)", () => {
  it("a table split into N site sheets gives the indicators of the single sheet", () => {
    fc.assert(
      fc.property(
        fc.array(personArb, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 2, max: 4 }),
        (persons, n) => {
          const rows = persons.map((p, i) => cellsOf(p, i));
          const single = one({ sheets: [structure("ACI"), { name: "Salariés", rows: [HEADER, ...rows] }] });
          const sites = Array.from({ length: n }, (_, k) => ({
            name: `Site ${String.fromCharCode(65 + k)}`,
            rows: [HEADER, ...rows.filter((_, i) => i % n === k)],
          }));
          const split = one({ sheets: [structure("ACI"), ...sites] });
          expectSameIndicators(split.indicators, single.indicators);
          expect(split.tables.map((t) => t.sheet)).toEqual(
            sites.filter((s) => s.rows.length > 1).map((s) => s.name),
          );
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("several conventions on one SIRET (§2.4.3)", () => {
  it("a Convention column gives, per kind, the indicators of that kind's rows alone", () => {
    fc.assert(
      fc.property(fc.array(personArb, { minLength: 2, maxLength: 40 }), (persons) => {
        const kinds = [...new Set(persons.map((p) => p.kind))].sort();
        const rows = persons.map((p, i) => [...cellsOf(p, i), p.kind]);
        const both = analyzeWorkbook({
          sheets: [
            structure(kinds.join(" / ")),
            { name: "Salariés", rows: [[...HEADER, "Convention"], ...rows] },
          ],
        }).reports;
        expect(both.map((r) => r.structure.kind)).toEqual(kinds);
        for (const kind of kinds) {
          const alone = one({
            sheets: [
              structure(kind),
              {
                name: "Salariés",
                rows: [
                  HEADER,
                  ...persons
                    .map((p, i) => (p.kind === kind ? cellsOf(p, i) : null))
                    .filter((r) => r !== null),
                ],
              },
            ],
          });
          const report = both.find((r) => r.structure.kind === kind);
          expectSameIndicators(report?.indicators, alone.indicators);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("one sheet per kind gives the same reports as the Convention column", () => {
    fc.assert(
      fc.property(fc.array(personArb, { minLength: 2, maxLength: 30 }), (persons) => {
        const kinds = [...new Set(persons.map((p) => p.kind))].sort();
        const column = analyzeWorkbook({
          sheets: [
            structure(kinds.join(" / ")),
            {
              name: "Salariés",
              rows: [[...HEADER, "Convention"], ...persons.map((p, i) => [...cellsOf(p, i), p.kind])],
            },
          ],
        }).reports;
        const sheets = analyzeWorkbook({
          sheets: [
            structure(kinds.join(" / ")),
            ...kinds.map((k) => ({
              name: `Salariés ${k}`,
              rows: [
                HEADER,
                ...persons.map((p, i) => (p.kind === k ? cellsOf(p, i) : null)).filter((r) => r !== null),
              ],
            })),
          ],
        }).reports;
        expect(sheets.map((r) => r.structure.kind)).toEqual(column.map((r) => r.structure.kind));
        sheets.forEach((r, i) => expectSameIndicators(r.indicators, column[i].indicators));
      }),
      { numRuns: 30 },
    );
  });

  it("a kind cell naming two kinds with nothing to tell the rows apart is structure-kind-ambiguous, and gives no figure of a kind", () => {
    const rows = [
      cellsOf({ parts: ["F", Date.UTC(1980, 0, 1), "Non", "Non", Date.UTC(2025, 0, 6), 500, null] }, 1),
    ];
    const { reports } = analyzeWorkbook({
      sheets: [structure("ACI / EI"), { name: "Salariés", rows: [HEADER, ...rows] }],
    });
    expect(reports).toHaveLength(1);
    expect(reports[0].structure.kind).toBeNull();
    expect(reports[0].report.valid).toBe(false);
    expect(
      reports[0].report.issues
        .filter((f) => f.code === "structure-kind-ambiguous")
        .map((f) => [f.severity, f.cell]),
    ).toEqual([["error", "B3"]]);
    expect(reports[0].indicators.fte).toBeNull();
  });

  it("ETP conventionnés per kind give each report its rate; one value for both gives none, with an info", () => {
    const rows = [
      [
        ...cellsOf({ parts: ["F", Date.UTC(1980, 0, 1), "Non", "Non", Date.UTC(2025, 0, 6), 1820, null] }, 1),
        "ACI",
      ],
      [
        ...cellsOf({ parts: ["H", Date.UTC(1981, 0, 1), "Non", "Non", Date.UTC(2025, 0, 6), 1505, null] }, 2),
        "EI",
      ],
    ];
    const per = analyzeWorkbook({
      sheets: [
        structure("ACI / EI", [
          ["ETP conventionnés ACI", 2],
          ["ETP conventionnés EI", 4],
        ]),
        { name: "Salariés", rows: [[...HEADER, "Convention"], ...rows] },
      ],
    }).reports;
    expect(
      per.map((r) => [
        r.structure.kind,
        r.indicators.fte,
        r.indicators.fteConventioned,
        r.indicators.fteRealisationRate,
      ]),
    ).toEqual([
      ["ACI", 1, 2, 0.5],
      ["EI", 1, 4, 0.25],
    ]);
    const shared = analyzeWorkbook({
      sheets: [
        structure("ACI / EI", [["ETP conventionnés", 6]]),
        { name: "Salariés", rows: [[...HEADER, "Convention"], ...rows] },
      ],
    }).reports;
    for (const r of shared) {
      expect(r.indicators.fteRealisationRate).toBeNull();
      expect(
        r.report.issues.filter((f) => f.code === "structure-value-shared").map((f) => [f.severity, f.field]),
      ).toEqual([["info", "fteConventioned"]]);
    }
  });
});
