import { MOTIFS } from "../examples/people";
import { Prng } from "../examples/prng";
import {
  CLEAN_CODES,
  newModel,
  newSiret,
  PERIOD,
  PERIOD_2024,
  PersonMaker,
  report,
  writeStructure,
  type CaseBuild,
  type StructureFacts,
} from "./case-kit";
import type { CorpusFinding } from "./corpus-truth";
import { colLetter, type SheetModel } from "./model";
import { col, grouped, truthColumns, writePeople, type ColumnSpec, type CorpusPerson } from "./people-sheet";

const SITE_SPECS = (): ColumnSpec[] => [
  col.pass(),
  col.lastName(),
  col.firstName(),
  col.sex("Civilité", true),
  col.birth("Né(e) le"),
  col.kind("Convention"),
  grouped("Situation à l'entrée", col.rsa(), "RSA"),
  grouped("Situation à l'entrée", col.qpv("QPV", true), "QPV"),
  grouped("Entrée", col.hire(), "Date"),
  grouped("Sortie", col.exit(), "Date"),
  grouped("Sortie", col.motif(), "Motif"),
  ...col.months(PERIOD.periodStart, PERIOD.periodEnd),
  col.hoursSum("Heures travaillées"),
];

/** A "Total" row under a site's table: the sum of each month and of the total hours. */
function totalRow(sheet: SheetModel, row: number, specs: ColumnSpec[], persons: CorpusPerson[]): void {
  sheet.set(row, 1, "Total");
  specs.forEach((s, i) => {
    if (!s.field.startsWith("month:") && s.field !== "hours") return;
    const c = colLetter(i + 1);
    const values = persons.map((p) => sheet.get(p.row, i + 1));
    const cents = values.reduce<number>(
      (t, v) =>
        t +
        (typeof v === "number"
          ? Math.round(v * 100)
          : typeof v === "object" && v !== null && !(v instanceof Date) && typeof v.result === "number"
            ? Math.round(v.result * 100)
            : 0),
      0,
    );
    sheet.set(row, i + 1, {
      formula: `SUM(${c}${persons[0].row}:${c}${persons[persons.length - 1].row})`,
      result: cents / 100,
    });
  });
}

