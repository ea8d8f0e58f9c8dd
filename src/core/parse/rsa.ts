import type { RsaStatus } from "../model/person";
import { normalizeLabel } from "./normalize-code";
import { INVALID, isEmptyCell, MAX_CELL_TEXT, trimCell, type Parsed } from "./outcome";
import { TextMemo } from "./text-memo";
import { CHECK_MARKS } from "./yes-no";

/** RSA at hire (domain §2.2): labels and ASP codes, normalised. A plain yes is "OUI" (majoré unknown). */
const RSA_WORDS = new Map<string, RsaStatus>();
for (const w of ["non", "n", "no", "0", "faux", "false", "non beneficiaire", "pas de rsa", "aucun"])
  RSA_WORDS.set(w, "NON");
for (const w of [
  "oui",
  "o",
  "yes",
  "y",
  "x",
  "1",
  "vrai",
  "true",
  "rsa",
  "brsa",
  "beneficiaire",
  "oui rsa",
  "rsa socle",
])
  RSA_WORDS.set(w, "OUI");
for (const w of ["oui m", "oui majore", "majore", "rsa majore", "oui rsa majore"]) RSA_WORDS.set(w, "OUI-M");
for (const w of ["oui nm", "oui non majore", "non majore", "rsa non majore", "oui rsa non majore"])
  RSA_WORDS.set(w, "OUI-NM");

/** Non / Oui / Oui - majoré / Oui - non majoré, ASP codes NON, OUI-M, OUI-NM; booleans and 1/0 too. */
export function parseRsa(v: unknown): Parsed<RsaStatus> {
  if (typeof v === "string") {
    return memo.get(v);
  }
  if (typeof v === "boolean") return v ? "OUI" : "NON";
  if (typeof v === "number") return v === 1 ? "OUI" : v === 0 ? "NON" : INVALID;
  if (v === null || v === undefined) return null;
  return INVALID;
}

function rsaFromText(s: string): Parsed<RsaStatus> {
  if (isEmptyCell(s)) return null;
  if (s.length > MAX_CELL_TEXT) return INVALID;
  const t = trimCell(s);
  if (t === "-" || t === "\u2013") return "NON";
  const mark = CHECK_MARKS.get(t);
  if (mark !== undefined) return mark ? "OUI" : "NON";
  return RSA_WORDS.get(normalizeLabel(t)) ?? INVALID;
}

const memo = new TextMemo(rsaFromText);
