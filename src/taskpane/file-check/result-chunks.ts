import type { PersonRecord, PersonRow } from "../../core";
import type { FileCheck } from "./protocol";

/** Rows per message: the page rebuilds each message in one task, which 1 000 rows keep short. */
export const ROWS_PER_MESSAGE = 1000;

/** A slice of one report's typed rows or records, sent before the result itself. */
export type ResultPart =
  | { type: "rows"; report: number; rows: PersonRow[] }
  | { type: "records"; report: number; records: PersonRecord[] };

/**
 * The result in messages the page can take in short tasks: the rows and records of each report in slices, then
 * the result without them (30 000 rows in one message cost the page one long task to rebuild).
 */
export function splitResult(
  result: FileCheck,
  size = ROWS_PER_MESSAGE,
): { parts: ResultPart[]; rest: FileCheck } {
  const parts: ResultPart[] = [];
  result.reports.forEach((r, report) => {
    for (let i = 0; i < r.rows.length; i += size)
      parts.push({ type: "rows", report, rows: r.rows.slice(i, i + size) });
    for (let i = 0; i < r.records.length; i += size)
      parts.push({ type: "records", report, records: r.records.slice(i, i + size) });
  });
  return {
    parts,
    rest: { ...result, reports: result.reports.map((r) => ({ ...r, rows: [], records: [] })) },
  };
}

/** Gathers the parts as they come, then puts them back into the result. */
export function resultJoiner(): { add(part: ResultPart): void; join(rest: FileCheck): FileCheck } {
  const rows = new Map<number, PersonRow[]>();
  const records = new Map<number, PersonRecord[]>();
  const into = <T>(map: Map<number, T[]>, report: number, items: T[]) => {
    const list = map.get(report);
    if (list) for (const item of items) list.push(item);
    else map.set(report, items);
  };
  return {
    add(part) {
      if (part.type === "rows") into(rows, part.report, part.rows);
      else into(records, part.report, part.records);
    },
    join(rest) {
      return {
        ...rest,
        reports: rest.reports.map((r, i) => ({
          ...r,
          rows: rows.get(i) ?? [],
          records: records.get(i) ?? [],
        })),
      };
    },
  };
}
