/**
 * The value domains of a submission's person record (payload v1), shared by the zod schema (the definition
 * and the error reporter) and the fast checker the hub runs first on every record.
 */

/**
 * Pseudonymous key: HMAC-SHA-256 (hex, 64 characters) of the normalised PASS IAE or name + birth date, with the
 * department key. Requiring the HMAC shape keeps a plain PASS number or a name from passing as a key.
 */
export const PERSON_KEY_PATTERN = /^[0-9a-f]{64}$/;

/** 1 for the characters of a lowercase hex digit (0-9, a-f), by char code below 128. */
const HEX_DIGIT = new Uint8Array(128);
for (const c of "0123456789abcdef") HEX_DIGIT[c.charCodeAt(0)] = 1;

/**
 * PERSON_KEY_PATTERN without a regular expression (the hub checks 300 keys per submission): one table read
 * per character and no branch until the end.
 */
export function isPersonKey(v: string): boolean {
  if (v.length !== 64) return false;
  let ok = 1;
  for (let i = 0; i < 64; i++) {
    const c = v.charCodeAt(i);
    ok &= c < 128 ? HEX_DIGIT[c]! : 0;
  }
  return ok === 1;
}
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const EDUCATION_LEVEL_PATTERN = /^\d{2}$/;
export const SEXES = ["F", "H"] as const;
export const RSA_VALUES = ["NON", "OUI-M", "OUI-NM", "OUI"] as const;
export const FT_DURATIONS = ["00", "01", "02", "03", "04"] as const;
export const BIRTH_YEAR_MIN = 1900;
export const BIRTH_YEAR_MAX = 2100;
/** Hours are bounded so a typo cannot overflow sums; negative hours are an error the client reports, kept as sent. */
export const HOURS_LIMIT = 100_000;
export const EXIT_MOTIF_MAX_LENGTH = 100;
export const MAX_RECORDS = 200_000;
