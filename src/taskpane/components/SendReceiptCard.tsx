import { Caption1, MessageBar, MessageBarBody, Table, TableBody, TableCell, TableRow } from "@fluentui/react-components";
import { BannerTitle } from "./BannerTitle";
import type { SendReceiptRecord } from "../../core";
import { formatDateTime } from "../labels";
import { useI18n } from "../i18n/i18n";

/** The hub's receipt, as the accountant keeps it: id, version, time (also written in the workbook). */
export function SendReceiptCard({ receipt, fileMode }: { receipt: SendReceiptRecord; fileMode: boolean }) {
  const { t, language } = useI18n();
  return (
    <MessageBar intent="success" layout="multiline" data-testid="send-receipt">
      <MessageBarBody>
        <BannerTitle>{t("receiptTitle")}</BannerTitle>
        <span data-testid="receipt-outcome">{receipt.alreadyReceived ? t("receiptAlready") : t("receiptReceived")}</span>
        <Table size="extra-small" aria-label={t("receiptTitle")}>
          <TableBody>
            <TableRow>
              <TableCell>{t("receiptId")}</TableCell>
              <TableCell data-testid="receipt-id">{receipt.submissionId}</TableCell>
            </TableRow>
            <TableRow>
              <TableCell>{t("receiptVersion")}</TableCell>
              <TableCell data-testid="receipt-version">{receipt.version}</TableCell>
            </TableRow>
            <TableRow>
              <TableCell>{t("receiptAt")}</TableCell>
              <TableCell data-testid="receipt-at">{formatDateTime(receipt.receivedAt, language)}</TableCell>
            </TableRow>
          </TableBody>
        </Table>
        <Caption1 as="p">{fileMode ? `${t("receiptWritten")} ${t("receiptDownload")}` : t("receiptWritten")}</Caption1>
      </MessageBarBody>
    </MessageBar>
  );
}
