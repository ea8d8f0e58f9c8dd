import { Prng } from "../examples/prng";
import {
  CLEAN_CODES,
  newModel,
  newSiret,
  PERIOD,
  PersonMaker,
  report,
  writeStructure,
  type CaseBuild,
  type StructureFacts,
} from "./case-kit";
import { baseColumns } from "./cases-end-of-table";
import { dateOf } from "./model";
import { col, grouped, truthColumns, writePeople, type ColumnSpec } from "./people-sheet";

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);

function simpleStructure(seed: number, prefix: string, name: string, fte: number) {
  const rng = new Prng(seed);
  const s: StructureFacts = {
    siret: newSiret(rng, prefix),
    name,
    kindCell: "ACI",
    fte: [["ETP conventionnés", fte]],
  };
  const model = newModel();
  writeStructure(model.addSheet("Structure"), 1, s);
  return { rng, s, model };
}

/** §2.4.4: a two-row header, groups merged over their sub-headers ("Sortie" over "Date" and "Motif"). */
export function groupedHeader(): CaseBuild {
  const name = "grouped-header";
  const { rng, s, model } = simpleStructure(24401, "4", "Brin de Laine Embrun", 6);
  const sheet = model.addSheet("Salariés");
  const specs: ColumnSpec[] = [
    col.pass(),
    col.lastName(),
    col.firstName(),
    col.sex(),
    col.birth(),
    grouped("Situation à l'entrée", col.rsa(), "RSA"),
    grouped("Situation à l'entrée", col.qpv(), "QPV"),
    grouped("Entrée", col.hire(), "Date"),
    grouped("Sortie", col.exit(), "Date"),
    grouped("Sortie", col.motif(), "Motif"),
    col.hours(),
  ];
  const columns = truthColumns(specs);
  const persons = new PersonMaker(rng, 401).make({
    kind: "ACI",
    sheet: sheet.name,
    firstRow: 3,
    count: 14,
    columns,
  });
  return {
    name,
    point: "2.4.4",
    description:
      "En-tête sur deux lignes : « Situation à l'entrée » fusionné au-dessus de « RSA » et « QPV », « Entrée » au-dessus de « Date », « Sortie » fusionné au-dessus de « Date » et « Motif » ; les autres intitulés fusionnés sur les deux lignes. Les colonnes de sortie sont reconnues.",
    model,
    layouts: [writePeople(sheet, 2, specs, persons)],
    reports: [report(name, "ACI", s, 6, columns, persons)],
    findings: [],
    absentCodes: [...CLEAN_CODES, "column-missing"],
  };
}

/** §2.4.5: the PASS start date comes before the entry date; the hire date is the entry date. */
export function passBeforeHire(): CaseBuild {
  const name = "pass-before-hire";
  const { rng, s, model } = simpleStructure(24501, "5", "Les Ateliers du Dévoluy", 7);
  const sheet = model.addSheet("Salariés");
  const specs: ColumnSpec[] = [
    col.pass(),
    col.lastName(),
    col.firstName(),
    col.sex(),
    col.birth(),
    col.qpv(),
    col.rsa(),
    col.passStart("Date de début du PASS IAE"),
    col.hire("Date d'entrée dans la structure"),
    col.passEnd("Date de fin du PASS IAE"),
    col.exit(),
    col.motif(),
    col.hours(),
  ];
  const columns = truthColumns(specs);
  const maker = new PersonMaker(rng, 501);
  // The PASS is granted one to eight months before the hire (prescriber, then recruitment).
  const persons = maker
    .make({ kind: "ACI", sheet: sheet.name, firstRow: 2, count: 14, columns })
    .map((p) => ({ ...p, passStart: addDays(p.hire as string, -maker.int(30, 240)) }));
  return {
    name,
    point: "2.4.5",
    description:
      "« Date de début du PASS IAE » placée avant « Date d'entrée dans la structure », puis « Date de fin du PASS IAE » : la date d'embauche est la date d'entrée, les dates du PASS sont ignorées (elles donneraient des parcours plus longs et d'autres taux de sortie).",
    model,
    layouts: [writePeople(sheet, 1, specs, persons)],
    reports: [report(name, "ACI", s, 7, columns, persons)],
    findings: [],
    absentCodes: [...CLEAN_CODES],
  };
}

