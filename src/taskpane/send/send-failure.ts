import { hubFailureOf, isHubError, PayloadRefused } from "../../client";
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
  if (isHubError(error)) {
    const failure = hubFailureOf(error);
    const detail = failure.status !== null && error.message ? error.message : null;
    switch (failure.status) {
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
          // The hub's words after the pointer, with the colon each language writes.
          problems: failure.errors.map(
            (e) => `${e.pointer}${t.language === "fr" ? "\u00a0: " : ": "}${e.detail}`,
          ),
        };
    }
    // No status: a bad address, a missing token or an unreachable hub, worded in the pane's language.
    return {
      kind: failure.kind === "unauthorized" ? "unauthorized" : "refused",
      message: userMessage(error, t),
      detail: null,
      problems: [],
    };
  }
  return { kind: "other", message: userMessage(error, t), detail: null, problems: [] };
}
