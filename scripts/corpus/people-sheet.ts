import { MOTIFS } from "../examples/people";
import type { TruthKind, TruthPerson } from "../examples/truth";
import type { LayoutColumn, SheetLayout } from "./corpus-truth";
import { colLetter, dateOf, type CellInput, type SheetModel } from "./model";

/** A person of the corpus: the truth record plus where it sits and the facts that only fill cells. */
export interface CorpusPerson extends TruthPerson {
  sheet: string;
  kind: TruthKind;
  /** Start of the PASS IAE (earlier than the hire date), for the columns that only show it. */
  passStart?: string;
}

export interface CellContext {
  row: number;
  /** Column number of a layout field ("month:1"…), for formulas. */
  colOf(field: string): number;
}

export interface ColumnSpec {
  field: string;
  header: string;
  group?: string;
  checkbox?: boolean;
  /** The TruthWorkbook.columns name this column gives (the oracle's "column present" test). */
  truthColumn?: string;
  cell(p: CorpusPerson, ctx: CellContext): CellInput | null;
}

export const MONTHS = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];

/** Splits a person's period hours over the months they were present (2 decimals, exact total). */
export function monthlyHours(p: TruthPerson, periodStart: string, periodEnd: string): number[] {
  const out = new Array<number>(12).fill(0);
  const from = p.hire && p.hire > periodStart ? p.hire : periodStart;
  const to = p.exit && p.exit < periodEnd ? p.exit : periodEnd;
  const m0 = Number(from.slice(5, 7)) - 1;
  const m1 = Number(to.slice(5, 7)) - 1;
  const n = m1 - m0 + 1;
  const cents = Math.round((p.hours ?? 0) * 100);
  const base = Math.floor(cents / n);
  for (let m = m0; m <= m1; m++) out[m] = base / 100;
  out[m1] = (cents - base * (n - 1)) / 100;
  return out;
}

const yesNo = (b: boolean | null) => (b === null ? null : b ? "Oui" : "Non");
const RSA_LABEL: Record<string, string> = {
  NON: "Non",
  "OUI-M": "Oui - majoré",
  "OUI-NM": "Oui - non majoré",
  OUI: "Oui",
};
const optDate = (iso: string | null | undefined) => (iso ? dateOf(iso) : null);

/** Column makers: the header a department uses, and how its cells say the person's value. */
export const col = {
  pass: (header = "N° PASS IAE"): ColumnSpec => ({
    field: "pass",
    header,
    truthColumn: "passNumber",
    cell: (p) => p.pass,
  }),
  lastName: (header = "Nom"): ColumnSpec => ({
    field: "lastName",
    header,
    truthColumn: "lastName",
    cell: (p) => p.lastName,
  }),
  firstName: (header = "Prénom"): ColumnSpec => ({
    field: "firstName",
    header,
    truthColumn: "firstName",
    cell: (p) => p.firstName,
  }),
  sex: (header = "Sexe", civility = false): ColumnSpec => ({
    field: "sex",
    header,
    truthColumn: "sex",
    cell: (p) => (p.sex === null ? null : civility ? (p.sex === "F" ? "Mme" : "M.") : p.sex),
  }),
  birth: (header = "Date de naissance"): ColumnSpec => ({
    field: "birth",
    header,
    truthColumn: "birthDate",
    cell: (p) => optDate(p.birth),
  }),
  qpv: (header = "Résident QPV", marks = false): ColumnSpec => ({
    field: "qpv",
    header,
    truthColumn: "qpv",
    checkbox: marks,
    // Check marks as people type them: X mostly, ✓ pasted from elsewhere.
    cell: (p, ctx) => (marks ? (p.qpv ? (ctx.row % 3 === 0 ? "✓" : "X") : null) : yesNo(p.qpv)),
  }),
  zrr: (header = "Résident ZRR", boxes = false): ColumnSpec => ({
    field: "zrr",
    header,
    truthColumn: "zrr",
    cell: (p) => (boxes ? (p.zrr === null ? null : p.zrr ? "☑" : "☐") : yesNo(p.zrr)),
  }),
  rsa: (header = "Bénéficiaire du RSA", marks = false): ColumnSpec => ({
    field: "rsa",
    header,
    truthColumn: "rsa",
    checkbox: marks,
    cell: (p) => (p.rsa === null ? null : marks ? (p.rsa === "NON" ? null : "X") : RSA_LABEL[p.rsa]),
  }),
  rqth: (header = "RQTH"): ColumnSpec => ({
    field: "rqth",
    header,
    truthColumn: "rqth",
    cell: (p) => yesNo(p.rqth),
  }),
  hire: (header = "Date d'embauche"): ColumnSpec => ({
    field: "hire",
    header,
    truthColumn: "hireDate",
    cell: (p) => optDate(p.hire),
  }),
  exit: (header = "Date de sortie"): ColumnSpec => ({
    field: "exit",
    header,
    truthColumn: "exitDate",
    cell: (p) => optDate(p.exit),
  }),
  motif: (header = "Motif de sortie"): ColumnSpec => ({
    field: "motifCode",
    header,
    truthColumn: "exitReason",
    cell: (p) => (p.motifCode ? `${p.motifCode} - ${MOTIFS[p.motifCode].label}` : null),
  }),
  hours: (header = "Heures travaillées"): ColumnSpec => ({
    field: "hours",
    header,
    truthColumn: "hoursWorked",
    cell: (p) => p.hours,
  }),
  /** Total hours as the sum of the month columns, with the value a spreadsheet computes. */
  hoursSum: (header = "Heures travaillées"): ColumnSpec => ({
    field: "hours",
    header,
    truthColumn: "hoursWorked",
    cell: (p, ctx) => ({
      formula: `SUM(${colLetter(ctx.colOf("month:1"))}${ctx.row}:${colLetter(ctx.colOf("month:12"))}${ctx.row})`,
      result: p.hours ?? 0,
    }),
  }),
  months: (periodStart: string, periodEnd: string): ColumnSpec[] =>
    MONTHS.map((m, i) => ({
      field: `month:${i + 1}`,
      header: `Heures ${m}`,
      cell: (p: CorpusPerson) => {
        const h = monthlyHours(p, periodStart, periodEnd)[i];
        return h === 0 ? null : h;
      },
    })),
  kind: (header = "Convention"): ColumnSpec => ({ field: "kind", header, cell: (p) => p.kind }),
  passStart: (header = "Date de début du PASS IAE"): ColumnSpec => ({
    field: "other",
    header,
    cell: (p) => optDate(p.passStart),
  }),
  passEnd: (header = "Date de fin du PASS IAE"): ColumnSpec => ({
    field: "other",
    header,
    // A PASS IAE lasts two years.
    cell: (p) =>
      p.passStart ? dateOf(`${Number(p.passStart.slice(0, 4)) + 2}${p.passStart.slice(4)}`) : null,
  }),
  note: (header: string, text: (p: CorpusPerson) => string | null): ColumnSpec => ({
    field: "other",
    header,
    cell: (p) => text(p),
  }),
};

