import type { NotKept } from "../xlsx/not-kept";
import type { Translate } from "./i18n/i18n";

/** What the annotated copy could not keep, as one sentence in the pane's language; null when nothing was lost. */
export function notKeptText(notKept: NotKept, t: Translate): string | null {
  const items = [
    notKept.charts > 0 ? t("notKeptCharts", { count: notKept.charts }) : null,
    notKept.pivotTables > 0 ? t("notKeptPivotTables", { count: notKept.pivotTables }) : null,
    notKept.shapes > 0 ? t("notKeptShapes", { count: notKept.shapes }) : null,
  ].filter((x): x is string => x !== null);
  if (items.length === 0) return null;
  const list = new Intl.ListFormat(t.language === "fr" ? "fr-FR" : "en-US", { type: "conjunction" });
  return t("downloadNotKept", { items: list.format(items) });
}
