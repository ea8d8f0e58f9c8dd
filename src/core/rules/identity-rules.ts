import type { PersonRow } from "../model/person";
import { createNormalizer } from "../text/normalize";
import { PASS_SHAPE } from "../parse/identifiers";
import type { RowRule, RuleEnv } from "./rule-env";

/** PASS IAE as compared: spaces, dots and dashes removed, upper case (domain §2.2). */
export function normalizePass(raw: string): string {
  return raw.replace(/[\s.\-\u00a0\u202f]/g, "").toUpperCase();
}

const DIGITS = /^\d{12}$/;

/** pass-format and duplicate-person (same PASS, or same last name + first name + birth date). */
export function identityRules(env: RuleEnv): RowRule | null {
  const hasPass = env.has("passNumber");
  const hasNames = env.has("lastName") && env.has("firstName") && env.has("birthDate");
  if (!hasPass && !hasNames) return null;
  return new IdentityRules(env, hasPass, hasNames);
}

/** Where a row sits, for messages: "ligne 12", or "ligne 12 de la feuille « Site Gap »" across sheets. */
function rowName(first: PersonRow, row: PersonRow): string {
  return first.sheet === row.sheet
    ? `la ligne ${first.excelRow}`
    : `la ligne ${first.excelRow} de la feuille « ${first.sheet} »`;
}

export class IdentityRules implements RowRule {
  private readonly byPass = new Map<string, PersonRow>();
  private readonly byName = new Map<string, PersonRow>();
  // Names repeat (first names especially): normalised once each.
  private readonly norm = createNormalizer(50000);

  constructor(
    private readonly env: RuleEnv,
    private readonly hasPass: boolean,
    private readonly hasNames: boolean,
  ) {}

  check(row: PersonRow): void {
    let reported = false;
    if (this.hasPass && row.passNumber !== null) {
      // Nearly every PASS is already 12 clean characters: no normalising then.
      const pass = PASS_SHAPE.test(row.passNumber) ? row.passNumber : normalizePass(row.passNumber);
      if (!PASS_SHAPE.test(pass)) this.passMalformed(row, pass);
      else {
        if (!DIGITS.test(pass)) this.passLettered(row);
        // Only a well-formed PASS identifies a person ("EN COURS" on ten rows is not one person).
        const first = this.byPass.get(pass);
        if (first) {
          this.duplicatePass(row, first);
          reported = true;
        } else this.byPass.set(pass, row);
      }
    }
    if (this.hasNames && row.lastName !== null && row.firstName !== null && row.birthDate !== null) {
      const key = `${this.norm(row.lastName)}|${this.norm(row.firstName)}|${row.birthDate}`;
      const first = this.byName.get(key);
      // One finding per row: a row already reported for its PASS is not reported again for its name.
      if (first && !reported) this.duplicateName(row, first);
      else if (!first) this.byName.set(key, row);
    }
  }

  private passMalformed(row: PersonRow, pass: string): void {
    const raw = row.passNumber ?? "";
    this.env.findings.add("pass-format", "error", () => ({
      ...this.env.at("passNumber", row),
      value: raw,
      message: `Le numéro de PASS IAE « ${raw} » doit comporter 12 lettres ou chiffres (${pass.length} caractère(s) utile(s) trouvé(s)). Recopiez-le depuis la décision d'agrément ou les emplois de l'inclusion.`,
    }));
  }

  private passLettered(row: PersonRow): void {
    const raw = row.passNumber ?? "";
    this.env.findings.add("pass-format", "warning", () => ({
      ...this.env.at("passNumber", row),
      value: raw,
      message: `Le numéro de PASS IAE « ${raw} » contient des lettres alors qu'il est normalement composé de 12 chiffres. Vérifiez qu'aucun chiffre n'a été remplacé par une lettre (O pour 0, I pour 1).`,
    }));
  }

  private duplicatePass(row: PersonRow, first: PersonRow): void {
    const raw = row.passNumber ?? "";
    this.env.findings.add("duplicate-person", "error", () => ({
      ...this.env.at("passNumber", row),
      value: raw,
      message: `Le PASS IAE ${raw} figure déjà à ${rowName(first, row)}. Une personne ne doit apparaître qu'une fois par parcours : supprimez le doublon ou corrigez le numéro.`,
    }));
  }

  private duplicateName(row: PersonRow, first: PersonRow): void {
    this.env.findings.add("duplicate-person", "error", () => ({
      ...this.env.at("lastName", row),
      value: `nom + prénom + date de naissance identiques à ${rowName(first, row)}`,
      message: `Cette personne (même nom, prénom et date de naissance) figure déjà à ${rowName(first, row)}. Supprimez le doublon, ou fusionnez les deux lignes s'il s'agit du même parcours.`,
    }));
  }
}
