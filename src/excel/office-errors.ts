/**
 * Office.js errors (OfficeExtension.Error: a string `code`, an English `message`, `debugInfo`)
 * turned into French sentences the accountant can act on. The adapter throws OfficeUserError, which
 * the task pane shows as is (`userFacing`).
 */
export class OfficeUserError extends Error {
  override readonly name = "OfficeUserError";
  readonly userFacing = true;
  /** The Office error code, when the error came from Office; "TooManyCells" etc. for our own limits. */
  readonly code: string;
  /** What the pane needs to word the error in another language (our own limits: counts, sheet, range). */
  readonly params?: Readonly<Record<string, string | number>>;
  constructor(
    message: string,
    code: string,
    options?: { cause?: unknown; params?: Record<string, string | number> },
  ) {
    super(message, options);
    this.code = code;
    this.params = options?.params;
  }
}

const MESSAGES: Record<string, string> = {
  InvalidOperationInCellEditMode:
    "Une cellule est en cours de modification dans Excel. Appuyez sur Entrée ou Échap pour terminer la saisie, puis recommencez.",
  RequestPayloadSizeLimitExceeded:
    "La demande envoyée à Excel est trop volumineuse (limite de 5 Mo d'Excel sur le web). Réduisez la zone utilisée de la feuille ou utilisez la commande bilan-iae sur le fichier.",
  ResponsePayloadSizeLimitExceeded:
    "La réponse d'Excel est trop volumineuse (limite de 5 Mo d'Excel sur le web). Réduisez la zone utilisée de la feuille ou utilisez la commande bilan-iae sur le fichier.",
  ItemNotFound:
    "Excel ne trouve pas la feuille ou la cellule demandée : elle a peut-être été renommée ou supprimée. Relancez la vérification.",
  GeneralException:
    "Excel a rencontré une erreur interne. Enregistrez le classeur, fermez puis rouvrez le volet Bilan IAE et recommencez.",
  AccessDenied:
    "Excel refuse la modification : le classeur ou la feuille est peut-être protégé ou ouvert en lecture seule. Ôtez la protection puis recommencez.",
  InvalidArgument:
    "Excel a refusé une valeur envoyée par le complément. Relancez la vérification ; si le problème persiste, signalez-le avec le nom de la feuille.",
  InvalidReference: "La référence de cellule n'est pas valide pour Excel. Relancez la vérification.",
  InvalidOperation:
    "Excel n'autorise pas cette opération dans l'état actuel du classeur (feuille protégée, cellules fusionnées ou filtre actif ?).",
  ApiNotFound:
    "Cette version d'Excel ne propose pas une fonction nécessaire au complément. Mettez Excel à jour ou utilisez Excel sur le web.",
  Conflict: "Le classeur a été modifié en même temps par quelqu'un d'autre. Recommencez dans un instant.",
  InsertDeleteConflict:
    "Le classeur a été modifié en même temps par quelqu'un d'autre. Recommencez dans un instant.",
  ActivityLimitReached:
    "Excel limite le nombre d'opérations en cours. Patientez quelques secondes puis recommencez.",
  RequestAborted: "La demande à Excel a été interrompue. Recommencez.",
  ServiceNotAvailable: "Excel ne répond pas pour le moment. Patientez quelques secondes puis recommencez.",
  Unauthenticated: "Votre session Microsoft a expiré. Reconnectez-vous puis recommencez.",
  FilteredRangeConflict: "Un filtre actif empêche la modification. Retirez le filtre puis recommencez.",
};

/** The `code` of an OfficeExtension.Error (or anything shaped like one), else null. */
export function officeErrorCode(error: unknown): string | null {
  if (typeof error !== "object" || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && code !== "" ? code : null;
}

/** A French sentence for an error thrown by Office.js; `action` says what was being done. */
export function officeErrorMessage(error: unknown, action?: string): string {
  if (error instanceof OfficeUserError) return error.message;
  const code = officeErrorCode(error);
  const prefix = action ? `${action} : ` : "";
  if (code !== null && code in MESSAGES) return prefix + MESSAGES[code];
  const detail = error instanceof Error ? error.message : typeof error === "string" ? error : "";
  return `${prefix}Excel a renvoyé une erreur inattendue${code ? ` (${code})` : ""}${detail ? ` : ${detail}` : ""}. Recommencez ; si le problème persiste, signalez-le.`;
}

/** Wraps any error as an OfficeUserError with the French message (our own errors pass through). */
export function toOfficeUserError(error: unknown, action?: string): OfficeUserError {
  if (error instanceof OfficeUserError) return error;
  return new OfficeUserError(officeErrorMessage(error, action), officeErrorCode(error) ?? "Unknown", {
    cause: error,
  });
}
