import type { RulesConfig } from "../model/config";
import type { MotifIndex } from "../config/motifs";
import type { FindingCollector } from "../findings/collector";
import type { ReadResult } from "../read/read-workbook";

export interface RuleContext extends ReadResult {
  config: RulesConfig;
  motifs: MotifIndex;
  findings: FindingCollector;
}

/** STUB — owned by the rules work: every rule of domain §3 not already raised while reading. */
export function runRules(_ctx: RuleContext): void {
  throw new Error("runRules: not implemented yet");
}
