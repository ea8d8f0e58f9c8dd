import { INDICATOR_KEYS, type IndicatorKey, type Indicators } from "../model/indicators";
import { cleanNoise, ratio } from "../indicators/numbers";

/** How each indicator combines over reports. The Record type makes the compiler check every key has a rule. */
type Rule =
  | { sum: true }
  | { share: IndicatorKey }
  | { rate: IndicatorKey[] }
  | { fteRate: true }
  | { weightedPath: true };

const SUM: Rule = { sum: true };

const RULES: Record<IndicatorKey, Rule> = {
  employees: SUM,
  women: SUM,
  men: SUM,
  sexUnknown: SUM,
  rsa: SUM,
  rsaUnknown: SUM,
  qpv: SUM,
  qpvUnknown: SUM,
  zrr: SUM,
  zrrUnknown: SUM,
  under26: SUM,
  age50plus: SUM,
  ageUnknown: SUM,
  deld: SUM,
  detld: SUM,
  ftUnknown: SUM,
  rqth: SUM,
  rqthUnknown: SUM,
  ass: SUM,
  aah: SUM,
  levelBelowCap: SUM,
  levelCapBep: SUM,
  levelNonCertified: SUM,
  shareWomen: { share: "women" },
  shareRsa: { share: "rsa" },
  shareQpv: { share: "qpv" },
  shareZrr: { share: "zrr" },
  shareUnder26: { share: "under26" },
  shareAge50plus: { share: "age50plus" },
  shareDeld: { share: "deld" },
  shareDetld: { share: "detld" },
  shareRqth: { share: "rqth" },
  hoursWorked: SUM,
  fte: SUM,
  fteRsa: SUM,
  fteConventioned: SUM,
  fteRealisationRate: { fteRate: true },
  exits: SUM,
  exitsWithdrawn: SUM,
  exitsTooShort: SUM,
  exitsExamined: SUM,
  exitsDurable: SUM,
  exitsTransition: SUM,
  exitsPositive: SUM,
  exitsOther: SUM,
  exitsUnknownCategory: SUM,
  rateDurable: { rate: ["exitsDurable"] },
  rateTransition: { rate: ["exitsTransition"] },
  ratePositive: { rate: ["exitsPositive"] },
  rateDynamic: { rate: ["exitsDurable", "exitsTransition", "exitsPositive"] },
  exitsToTraining: SUM,
  rateTraining: { rate: ["exitsToTraining"] },
  rsaExitsDurableOrTraining: SUM,
  averagePathMonths: { weightedPath: true },
};

/**
 * Indicators of a set of reports (domain §4.5): counts, hours and ETP add up; shares and rates are
 * recomputed from the summed counts, never averaged (1/2 and 3/4 give 4/6, not 0.625).
 *
 * A value null in a report (its column was absent there) is left out:
 * - a sum is the sum over the reports that have the value (null when none has it);
 * - a share is Σcount / Σemployees over the reports that have the count, so a report without a QPV
 *   column neither adds residents nor dilutes the share with its employees;
 * - a rate is Σcategory / ΣexitsExamined over the reports that have the category;
 * - fteRealisationRate is Σfte / ΣfteConventioned over the reports with a conventioned ETP > 0 and an ETP;
 * - averagePathMonths is the mean of the reports' averages weighted by their examined exits (exact when
 *   every examined exit has a hire date; otherwise a report's average covers only those that have one).
 */
export function combineIndicators(list: readonly Indicators[]): Indicators {
  const out = {} as Indicators;
  for (const key of INDICATOR_KEYS) out[key] = combineOne(key, RULES[key], list);
  return out;
}

function combineOne(key: IndicatorKey, rule: Rule, list: readonly Indicators[]): number | null {
  if ("sum" in rule) {
    let total = 0;
    let any = false;
    for (const ind of list) {
      // A report from an older client may lack an indicator added since: absent is not computed.
      const v = ind[key] ?? null;
      if (v !== null) {
        total += v;
        any = true;
      }
    }
    return any ? cleanNoise(total) : null;
  }
  if ("share" in rule) return ratioOver(list, [rule.share], "employees");
  if ("rate" in rule) return ratioOver(list, rule.rate, "exitsExamined");
  if ("fteRate" in rule) {
    let fte = 0;
    let conventioned = 0;
    for (const ind of list) {
      if (ind.fte !== null && ind.fteConventioned !== null && ind.fteConventioned > 0) {
        fte += ind.fte;
        conventioned += ind.fteConventioned;
      }
    }
    return ratio(fte, conventioned);
  }
  let weighted = 0;
  let weights = 0;
  for (const ind of list) {
    if (ind.averagePathMonths !== null && ind.exitsExamined !== null && ind.exitsExamined > 0) {
      weighted += ind.averagePathMonths * ind.exitsExamined;
      weights += ind.exitsExamined;
    }
  }
  return ratio(weighted, weights);
}

function ratioOver(list: readonly Indicators[], parts: IndicatorKey[], whole: IndicatorKey): number | null {
  let num = 0;
  let den = 0;
  let any = false;
  for (const ind of list) {
    const w = ind[whole] ?? null;
    if (w === null || parts.some((p) => (ind[p] ?? null) === null)) continue;
    any = true;
    den += w;
    for (const p of parts) num += ind[p] as number;
  }
  return any ? ratio(num, den) : null;
}