/** §2.4.6: total hours =SUM of the month columns; one birth date typed as =DATE(…). */
export function formulaNoValue(): CaseBuild {
  const name = "formula-no-value";
  const { rng, s, model } = simpleStructure(24601, "6", "Jardins de Cocagne du Gapençais", 8);
  const sheet = model.addSheet("Salariés");
  // A…K persons, L…W the months, X the total: =SUM(L2:W2).
  const specs: ColumnSpec[] = [
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
    col.rqth(),
    ...col.months(PERIOD.periodStart, PERIOD.periodEnd),
    col.hoursSum("Heures travaillées"),
  ];
  const columns = truthColumns(specs);
  const persons = new PersonMaker(rng, 601).make({
    kind: "ACI",
    sheet: sheet.name,
    firstRow: 2,
    count: 14,
    columns,
  });
  const layout = writePeople(sheet, 1, specs, persons);
  const target = persons[4];
  const [y, m, d] = (target.birth as string).split("-").map(Number);
  sheet.set(target.row, 5, { formula: `DATE(${y},${m},${d})`, result: dateOf(target.birth as string) });
  return {
    name,
    point: "2.4.6",
    description: `Heures travaillées en formule =SOMME(L:W) des heures mensuelles remplies ; la date de naissance de la ligne ${target.row} saisie en formule =DATE(…). Fichier « inline » (formules sans valeur) : les heures viennent des mois (information, une fois) et la date de naissance sans valeur est une erreur nommant la cellule. Fichiers ExcelJS et LibreOffice : valeurs en cache, rien à signaler.`,
    model,
    layouts: [layout],
    reports: [report(name, "ACI", s, 8, columns, persons)],
    findings: [
      {
        code: "hours-from-months",
        severity: "info",
        sheet: sheet.name,
        row: null,
        why: "total des heures en formule sans valeur, heures mensuelles remplies",
        writers: ["inline"],
      },
      {
        code: "formula-no-value",
        severity: "error",
        sheet: sheet.name,
        row: target.row,
        why: "date de naissance =DATE(…) sans valeur",
        writers: ["inline"],
      },
    ],
    absentCodes: [...CLEAN_CODES],
    writerDifferences: [
      {
        writers: ["inline"],
        sheet: sheet.name,
        row: target.row,
        field: "birth",
        value: null,
        why: "formule =DATE(…) sans valeur : date illisible",
      },
    ],
  };
}

/** §2.4.7 and §2.3: check-mark columns (QPV: X and ✓; RSA: X), and a ZRR column of ☑/☐ boxes. */
export function checkboxes(): CaseBuild {
  const name = "checkboxes";
  const { rng, s, model } = simpleStructure(24701, "7", "Épicerie Solidaire du Rosanais", 5);
  const sheet = model.addSheet("Salariés");
  const specs: ColumnSpec[] = [
    col.pass(),
    col.lastName(),
    col.firstName(),
    col.sex(),
    col.birth(),
    col.qpv("QPV", true),
    col.rsa("RSA", true),
    col.zrr("ZRR", true),
    col.hire(),
    col.exit(),
    col.motif(),
    col.hours(),
  ];
  const columns = truthColumns(specs);
  const maker = new PersonMaker(rng, 701);
  // What check marks can say: RSA yes or no; ZRR ticked, crossed out, or left blank (not filled).
  const persons = maker
    .make({ kind: "ACI", sheet: sheet.name, firstRow: 2, count: 16, columns })
    .map((p) => ({
      ...p,
      rsa: p.rsa === "NON" ? ("NON" as const) : ("OUI" as const),
      zrr: maker.int(0, 4) === 0 ? null : p.zrr,
    }));
  const marks = new Set(persons.filter((p) => p.qpv).map((p) => (p.row % 3 === 0 ? "✓" : "X")));
  if (
    !marks.has("✓") ||
    !marks.has("X") ||
    !persons.some((p) => p.zrr === null) ||
    !persons.some((p) => p.zrr === false)
  )
    throw new Error("checkboxes: the draw lacks a kind of mark");
  return {
    name,
    point: "2.4.7",
    description:
      "Colonnes à cocher : « QPV » (X ou ✓, vide sinon) et « RSA » (X ou vide) — une case vide vaut Non, dit une fois par colonne, sans erreur de valeur manquante sur le RSA ; « ZRR » en cases ☑/☐ avec quelques vides, qui restent « non renseigné ».",
    model,
    layouts: [writePeople(sheet, 1, specs, persons)],
    reports: [report(name, "ACI", s, 5, columns, persons)],
    findings: [
      {
        code: "checkbox-column",
        severity: "info",
        sheet: sheet.name,
        row: null,
        why: "colonne « QPV » : cases à cocher",
      },
      {
        code: "checkbox-column",
        severity: "info",
        sheet: sheet.name,
        row: null,
        why: "colonne « RSA » : cases à cocher",
      },
    ],
    absentCodes: [...CLEAN_CODES],
  };
}

/** §2.4.8: no exit columns at all. */
export function noExitColumns(): CaseBuild {
  const name = "no-exit-columns";
  const { rng, s, model } = simpleStructure(24801, "8", "Le Relais Montagne", 6);
  const sheet = model.addSheet("Salariés");
  const specs = baseColumns().filter((c) => c.field !== "exit" && c.field !== "motifCode");
  const columns = truthColumns(specs);
  const persons = new PersonMaker(rng, 801).make({
    kind: "ACI",
    sheet: sheet.name,
    firstRow: 2,
    count: 14,
    columns,
  });
  return {
    name,
    point: "2.4.8",
    description:
      "Aucune colonne de sortie : avertissement de colonne manquante, indicateurs de sortie nuls (jamais 0).",
    model,
    layouts: [writePeople(sheet, 1, specs, persons)],
    reports: [report(name, "ACI", s, 6, columns, persons)],
    findings: [
      {
        code: "column-missing",
        severity: "warning",
        sheet: sheet.name,
        row: null,
        why: "pas de colonne « Date de sortie »",
      },
    ],
    absentCodes: [...CLEAN_CODES],
  };
}
