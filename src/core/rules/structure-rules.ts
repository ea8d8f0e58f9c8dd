import type { RuleEnv } from "./rule-env";
import { frDate, frNumber } from "./format";

/** La Poste's SIREN: its establishments' SIRETs follow a sum-of-digits rule instead of Luhn (INSEE). */
const LA_POSTE_SIREN = "356000000";

/** Luhn check over a string of digits (SIREN, SIRET): from the right, every second digit is doubled. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** A 14-digit SIRET passes its check: Luhn, or for La Poste a digit sum that is a multiple of 5. */
export function siretChecksumValid(siret: string): boolean {
  if (luhnValid(siret)) return true;
  if (!siret.startsWith(LA_POSTE_SIREN)) return false;
  let sum = 0;
  for (let i = 0; i < siret.length; i++) sum += siret.charCodeAt(i) - 48;
  return sum % 5 === 0;
}

/** Format of an annexe financière number [C: les-emplois validators]. */
const AF_NUMBER = /^(ACI|EI|AI|ETTI|EITI)\d{2}[A-Z\d]\d{6}(A\dM\d)?$/;

/** Structure-level rules: siret-format, af-number-format, period-invalid. Missing values are the reader's. */
export function checkStructure(env: RuleEnv): void {
  const { structure, findings } = env;

  if (structure.siret !== null) {
    const raw = structure.siret;
    // Spaces are allowed in input ("123 456 782 00010").
    const siret = raw.replace(/[\s\u00a0\u202f]/g, "");
    if (!/^\d{14}$/.test(siret)) {
      findings.add("siret-format", "error", () => ({
        ...env.structureAt("siret"),
        value: raw,
        message: `Le SIRET « ${raw} » doit comporter exactement 14 chiffres (${siret.replace(/\D/g, "").length} chiffre(s) trouvé(s)). Recopiez le SIRET de l'établissement depuis l'avis de situation INSEE.`,
      }));
    } else if (!siretChecksumValid(siret)) {
      findings.add("siret-format", "warning", () => ({
        ...env.structureAt("siret"),
        value: raw,
        message: `Le SIRET « ${raw} » a 14 chiffres mais sa clé de contrôle est fausse : un chiffre est probablement erroné ou inversé. Vérifiez-le sur l'avis de situation INSEE.`,
      }));
    }
  }

  if (structure.afNumber !== null) {
    const raw = structure.afNumber;
    // Case and spaces are typing accidents, not format errors.
    const af = raw.replace(/[\s\u00a0\u202f]/g, "").toUpperCase();
    if (!AF_NUMBER.test(af)) {
      findings.add("af-number-format", "warning", () => ({
        ...env.structureAt("afNumber"),
        value: raw,
        message: `Le numéro d'annexe financière « ${raw} » n'a pas le format attendu (type de structure, département, 7 caractères, puis éventuellement A…M…, par exemple ACI038190012A0M0). Recopiez-le depuis l'annexe financière signée.`,
      }));
    }
  }

  const { periodStart: start, periodEnd: end } = env;
  if (start !== null && end !== null) {
    if (start > end) {
      findings.add("period-invalid", "error", () => ({
        ...env.structureAt("periodStart"),
        value: frDate(start),
        message: `Le début de période (${frDate(start)}) est postérieur à la fin de période (${frDate(end)}). Corrigez l'une des deux dates (elles sont peut-être inversées).`,
      }));
    } else {
      const days = end - start + 1;
      const max = env.config.period.maxDays;
      if (days > max) {
        findings.add("period-invalid", "warning", () => ({
          ...env.structureAt("periodEnd"),
          value: frDate(end),
          message: `La période du ${frDate(start)} au ${frDate(end)} dure ${frNumber(days)} jours, plus que les ${frNumber(max)} jours d'un bilan annuel. Vérifiez les dates de début et de fin de période.`,
        }));
      }
    }
  }
}
