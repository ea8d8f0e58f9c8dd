import type { RulesConfig } from "../model/config";
import { PERSON_FIELDS } from "../model/fields";
import type { PersonRow } from "../model/person";
import { DEFAULT_CONFIG } from "../config/defaults";
import { motifIndexFor, type MotifIndex } from "../config/motifs";
import { FindingCollector } from "../findings/collector";
import { EMPTY_STRUCTURE } from "../read/structure-block";
import type { ReadResult } from "../read/read-workbook";
import { createRuleEnv, type RowRule, type RuleEnv } from "./rule-env";
import { checkStructure } from "./structure-rules";
import { identityRules } from "./identity-rules";
import { ageRules } from "./age-rules";
import { dateRules } from "./date-rules";
import { exitRules } from "./exit-rules";
import { hoursRules } from "./hours-rules";
import { contractRules } from "./contract-rules";
import { qpvRules } from "./qpv-rules";

export interface RuleContext extends ReadResult {
  config: RulesConfig;
  motifs: MotifIndex;
  findings: FindingCollector;
}

/** Row rule families, in the order their findings are raised on a row. */
const ROW_FAMILIES: readonly ((env: RuleEnv) => RowRule | null)[] = [
  identityRules,
  ageRules,
  dateRules,
  exitRules,
  hoursRules,
  contractRules,
  qpvRules,
];

/**
 * Every rule of domain §3 not already raised while reading: structure rules, then one pass over the rows
 * where each family looks at each row (a family whose columns are absent does not run).
 */
export function runRules(ctx: RuleContext): void {
  const env = createRuleEnv(ctx);
  checkStructure(env);
  if (!ctx.table) return;
  const active = rowRulesFor(env);
  checkRows(active, ctx.rows);
  for (const rule of active) rule.finish?.();
}

/** The row rule families that apply to a table, in order; call each `check` on every row, then `finish`. */
export function rowRulesFor(env: RuleEnv): RowRule[] {
  const active: RowRule[] = [];
  for (const family of ROW_FAMILIES) {
    const rule = family(env);
    if (rule) active.push(rule);
  }
  return active;
}

/** The single pass. Its own function, so that its optimised code is kept from one workbook to the next. */
function checkRows(active: readonly RowRule[], rows: readonly PersonRow[]): void {
  const n = active.length;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    for (let r = 0; r < n; r++) active[r].check(row);
  }
}

/**
 * One instance of every family, alive as long as the module, built on a table that has every column.
 * V8 holds object shapes (hidden classes) only weakly: when all the rule objects of a run are garbage, a
 * full GC frees their shapes and throws away the optimised `check` methods that depended on them, to be
 * re-optimised by the next workbook. Keeping one instance of each keeps the shapes, hence the code.
 */
export const KEEP_RULE_SHAPES: readonly (RowRule | null)[] = ROW_FAMILIES.map((family) =>
  family(
    createRuleEnv({
      config: DEFAULT_CONFIG,
      motifs: motifIndexFor(DEFAULT_CONFIG.exitMotifs),
      findings: new FindingCollector(1),
      structure: EMPTY_STRUCTURE,
      structureLocations: {},
      table: { sheet: "", headerRow: 1, headerIndex: 0, firstColumn: 1, columns: [], unknownHeaders: [], fieldsPresent: [...PERSON_FIELDS] },
      rows: [],
    }),
  ),
);
