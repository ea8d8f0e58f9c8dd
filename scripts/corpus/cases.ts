import type { CaseBuild } from "./case-kit";
import { everything } from "./case-everything";
import { checkboxes, formulaNoValue, groupedHeader, noExitColumns, passBeforeHire } from "./cases-cells";
import {
  conventionsColumn,
  conventionsColumnSingleFte,
  conventionsSheets,
  kindAmbiguous,
} from "./cases-conventions";
import { notesBelow, tableTotals, totalRowText } from "./cases-end-of-table";
import { copies, sites, twoYears } from "./cases-sheets";

/** Every case of the corpus, one per situation of domain §2.4 (and one with all at once). */
export const CASES: (() => CaseBuild)[] = [
  tableTotals,
  totalRowText,
  notesBelow,
  twoYears,
  copies,
  sites,
  conventionsSheets,
  conventionsColumn,
  conventionsColumnSingleFte,
  kindAmbiguous,
  groupedHeader,
  passBeforeHire,
  formulaNoValue,
  checkboxes,
  noExitColumns,
  everything,
];
