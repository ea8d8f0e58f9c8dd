import { HubError, PayloadRefused } from "../../client";
import type { Translate } from "../i18n/i18n";
import { userMessage } from "../errors";

/** Why a send did not end with a receipt, as the view shows it. */
export interface SendFailure {
  kind: "queued" | "unauthorized" | "forbidden" | "too-large" | "invalid" | "refused" | "other";
  message: string;
  /** The hub's own words (its `detail`), when it gave some. */
  detail: string | null;
  /** 422: the payload's pointers the hub rejected; a refused payload: the problems found before sending. */
  problems: string[];
}

/** Turns what sending threw into what the accountant should do about it. */
export function sendFailureOf(error: unknown, t: Translate, siret: string | null): SendFailure {
  if (error instanceof PayloadRefused)
    return { kind: "refused", message: error.message, detail: null, problems: error.problems };
  if (error instanceof HubError) {
    const detail = error.status !== null && error.message ? error.message : null;
    switch (error.status) {
      case 401:
        return { kind: "unauthorized", message: t("sendUnauthorized"), detail, problems: [] };
      case 403:
        return {
          kind: "forbidden",
          message: t("sendForbidden", { siret: siret ?? "—" }),
          detail,
          problems: [],
        };
      case 413:
        return { kind: "too-large", message: t("sendTooLarge"), detail, problems: [] };
      case 422:
        return {
          kind: "invalid",
          message: t("sendInvalid"),
          detail,
          problems: error.errors.map((e) => `${e.pointer} : ${e.detail}`),
        };
    }
    // No status: a bad address or a missing token, already said in French by the client.
    return {
      kind: error.kind === "unauthorized" ? "unauthorized" : "refused",
      message: error.message,
      detail: null,
      problems: [],
    };
  }
  return { kind: "other", message: userMessage(error, t), detail: null, problems: [] };
}
