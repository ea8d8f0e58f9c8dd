import type { Analysis } from "../model/analysis";
import { KINDS } from "../model/kinds";

export const INDICATORS_SHEET_BASE = "Indicateurs";

/**
 * The sheet of each report: « Indicateurs » when the workbook holds one report, « Indicateurs ACI »,
 * « Indicateurs EI »… when it holds several (domain §2.4.3). Two reports of the same kind (two SIRETs)
 * add the SIRET; a report without a kind takes its rank. Every name fits Excel's 31 characters.
 */
export function indicatorsSheetNames(reports: readonly Analysis[]): string[] {
  if (reports.length <= 1) return reports.map(() => INDICATORS_SHEET_BASE);
  const kinds = reports.map((r) => r.structure.kind);
  return reports.map((r, i) => {
    const kind = r.structure.kind;
    if (kind === null) return `${INDICATORS_SHEET_BASE} ${i + 1}`;
    const shared = kinds.filter((k) => k === kind).length > 1;
    return shared && r.structure.siret
      ? `${INDICATORS_SHEET_BASE} ${kind} ${r.structure.siret}`
      : `${INDICATORS_SHEET_BASE} ${kind}`;
  });
}

const OURS = new RegExp(`^${INDICATORS_SHEET_BASE}(?: (?:(?:${KINDS.join("|")})(?: \\d{14})?|\\d{1,2}))?$`);

/**
 * A sheet this tool writes (« Indicateurs », « Indicateurs EI »…): those of a report no longer present
 * are removed when the sheets are rewritten. A user's own « Indicateurs 2024 » is not ours.
 */
export function isIndicatorsSheetName(name: string): boolean {
  return OURS.test(name);
}
