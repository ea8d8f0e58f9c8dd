import type { PersonRow } from "../model/person";
import type { RowRule, RuleEnv } from "./rule-env";

/** QPV codes: 2015 list QP + department on 3 characters + 3 digits; 2024 list QN + department + 2 digits + a letter. */
const QPV_2015 = /^QP(?:\d{3}|02[AB])\d{3}$/;
const QPV_2024 = /^QN(?:\d{3}|02[AB])\d{2}[A-Z]$/;

export function isQpvCode(code: string): boolean {
  const c = code.replace(/[\s\u00a0\u202f]/g, "").toUpperCase();
  return QPV_2015.test(c) || QPV_2024.test(c);
}

/** qpv-code-format: a code in neither format (error); a valid code while "Résident QPV" says Non (warning). */
export function qpvRules(env: RuleEnv): RowRule | null {
  return env.has("qpvCode") ? new QpvRules(env) : null;
}

/** One rule family: its state in fields, its findings in small methods. */
export class QpvRules implements RowRule {
  constructor(private readonly env: RuleEnv) {}

  check(row: PersonRow): void {
    const code = row.qpvCode;
    if (code === null) return;
    const env = this.env;
    if (!isQpvCode(code)) {
      env.findings.add("qpv-code-format", "error", () => ({
        ...env.at("qpvCode", row),
        value: code,
        message: `Le code QPV « ${code} » n'a pas un format connu : QP + département sur 3 caractères + 3 chiffres (liste 2015, ex. QP038001) ou QN + département + 2 chiffres + une lettre (liste 2024, ex. QN03801M). Recopiez le code depuis sig.ville.gouv.fr ou laissez la cellule vide.`,
      }));
    } else if (row.qpv === false) {
      env.findings.add("qpv-code-format", "warning", () => ({
        ...env.at("qpvCode", row),
        value: code,
        message: `Un code QPV (${code}) est indiqué alors que « Résident QPV » vaut Non. Mettez « Oui » si la personne réside dans ce quartier, sinon effacez le code.`,
      }));
    }
  }
}
