import type { TableInfo } from "../model/analysis";
import type { RulesConfig } from "../model/config";
import type { PersonRow } from "../model/person";
import type { StructureInfo, StructureLocations } from "../model/structure";
import type { MotifIndex } from "../config/motifs";
import type { FindingCollector } from "../findings/collector";
import { createRuleEnv, type RowRule, type RuleEnv } from "./rule-env";
import { checkStructure } from "./structure-rules";
import { identityRules } from "./identity-rules";
import { ageRules } from "./age-rules";
import { dateRules } from "./date-rules";
import { exitRules } from "./exit-rules";
import { hoursRules } from "./hours-rules";
import { contractRules } from "./contract-rules";
import { qpvRules } from "./qpv-rules";

/** One report's rows and what they were read with. */
export interface RuleContext {
  config: RulesConfig;
  motifs: MotifIndex;
  findings: FindingCollector;
  structure: StructureInfo;
  structureLocations: StructureLocations;
  tables: readonly TableInfo[];
  rows: readonly PersonRow[];
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
 * Every rule of domain §3 not already raised while reading: structure rules, then each row through every
 * family whose columns are present, then each family's `finish`.
 */
export function runRules(ctx: RuleContext): void {
  const env = createRuleEnv({ ...ctx, rowCount: ctx.rows.length });
  checkStructure(env);
  if (ctx.tables.length === 0) return;
  const active = ROW_FAMILIES.map((family) => family(env)).filter((rule): rule is RowRule => rule !== null);
  for (const row of ctx.rows) for (const rule of active) rule.check(row);
  for (const rule of active) rule.finish?.();
}
