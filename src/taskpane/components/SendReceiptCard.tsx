import {
  Caption1,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableRow,
} from "@fluentui/react-components";
import { BannerTitle } from "./BannerTitle";
import type { SendReceiptRecord } from "../../core";
import { formatDateTime } from "../labels";
import { useI18n } from "../i18n/i18n";

/** The hub's receipt, as the accountant keeps it: id, version, time (also written in the workbook). */
export function SendReceiptCard({
  receipt,
  fileMode,
  several = false,
}: {
  receipt: SendReceiptRecord;
  fileMode: boolean;
  several?: boolean;
}) {
  const { t, language } = useI18n();
  const title = several && receipt.kind ? t("receiptTitleKind", { kind: receipt.kind }) : t("receiptTitle");
  return (
    <MessageBar intent="success" layout="multiline" data-testid="send-receipt" data-kind={receipt.kind ?? ""}>
      <MessageBarBody>
        <BannerTitle>{title}</BannerTitle>
        <span data-testid="receipt-outcome">
          {receipt.alreadyReceived ? t("receiptAlready") : t("receiptReceived")}
        </span>
        <Table size="extra-small" aria-label={title}>
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
        <Caption1 as="p">
          {several ? t("receiptWrittenKind", { kind: receipt.kind ?? "—" }) : t("receiptWritten")}
          {fileMode ? ` ${t("receiptDownload")}` : ""}
        </Caption1>
      </MessageBarBody>
    </MessageBar>
  );
}
