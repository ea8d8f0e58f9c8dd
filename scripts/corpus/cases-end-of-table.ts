import { Prng } from "../examples/prng";
import {
  CLEAN_CODES,
  newModel,
  newSiret,
  PersonMaker,
  report,
  writeStructure,
  type CaseBuild,
  type StructureFacts,
} from "./case-kit";
import { colLetter } from "./model";
import { col, truthColumns, writePeople, type ColumnSpec } from "./people-sheet";

/** The usual columns of a department's sheet, in the usual order. */
export const baseColumns = (): ColumnSpec[] => [
  col.pass(),
  col.lastName(),
  col.firstName(),
  col.sex(),
  col.birth(),
  col.qpv(),
  col.rsa(),
  col.hire(),
  col.exit(),
  col.motif(),
  col.hours(),
];

const sum = (xs: number[]) => Math.round(xs.reduce((s, x) => s + Math.round(x * 100), 0)) / 100;

/** §2.4.1: an Excel Table with its totals row (a count under the PASS column, the sum of hours). */
export function tableTotals(): CaseBuild {
  const name = "table-totals";
  const rng = new Prng(24101);
  const s: StructureFacts = {
    siret: newSiret(rng, "3"),
    name: "Les Jardins du Buëch",
    kindCell: "ACI",
    fte: [["ETP conventionnés", 8]],
  };
  const model = newModel();
  writeStructure(model.addSheet("Structure"), 1, s);
  const sheet = model.addSheet("Salariés");
  // The name first, so the table's "Total" label sits in it and the PASS column gets a count.
  const specs = [
    col.lastName(),
    col.firstName(),
    col.pass(),
    col.sex(),
    col.birth(),
    col.qpv(),
    col.rsa(),
    col.hire(),
    col.exit(),
    col.motif(),
    col.hours(),
  ];
  const columns = truthColumns(specs);
  const persons = new PersonMaker(rng, 101).make({
    kind: "ACI",
    sheet: sheet.name,
    firstRow: 2,
    count: 14,
    columns,
  });
  const layout = writePeople(sheet, 1, specs, persons);
  const totalsRow = 16;
  const tableName = "Tableau1";
  sheet.table = {
    name: tableName,
    headerRow: 1,
    lastDataRow: 15,
    totalsRow: true,
    columns: specs.map((c, i) => ({
      name: c.header,
      ...(i === 0 ? { totalsLabel: "Total" } : {}),
      ...(c.field === "pass" ? { totalsFunction: "count" as const } : {}),
      ...(c.field === "hours" ? { totalsFunction: "sum" as const } : {}),
    })),
  };
  sheet.set(totalsRow, 1, "Total");
  sheet.set(totalsRow, 3, { formula: `SUBTOTAL(103,${tableName}[N° PASS IAE])`, result: persons.length });
  sheet.set(totalsRow, 11, {
    formula: `SUBTOTAL(109,${tableName}[Heures travaillées])`,
    result: sum(persons.map((p) => p.hours ?? 0)),
  });
  return {
    name,
    point: "2.4.1",
    description:
      "Tableau Excel (mis sous forme de tableau) avec sa ligne de total : « Total » sous le nom, un nombre sous la colonne PASS, la somme des heures. La ligne de total n'est pas une personne.",
    model,
    layouts: [layout],
    reports: [report(name, "ACI", s, 8, columns, persons)],
    findings: [
      {
        code: "row-not-person",
        severity: "info",
        sheet: sheet.name,
        row: totalsRow,
        why: "ligne de total du tableau Excel",
      },
    ],
    absentCodes: [...CLEAN_CODES, "duplicate-person", "formula-no-value"],
  };
}

