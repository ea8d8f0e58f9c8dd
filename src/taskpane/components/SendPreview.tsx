import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  makeStyles,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import { INDICATOR_KEYS, KIND_LABELS, type Analysis } from "../../core";
import { periodKey } from "../../core/submission";
import type { ReactNode } from "react";
import { useI18n } from "../i18n/i18n";
import { WorkbookText } from "./WorkbookText";
import { formatDate, formatIndicator, indicatorLabel } from "../labels";

const useStyles = makeStyles({
  value: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
  table: { marginBlock: tokens.spacingVerticalS },
});

/** What the submission carries, from the same analysis the payload is built from: nothing personal. */
export function SendPreview({
  analysis,
  id = "send-preview",
  several = false,
}: {
  analysis: Analysis;
  id?: string;
  several?: boolean;
}) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const s = analysis.structure;
  const period =
    s.periodStart && s.periodEnd
      ? `${formatDate(s.periodStart, language)} – ${formatDate(s.periodEnd, language)} (${periodKey(s.periodStart, s.periodEnd) ?? "—"})`
      : "—";
  const keyed = analysis.records.filter((r) => r.key !== null).length;
  const computed = INDICATOR_KEYS.filter((k) => analysis.indicators[k] !== null);
  const lines: [string, string, ReactNode][] = [
    ["structure", t("previewStructure"), s.name ? <WorkbookText>{s.name}</WorkbookText> : "—"],
    ["siret", "SIRET", s.siret ?? "—"],
    ["kind", t("previewKind"), s.kind ? `${s.kind} — ${KIND_LABELS[s.kind][language]}` : "—"],
    ["period", t("previewPeriod"), period],
    ["records", t("previewRecords"), t("previewRecordsValue", { count: keyed })],
    ["warnings", t("previewWarnings"), String(analysis.report.counts.warning)],
  ];
  return (
    <section aria-labelledby={`${id}-title`} data-testid="send-preview" data-kind={s.kind ?? ""}>
      <Subtitle2 as="h3" id={`${id}-title`}>
        {several ? t("previewTitleKind", { kind: s.kind ?? "—" }) : t("previewTitle")}
      </Subtitle2>
      <Table size="small" className={styles.table} aria-labelledby={`${id}-title`}>
        <TableBody>
          {lines.map(([id, label, value]) => (
            <TableRow key={id}>
              <TableCell>{label}</TableCell>
              <TableCell data-testid={`preview-${id}`}>{value}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Accordion collapsible>
        <AccordionItem value="indicators">
          <AccordionHeader>{t("previewIndicators", { count: computed.length })}</AccordionHeader>
          <AccordionPanel>
            <Table size="small">
              <TableBody>
                {computed.map((k) => (
                  <TableRow key={k}>
                    <TableCell>{indicatorLabel(k, language)}</TableCell>
                    <TableCell className={styles.value}>
                      {formatIndicator(k, analysis.indicators[k], language)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </section>
  );
}
