import type { RulesConfig } from "../model/config";
import type { MotifIndex } from "../config/motifs";
import type { FindingCollector } from "../findings/collector";
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
  const active: RowRule[] = [];
  for (const family of ROW_FAMILIES) {
    const rule = family(env);
    if (rule) active.push(rule);
  }
  const rows = ctx.rows;
  const n = active.length;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    for (let r = 0; r < n; r++) active[r].check(row);
  }
  for (const rule of active) rule.finish?.();
}