/** §2.4.1: a plain range closed by a "Total" row of SUM formulas and a "Moyenne" row. */
export function totalRowText(): CaseBuild {
  const name = "total-row-text";
  const rng = new Prng(24102);
  const s: StructureFacts = {
    siret: newSiret(rng, "4"),
    name: "Recyclerie de l'Embrunais",
    kindCell: "ACI",
    fte: [["ETP conventionnés", 6]],
  };
  const model = newModel();
  writeStructure(model.addSheet("Structure"), 1, s);
  const sheet = model.addSheet("Salariés");
  const specs = baseColumns();
  const columns = truthColumns(specs);
  const persons = new PersonMaker(rng, 102).make({
    kind: "ACI",
    sheet: sheet.name,
    firstRow: 2,
    count: 12,
    columns,
  });
  const layout = writePeople(sheet, 1, specs, persons);
  const hoursCol = colLetter(specs.findIndex((c) => c.field === "hours") + 1);
  const hours = persons.map((p) => p.hours ?? 0);
  // "Total" under the PASS column, a count of women under the sex column, the sum of hours.
  sheet.set(14, 1, "Total");
  sheet.set(14, 4, { formula: 'COUNTIF(D2:D13,"F")', result: persons.filter((p) => p.sex === "F").length });
  sheet.set(14, 11, { formula: `SUM(${hoursCol}2:${hoursCol}13)`, result: sum(hours) });
  sheet.set(15, 1, "Moyenne");
  sheet.set(15, 11, { formula: `AVERAGE(${hoursCol}2:${hoursCol}13)`, result: sum(hours) / hours.length });
  return {
    name,
    point: "2.4.1",
    description:
      "Plage simple (pas de tableau Excel) terminée par une ligne « Total » (SOMME des heures, NB.SI des femmes sous la colonne Sexe) et une ligne « Moyenne ».",
    model,
    layouts: [layout],
    reports: [report(name, "ACI", s, 6, columns, persons)],
    findings: [
      { code: "row-not-person", severity: "info", sheet: sheet.name, row: 14, why: "ligne « Total »" },
      { code: "row-not-person", severity: "info", sheet: sheet.name, row: 15, why: "ligne « Moyenne »" },
    ],
    absentCodes: [...CLEAN_CODES, "formula-no-value"],
  };
}

/** §2.4.1: notes, place and date, signature under the table; the structure block above it. */
export function notesBelow(): CaseBuild {
  const name = "notes-below";
  const rng = new Prng(24103);
  const s: StructureFacts = {
    siret: newSiret(rng, "5"),
    name: "Chantier du Champsaur",
    kindCell: "ACI",
    fte: [["ETP conventionnés :", 7.5]],
  };
  const model = newModel();
  const sheet = model.addSheet("Bilan 2025");
  sheet.set(1, 1, "Bilan annuel des salariés en insertion");
  // Label in A, value in C (B left empty, as forms do).
  writeStructure(sheet, 2, { ...s, fte: [] }, 3);
  sheet.set(8, 1, s.fte[0][0]);
  sheet.set(8, 3, s.fte[0][1]);
  const specs = baseColumns();
  const columns = truthColumns(specs);
  const persons = new PersonMaker(rng, 103).make({
    kind: "ACI",
    sheet: sheet.name,
    firstRow: 11,
    count: 14,
    columns,
  });
  const layout = writePeople(sheet, 10, specs, persons);
  sheet.set(26, 1, "Les heures de décembre sont arrêtées au 19/12/2025, la paie n'étant pas close.");
  sheet.set(27, 4, "F = femme, H = homme");
  sheet.set(29, 1, "Fait à Gap, le 15/01/2026");
  sheet.set(30, 8, "Signature et cachet");
  return {
    name,
    point: "2.4.1",
    description:
      "Bloc structure au-dessus du tableau, puis sous le tableau : une phrase sous la colonne PASS, une légende sous la colonne Sexe, « Fait à Gap, le 15/01/2026 » et « Signature et cachet » (sous la date d'embauche).",
    model,
    layouts: [layout],
    reports: [report(name, "ACI", s, 7.5, columns, persons)],
    findings: [
      {
        code: "row-not-person",
        severity: "info",
        sheet: sheet.name,
        row: 26,
        why: "phrase sous la colonne PASS",
      },
      {
        code: "row-not-person",
        severity: "info",
        sheet: sheet.name,
        row: 27,
        why: "légende sous la colonne Sexe",
      },
      { code: "row-not-person", severity: "info", sheet: sheet.name, row: 29, why: "« Fait à Gap, le … »" },
      {
        code: "row-not-person",
        severity: "info",
        sheet: sheet.name,
        row: 30,
        why: "« Signature et cachet »",
      },
    ],
    absentCodes: [...CLEAN_CODES],
  };
}
