import type { TableInfo } from "../model/analysis";
import type { RulesConfig } from "../model/config";
import type { MappedField, PersonField, StructureField } from "../model/fields";
import type { Kind } from "../model/kinds";
import type { DayNumber, PersonRow } from "../model/person";
import type { StructureInfo, StructureLocations } from "../model/structure";
import type { MotifIndex } from "../config/motifs";
import type { FindingCollector } from "../findings/collector";
import { a1, columnLetters } from "../findings/a1";
import { fieldPosition, rowPosition } from "../read/positions";
import { dayFromIso } from "../dates/day-number";

/** Where a finding points: the position part of a FindingDetail. */
export interface Place {
  sheet: string | null;
  cell: string | null;
  row: number | null;
  column: number | null;
  field: string | null;
}

/** A rule family that looks at rows: `check` runs once per row of the report, `finish` after the last. */
export interface RowRule {
  check(row: PersonRow): void;
  finish?(): void;
}

/** What every rule family needs, computed once per analysis (not per row). */
export interface RuleEnv {
  config: RulesConfig;
  motifs: MotifIndex;
  findings: FindingCollector;
  structure: StructureInfo;
  kind: Kind | null;
  /** Period bounds as read (may be inverted: period-invalid reports that). */
  periodStart: DayNumber | null;
  periodEnd: DayNumber | null;
  /** Both bounds known and start ≤ end: rules measuring against the period only run then. */
  periodOk: boolean;
  table: TableInfo | null;
  /** Number of data rows, to size tables once. */
  rowCount: number;
  /** The field has a column (monthly hours count as hoursWorked). */
  has(field: PersonField): boolean;
  /** Position of a field's cell on a data row (the row's first cell when the field has no column). */
  at(field: PersonField, row: { sheet: string; excelRow: number }): Place;
  /** Header cell of a field's column, for table-level findings. */
  header(field: PersonField): Place;
  /** Position of a structure value, or nulls when its location is unknown. */
  structureAt(field: StructureField): Place;
}

interface ColumnSpot {
  column: number;
  letters: string;
}

export function createRuleEnv(input: {
  config: RulesConfig;
  motifs: MotifIndex;
  findings: FindingCollector;
  structure: StructureInfo;
  structureLocations: StructureLocations;
  /** The tables the report's rows come from (several sheets: sites, §2.4.2); the first is the main one. */
  tables: readonly TableInfo[];
  rowCount: number;
}): RuleEnv {
  const { tables, structure, structureLocations } = input;
  const table = tables[0] ?? null;
  const periodStart = structure.periodStart ? dayFromIso(structure.periodStart) : null;
  const periodEnd = structure.periodEnd ? dayFromIso(structure.periodEnd) : null;

  // Column of each field, per sheet: site sheets may order their columns differently.
  const spotsBySheet = new Map<string, Map<MappedField, ColumnSpot>>();
  const present = new Set<string>();
  for (const t of tables) {
    const spots = new Map<MappedField, ColumnSpot>();
    for (const f of t.fieldsPresent) present.add(f);
    for (const c of t.columns) {
      if (spots.has(c.field)) continue;
      const pos = fieldPosition(t, c.field, t.headerRow);
      if (pos) spots.set(c.field, { column: pos.column, letters: columnLetters(pos.column) });
      present.add(c.field);
    }
    // Hours summed from monthly columns point at the first monthly column.
    const month = spots.get("hoursMonth");
    if (!spots.has("hoursWorked") && month) spots.set("hoursWorked", month);
    if (!spotsBySheet.has(t.sheet)) spotsBySheet.set(t.sheet, spots);
  }
  const tableOf = (sheet: string) => tables.find((t) => t.sheet === sheet) ?? table;

  return {
    config: input.config,
    motifs: input.motifs,
    findings: input.findings,
    structure,
    kind: structure.kind,
    periodStart,
    periodEnd,
    periodOk: periodStart !== null && periodEnd !== null && periodStart <= periodEnd,
    table,
    rowCount: input.rowCount,
    has: (field) => present.has(field) || (field === "hoursWorked" && present.has("hoursMonth")),
    at(field, row) {
      const t = tableOf(row.sheet);
      if (!t) return { sheet: null, cell: null, row: row.excelRow, column: null, field };
      const spot = spotsBySheet.get(t.sheet)?.get(field);
      if (!spot) {
        const p = rowPosition(t, row.excelRow);
        return { sheet: p.sheet, cell: p.cell, row: p.row, column: p.column, field };
      }
      return {
        sheet: t.sheet,
        cell: spot.letters + row.excelRow,
        row: row.excelRow,
        column: spot.column,
        field,
      };
    },
    header(field) {
      if (!table) return { sheet: null, cell: null, row: null, column: null, field };
      const spot = spotsBySheet.get(table.sheet)?.get(field);
      const column = spot ? spot.column : table.firstColumn;
      return { sheet: table.sheet, cell: a1(table.headerRow, column), row: table.headerRow, column, field };
    },
    structureAt(field) {
      const loc = structureLocations[field];
      if (!loc) return { sheet: null, cell: null, row: null, column: null, field };
      return { sheet: loc.sheet, cell: a1(loc.row, loc.column), row: loc.row, column: loc.column, field };
    },
  };
}
