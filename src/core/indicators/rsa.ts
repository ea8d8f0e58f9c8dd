import type { RsaStatus } from "../model/person";

/** RSA at hire [C]: OUI-M, OUI-NM, and a plain "Oui" that does not say which. */
export function isRsa(status: RsaStatus | null): boolean {
  return status !== null && status !== "NON";
}
