import { formatDateTime } from "../labels/format";
import type { SendReceiptRecord } from "../model/send-state";

/** The "Envoi" block written below the indicators: the proof, in the workbook, that the report was received. */
export interface SendBlock {
  title: string;
  lines: { label: string; value: string }[];
}

export function buildSendBlock(receipt: SendReceiptRecord, language: "fr" | "en"): SendBlock {
  const fr = language === "fr";
  const status = receipt.alreadyReceived
    ? fr
      ? "Déjà reçu par le Département (contenu identique à l'envoi précédent)"
      : "Already received by the department (same content as the previous send)"
    : fr
      ? "Reçu par le Département"
      : "Received by the department";
  return {
    title: fr ? "Envoi au Département" : "Sent to the department",
    lines: [
      { label: fr ? "Statut" : "Status", value: status },
      { label: fr ? "Reçu le" : "Received on", value: formatDateTime(receipt.receivedAt) },
      { label: fr ? "Numéro d'envoi" : "Submission id", value: receipt.submissionId },
      { label: fr ? "Version" : "Version", value: String(receipt.version) },
      { label: fr ? "Période" : "Period", value: receipt.period },
      { label: "SIRET", value: receipt.siret },
      { label: fr ? "Hub départemental" : "Departmental hub", value: receipt.hub },
      { label: fr ? "Empreinte du contenu" : "Content fingerprint", value: receipt.contentHash },
    ],
  };
}
