import {
  Caption1,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import { INDICATOR_LABELS, KINDS, type Consolidation, type IndicatorKey } from "../../core";
import { formatCount } from "../i18n/format";
import { formatIndicator } from "../labels";
import { useI18n } from "../i18n/i18n";
import type { ConsolidateTranslate } from "../i18n/consolidate";

/** The indicators shown in the pane (the sheets carry them all). */
export const KEY_INDICATORS: IndicatorKey[] = ["employees", "fte", "shareWomen", "shareRsa", "rateDynamic"];

const useStyles = makeStyles({
  figures: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL },
  figure: { display: "flex", flexDirection: "column" },
  value: {
    fontSize: tokens.fontSizeHero700,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightHero700,
  },
  // The per-type table is wider than the pane: it scrolls in its own box, reachable by keyboard (arrow keys scroll it).
  scroll: {
    overflowX: "auto",
    maxWidth: "100%",
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  // Natural column widths (the pane is narrow): the table scrolls sideways rather than overlapping its headers.
  table: { tableLayout: "auto", width: "max-content", minWidth: "100%" },
  cell: { whiteSpace: "nowrap" },
});

/** Structures, reports and distinct people for the department, then key indicators per kind. */
export function ConsolidationTotals({ c, ct }: { c: Consolidation; ct: ConsolidateTranslate }) {
  const { language } = useI18n();
  const styles = useStyles();
  const rows = [
    ...KINDS.filter((k) => c.byKind[k]).map((k) => ({ id: k, label: k, t: c.byKind[k]! })),
    { id: "total", label: ct("total"), t: c.total },
  ];
  return (
    <section aria-label={ct("totalsTitle")} data-testid="consolidation-totals">
      <div className={styles.figures}>
        {(
          [
            ["structures", ct("structures"), c.total.structures],
            ["reports", ct("reports"), c.total.reports],
            ["persons", ct("persons"), c.total.distinctPersons],
          ] as const
        ).map(([id, label, value]) => (
          <div key={id} className={styles.figure}>
            <span className={styles.value} data-testid={`total-${id}`}>
              {formatCount(value, language)}
            </span>
            <Caption1>{label}</Caption1>
          </div>
        ))}
      </div>
      <div
        className={styles.scroll}
        tabIndex={0}
        role="region"
        aria-label={ct("byKindLabel")}
        data-testid="by-kind-scroll"
      >
        <Table size="extra-small" className={styles.table} aria-label={ct("byKindLabel")}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{ct("kind")}</TableHeaderCell>
              <TableHeaderCell>{ct("structures")}</TableHeaderCell>
              <TableHeaderCell>{ct("reports")}</TableHeaderCell>
              {KEY_INDICATORS.map((k) => (
                <TableHeaderCell key={k}>
                  {language === "en" ? INDICATOR_LABELS[k].en : INDICATOR_LABELS[k].fr}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.id} data-testid={`kind-${r.id}`}>
                <TableCell className={styles.cell}>{r.label}</TableCell>
                <TableCell className={styles.cell} data-key="structures">
                  {formatCount(r.t.structures, language)}
                </TableCell>
                <TableCell className={styles.cell} data-key="reports">
                  {formatCount(r.t.reports, language)}
                </TableCell>
                {KEY_INDICATORS.map((k) => (
                  <TableCell key={k} className={styles.cell} data-key={k}>
                    {formatIndicator(k, r.t.indicators[k], language) ?? "—"}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
