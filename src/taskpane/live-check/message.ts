import type { Translate } from "../i18n/i18n";
import type { StringKey } from "../i18n/fr";
import type { FindingsDiff } from "./diff";
import type { FullReason } from "./plan";

const REASONS: Record<FullReason, StringKey> = {
  shape: "liveReasonShape",
  header: "liveReasonHeader",
  sheet: "liveReasonSheet",
  outside: "liveReasonOutside",
  many: "liveReasonMany",
};

/** "10:42": the time of day the user reads on the clock, in both languages. */
export function clockTime(at: Date): string {
  return `${String(at.getHours()).padStart(2, "0")}:${String(at.getMinutes()).padStart(2, "0")}`;
}

/**
 * « Revérifié à 10:42 — 2 erreurs corrigées, 1 nouvelle erreur ; il reste 3 erreurs. » What changed comes
 * first (that is what the user just did), then what is left to do; a full read says why.
 */
export function recheckMessage(t: Translate, at: Date, diff: FindingsDiff, full: FullReason | null): string {
  const parts: string[] = [];
  if (diff.fixed.error > 0) parts.push(t("liveFixedErrors", { count: diff.fixed.error }));
  if (diff.added.error > 0) parts.push(t("liveNewErrors", { count: diff.added.error }));
  if (diff.fixed.warning > 0) parts.push(t("liveFixedWarnings", { count: diff.fixed.warning }));
  if (diff.added.warning > 0) parts.push(t("liveNewWarnings", { count: diff.added.warning }));
  const params = {
    time: clockTime(at),
    changes: parts.length > 0 ? parts.join(", ") : t("liveNoChange"),
    left: t("liveErrorsLeft", { count: diff.errors }),
  };
  return full === null
    ? t("liveRechecked", params)
    : t("liveRecheckedFull", { ...params, reason: t(REASONS[full]) });
}