export const grouped = (group: string, spec: ColumnSpec, header: string): ColumnSpec => ({
  ...spec,
  group,
  header,
});

/**
 * Writes the header (one row, or two when some columns are grouped: the group merged over its
 * columns, the others merged down) and one row per person at its own row number.
 */
export function writePeople(
  sheet: SheetModel,
  headerRow: number,
  specs: ColumnSpec[],
  persons: CorpusPerson[],
  read = true,
): SheetLayout {
  const twoRows = specs.some((s) => s.group);
  const colOf = (field: string) => {
    const i = specs.findIndex((s) => s.field === field);
    if (i < 0) throw new Error(`no column ${field}`);
    return i + 1;
  };
  specs.forEach((s, i) => {
    const c = i + 1;
    if (!twoRows) return sheet.set(headerRow, c, s.header);
    if (!s.group) {
      sheet.set(headerRow - 1, c, s.header);
      sheet.merge(headerRow - 1, c, headerRow, c);
      return;
    }
    sheet.set(headerRow, c, s.header);
    if (specs[i - 1]?.group === s.group) return;
    let last = c;
    while (specs[last]?.group === s.group) last++;
    sheet.set(headerRow - 1, c, s.group);
    if (last > c) sheet.merge(headerRow - 1, c, headerRow - 1, last);
  });
  for (const p of persons) {
    if (p.sheet !== sheet.name) throw new Error(`${p.lastName} is on ${p.sheet}, not ${sheet.name}`);
    specs.forEach((s, i) => sheet.set(p.row, i + 1, s.cell(p, { row: p.row, colOf })));
  }
  const columns: LayoutColumn[] = specs.map((s, i) => ({
    field: s.field,
    col: i + 1,
    header: s.header,
    ...(s.group ? { group: s.group } : {}),
    ...(s.checkbox ? { checkbox: true } : {}),
  }));
  return { sheet: sheet.name, headerRow, columns, read };
}

/** The TruthWorkbook.columns of a layout: the person fields it gives (month columns give the hours). */
export function truthColumns(specs: ColumnSpec[]): string[] {
  const out = specs.flatMap((s) => (s.truthColumn ? [s.truthColumn] : []));
  if (specs.some((s) => s.field === "month:1") && !out.includes("hoursWorked")) out.push("hoursWorked");
  return out;
}
