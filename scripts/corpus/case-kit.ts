import { makePass, makePerson, makeSiret } from "../examples/people";
import type { Prng } from "../examples/prng";
import type { TruthKind, TruthPerson, TruthWorkbook } from "../examples/truth";
import type { CorpusFinding, SheetLayout, Writer, WriterDifference } from "./corpus-truth";
import { dateOf, WorkbookModel, type CellInput, type SheetModel } from "./model";
import { monthlyHours, type CorpusPerson } from "./people-sheet";

export const PERIOD = { periodStart: "2025-01-01", periodEnd: "2025-12-31" };
export const PERIOD_2024 = { periodStart: "2024-01-01", periodEnd: "2024-12-31" };
/** Hautes-Alpes: Gap and Briançon are its towns. */
export const DEPARTMENT = "05";

/** What a case builder hands to the generator: the model to write and its truth. */
export interface CaseBuild {
  name: string;
  point: string;
  description: string;
  model: WorkbookModel;
  layouts: SheetLayout[];
  reports: TruthWorkbook[];
  findings: CorpusFinding[];
  absentCodes: string[];
  writerDifferences?: WriterDifference[];
  skipped?: { writer: Writer; why: string }[];
}

export interface StructureFacts {
  siret: string;
  name: string;
  kindCell: string;
  /** ETP conventionnés: one label/value pair per entry ("ETP conventionnés ACI" → 6.5). */
  fte: [string, number][];
}

/** Label/value pairs (label in column 1, value in valueCol); returns the row of each label. */
export function writeStructure(
  sheet: SheetModel,
  firstRow: number,
  s: StructureFacts,
  valueCol = 2,
): Record<string, number> {
  const pairs: [string, CellInput][] = [
    ["SIRET", s.siret],
    ["Raison sociale", s.name],
    ["Type de structure", s.kindCell],
    ["Département", DEPARTMENT],
    ["Début de période", dateOf(PERIOD.periodStart)],
    ["Fin de période", dateOf(PERIOD.periodEnd)],
    ...s.fte,
  ];
  const rows: Record<string, number> = {};
  pairs.forEach(([label, value], i) => {
    sheet.set(firstRow + i, 1, label);
    sheet.set(firstRow + i, valueCol, value);
    rows[label] = firstRow + i;
  });
  return rows;
}

/** Persons of a case: seeded, each with its own PASS number (the maker's counter and salt). */
export class PersonMaker {
  constructor(
    private readonly rng: Prng,
    private readonly salt: number,
  ) {}
  private n = 0;

  private pass(): string {
    return makePass(this.n++, this.salt);
  }

  /**
   * count persons on rows firstRow…, keeping only what the sheet's columns can say (the others are
   * null, as the oracle expects of an absent column), exits only when the sheet has an exit column.
   */
  make(o: {
    kind: TruthKind;
    sheet: string;
    firstRow: number;
    count: number;
    columns: string[];
    period?: typeof PERIOD;
    exitShare?: number;
  }): CorpusPerson[] {
    const period = o.period ?? PERIOD;
    const has = (c: string) => o.columns.includes(c);
    const out: CorpusPerson[] = [];
    for (let i = 0; i < o.count; i++) {
      const p = makePerson(this.rng, {
        kind: o.kind,
        ...period,
        row: o.firstRow + i,
        pass: this.pass(),
        exitShare: o.exitShare ?? 0.35,
      });
      const exits = has("exitDate");
      out.push({
        ...p,
        sheet: o.sheet,
        kind: o.kind,
        pass: has("passNumber") ? p.pass : null,
        qpv: has("qpv") ? p.qpv : null,
        zrr: has("zrr") ? p.zrr : null,
        rsa: has("rsa") ? p.rsa : null,
        rqth: has("rqth") ? p.rqth : null,
        ass: null,
        aah: null,
        ft: null,
        edu: null,
        contractEnd: null,
        weekly: null,
        hoursSinceHire: null,
        exit: exits ? p.exit : null,
        motifCode: exits ? p.motifCode : null,
        category: exits ? p.category : null,
        qualifyingTraining: exits ? p.qualifyingTraining : false,
      });
    }
    return out;
  }

  int(min: number, max: number): number {
    return this.rng.int(min, max);
  }
}

export const newSiret = (rng: Prng, prefix: string) => makeSiret(rng, prefix);

/** Hours of the months from…to (1-based, inclusive) of a person's split, to 2 decimals. */
export function hoursOfMonths(p: TruthPerson, from: number, to: number, period = PERIOD): number {
  const cents = monthlyHours(p, period.periodStart, period.periodEnd)
    .slice(from - 1, to)
    .reduce((s, h) => s + Math.round(h * 100), 0);
  return cents / 100;
}

/** The truth record of a person (TruthPerson and its sheet, without the cell-only facts). */
export function truthPerson(p: CorpusPerson): TruthPerson {
  const { kind: _kind, passStart: _passStart, ...rest } = p;
  return rest;
}

export function report(
  caseName: string,
  kind: TruthKind,
  s: StructureFacts,
  fteConventioned: number | null,
  columns: string[],
  persons: CorpusPerson[],
): TruthWorkbook {
  return {
    file: caseName,
    kind,
    siret: s.siret,
    name: s.name,
    department: DEPARTMENT,
    ...PERIOD,
    fteConventioned,
    columns,
    persons: persons.filter((p) => p.kind === kind).map(truthPerson),
    // The case's findings (CorpusTruth.findings) are the authority; none are listed per report.
    findings: [],
  };
}

/**
 * Codes the generated structure blocks and persons cannot give (valid by construction: ages 16+ at hire,
 * paths under 24 months, exits inside the period, 3 months after hire, with a known motif): a file
 * carrying one has misread a cell or a row (a totals row, a note, last year's sheet, the PASS start).
 */
export const CLEAN_CODES = [
  "header-not-found",
  "structure-field-missing",
  "siret-format",
  "period-invalid",
  "value-required",
  "value-invalid",
  "cell-error",
  "pass-format",
  "age-range",
  "hire-after-period",
  "exit-before-hire",
  "exit-reason-missing",
  "exit-reason-unknown",
  "exit-outside-period",
  "hours-negative",
  "hours-implausible",
  "no-hours",
  "path-too-long",
  "exit-too-short",
  "exit-withdrawn",
  "unknown-share-high",
];

export function newModel(): WorkbookModel {
  return new WorkbookModel();
}