/** Several §2.4 situations in one workbook, as a department really gets it back. */
export function everything(): CaseBuild {
  const name = "tout-en-un";
  const rng = new Prng(24901);
  const s: StructureFacts = {
    siret: newSiret(rng, "1"),
    name: "Solidarités Hautes-Alpes Emploi",
    kindCell: "ACI / EI",
    fte: [
      ["ETP conventionnés ACI", 7],
      ["ETP conventionnés EI", 3],
    ],
  };
  const model = newModel();
  writeStructure(model.addSheet("Structure"), 1, s);
  const old = model.addSheet("Salariés 2024");
  const gap = model.addSheet("Site Gap");
  const briancon = model.addSheet("Site Briançon");
  const lists = model.addSheet("Listes");
  ["Oui", "Non"].forEach((v, i) => lists.set(i + 1, 1, v));
  ["ACI", "EI"].forEach((v, i) => lists.set(i + 1, 2, v));
  Object.values(MOTIFS).forEach((m, i) => lists.set(i + 1, 3, `${m.code} - ${m.label}`));

  const specs = SITE_SPECS();
  const columns = truthColumns(specs);
  const maker = new PersonMaker(rng, 901);
  const site = (sheet: SheetModel, aci: number, ei: number) =>
    [
      ...maker.make({ kind: "ACI", sheet: sheet.name, firstRow: 0, count: aci, columns }),
      ...maker.make({ kind: "EI", sheet: sheet.name, firstRow: 0, count: ei, columns }),
    ]
      .sort((x, y) => ((x.lastName as string) < (y.lastName as string) ? -1 : 1))
      .map((p, i) => ({ ...p, row: 3 + i }));
  const atGap = site(gap, 9, 4);
  const atBriancon = site(briancon, 6, 3);
  // Each site's QPV column holds check marks (a site with none would leave the column's nature to guess).
  for (const persons of [atGap, atBriancon]) if (!persons.some((p) => p.qpv)) persons[1].qpv = true;
  const layouts = [writePeople(gap, 2, specs, atGap), writePeople(briancon, 2, specs, atBriancon)];
  const gapTotal = 3 + atGap.length;
  const brianconTotal = 3 + atBriancon.length;
  totalRow(gap, gapTotal, specs, atGap);
  totalRow(briancon, brianconTotal, specs, atBriancon);
  gap.set(gapTotal + 2, 1, "Fait à Gap, le 20/01/2026");
  gap.set(gapTotal + 3, 9, "Signature et cachet");

  const oldSpecs = [
    col.pass(),
    col.lastName(),
    col.firstName(),
    col.sex(),
    col.birth(),
    col.kind("Convention"),
    col.rsa(),
    col.qpv(),
    col.hire(),
    col.exit(),
    col.motif(),
    col.hours(),
  ];
  const oldColumns = truthColumns(oldSpecs);
  const last = [
    ...maker.make({
      kind: "ACI",
      sheet: old.name,
      firstRow: 2,
      count: 8,
      columns: oldColumns,
      period: PERIOD_2024,
    }),
    ...maker.make({
      kind: "EI",
      sheet: old.name,
      firstRow: 10,
      count: 4,
      columns: oldColumns,
      period: PERIOD_2024,
    }),
  ];
  layouts.unshift(writePeople(old, 1, oldSpecs, last, false));

  const findings: CorpusFinding[] = [
    {
      code: "sheet-ignored",
      severity: "warning",
      sheet: old.name,
      row: null,
      why: "feuille d'une autre année (2024)",
    },
    {
      code: "sheets-combined",
      severity: "info",
      sheet: null,
      row: null,
      why: "« Site Gap » et « Site Briançon » lues ensemble",
    },
    { code: "row-not-person", severity: "info", sheet: gap.name, row: gapTotal, why: "ligne « Total »" },
    {
      code: "row-not-person",
      severity: "info",
      sheet: gap.name,
      row: gapTotal + 2,
      why: "« Fait à Gap, le … »",
    },
    {
      code: "row-not-person",
      severity: "info",
      sheet: gap.name,
      row: gapTotal + 3,
      why: "« Signature et cachet »",
    },
    {
      code: "row-not-person",
      severity: "info",
      sheet: briancon.name,
      row: brianconTotal,
      why: "ligne « Total »",
    },
    {
      code: "checkbox-column",
      severity: "info",
      sheet: null,
      row: null,
      why: "colonne « QPV » : cases à cocher",
    },
    {
      code: "hours-from-months",
      severity: "info",
      sheet: null,
      row: null,
      why: "total des heures en formule sans valeur, heures mensuelles remplies",
      writers: ["inline"],
    },
  ];
  const persons = [...atGap, ...atBriancon];
  return {
    name,
    point: "2.4",
    description:
      "Tout à la fois : « Type de structure : ACI / EI » avec ETP conventionnés par type ; une feuille « Salariés 2024 » oubliée (ignorée) ; une feuille par site (« Site Gap », « Site Briançon ») lues ensemble, chacune avec une colonne « Convention », un en-tête sur deux lignes (« Situation à l'entrée », « Entrée », « Sortie » fusionnés), une colonne QPV à cocher, les heures par mois et leur total en formule, une ligne « Total » ; sous Gap, « Fait à Gap, le … » et « Signature et cachet » ; une feuille « Listes » (sources des listes déroulantes). Deux rapports : ACI et EI.",
    model,
    layouts,
    reports: [report(name, "ACI", s, 7, columns, persons), report(name, "EI", s, 3, columns, persons)],
    findings,
    absentCodes: [
      ...CLEAN_CODES,
      "structure-kind-ambiguous",
      "column-missing",
      "formula-no-value",
      "duplicate-person",
    ],
  };
}
