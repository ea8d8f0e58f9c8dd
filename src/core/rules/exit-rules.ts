import type { ExitMotif } from "../model/config";
import type { PersonRow } from "../model/person";
import { classifyExit, exitContext, type ExitContext } from "../exits/classify-exit";
import { isInReport } from "../indicators/population";
import type { RowRule, RuleEnv } from "./rule-env";
import { frDate, frNumber, plural } from "./format";
import { createMotifSuggester } from "./motif-suggest";

/**
 * exit-reason-missing, exit-reason-unknown, exit-too-short, exit-withdrawn, unknown-share-high.
 * Exits are classified by classifyExit, the function the indicators use, so both always agree.
 */
export function exitRules(env: RuleEnv): RowRule | null {
  const hasDate = env.has("exitDate");
  const hasReason = env.has("exitReason");
  if (!hasDate && !hasReason) return null;
  return new ExitRules(env, hasDate, hasReason);
}

/** One rule family: its state in fields, its findings in small methods. */
export class ExitRules implements RowRule {
  private readonly exitCtx: ExitContext;
  private readonly noNews: Set<string>;
  // Built on first use: most files have no unknown reason.
  private suggest: ((raw: string) => ExitMotif[]) | null = null;
  private exitsInPeriod = 0;
  private unknownOrNoNews = 0;

  constructor(
    private readonly env: RuleEnv,
    private readonly hasDate: boolean,
    private readonly hasReason: boolean,
  ) {
    this.exitCtx = exitContext(env.kind, env.periodStart, env.periodEnd, env.config, env.motifs);
    this.noNews = new Set(env.config.noNewsMotifCodes);
  }

  check(row: PersonRow): void {
    const exit = row.exitDate;
    const raw = row.exitReasonRaw;
    const reasonGiven = raw !== null || row.exitMotif !== null;
    if (this.hasDate && this.hasReason) {
      if (exit !== null && !reasonGiven) this.reasonMissing(row, exit);
      else if (exit === null && reasonGiven) this.dateMissing(row, raw);
    }
    if (this.hasReason && raw !== null && row.exitMotif === null) this.unknownReason(row, raw);
    // Rows hired after the period are outside the report for the indicators too (hire-after-period).
    if (this.hasDate && exit !== null && isInReport(row, this.env.periodEnd)) this.classify(row, exit);
  }

  finish(): void {
    const { env, exitsInPeriod, unknownOrNoNews, hasReason } = this;
    if (exitsInPeriod === 0) return;
    const config = env.config;
    const max = config.unknownExitShareMax;
    // Tolerance: exactly the threshold (e.g. 1 in 5 for 20 %) is not "more than".
    if (unknownOrNoNews <= max * exitsInPeriod + 1e-9) return;
    const share = unknownOrNoNews / exitsInPeriod;
    const noNews = this.noNews;
    const noNewsLabel =
      config.exitMotifs
        .filter((m) => m.code !== null && noNews.has(m.code))
        .map((m) => `« ${m.label} »`)
        .join(", ") || "« Sans nouvelle »";
    env.findings.add("unknown-share-high", "warning", () => ({
      ...env.header(hasReason ? "exitReason" : "exitDate"),
      value: `${percent(share)} (${unknownOrNoNews} sur ${exitsInPeriod})`,
      message:
        `${plural(unknownOrNoNews, "sortie", "sorties")} sur ${frNumber(exitsInPeriod)} de la période (${percent(share)}) ${unknownOrNoNews > 1 ? "sont" : "est"} ${noNewsLabel} ou sans motif reconnu, au-delà du seuil de ${percent(max)}. ` +
        (hasReason
          ? "Les taux de sortie sont alors peu fiables : complétez ou corrigez les motifs de sortie, en recontactant les personnes si possible."
          : "Aucune colonne « Motif de sortie » n'a été trouvée : ajoutez-la et indiquez le motif de chaque sortie."),
    }));
  }

  private classify(row: PersonRow, exit: number): void {
    const status = classifyExit(row, this.exitCtx);
    if (status.status === "none" || status.status === "outside") return;
    this.exitsInPeriod++;
    const motif = row.exitMotif === null ? undefined : this.env.motifs.byKey(row.exitMotif);
    if (!motif || (motif.code !== null && this.noNews.has(motif.code))) this.unknownOrNoNews++;
    if (status.status === "withdrawn") this.withdrawn(row, exit, motif);
    else if (status.status === "tooShort") this.tooShort(row, exit);
  }

  private reasonMissing(row: PersonRow, exit: number): void {
    const env = this.env;
    env.findings.add("exit-reason-missing", "error", () => ({
      ...env.at("exitReason", row),
      value: null,
      message: `Une date de sortie (${frDate(exit)}) est indiquée sans motif de sortie. Indiquez le motif (code ou libellé de la table des motifs), ou effacez la date si la personne n'est pas sortie.`,
    }));
  }

  private dateMissing(row: PersonRow, raw: string | null): void {
    const env = this.env;
    env.findings.add("exit-reason-missing", "error", () => ({
      ...env.at("exitDate", row),
      value: raw,
      message: `Un motif de sortie (« ${raw ?? row.exitMotif} ») est indiqué sans date de sortie lisible. Indiquez la date de sortie (jj/mm/aaaa), ou effacez le motif si la personne est toujours présente.`,
    }));
  }

  private unknownReason(row: PersonRow, raw: string): void {
    const env = this.env;
    env.findings.add("exit-reason-unknown", "error", () => {
      this.suggest ??= createMotifSuggester(env.config.exitMotifs);
      const close = this.suggest(raw);
      const hint = close.length
        ? ` Motifs proches : ${close.map((m) => `« ${m.code ? `${m.code} - ` : ""}${m.label} »`).join(", ")}.`
        : "";
      return {
        ...env.at("exitReason", row),
        value: raw,
        message: `Le motif de sortie « ${raw} » n'est pas reconnu.${hint} Indiquez un code ou un libellé de la table des motifs de sortie.`,
      };
    });
  }

  private withdrawn(row: PersonRow, exit: number, motif: ExitMotif | undefined): void {
    const env = this.env;
    env.findings.add("exit-withdrawn", "info", () => ({
      ...env.at("exitReason", row),
      value: row.exitReasonRaw ?? motif?.label ?? null,
      message: `La sortie du ${frDate(exit)} (« ${motif?.label ?? row.exitReasonRaw} ») fait partie des retraits des sorties constatées : elle est exclue des taux de sortie (numérateur et dénominateur). Aucune correction nécessaire si le motif est exact.`,
    }));
  }

  private tooShort(row: PersonRow, exit: number): void {
    const env = this.env;
    env.findings.add("exit-too-short", "info", () => ({
      ...env.at("exitDate", row),
      value: frDate(exit),
      message: `La sortie du ${frDate(exit)} n'est pas examinée : ${tooShortReason(env, row)}. Elle n'entre pas dans les taux de sortie. Aucune correction nécessaire si les dates et les heures sont exactes.`,
    }));
  }
}

function percent(share: number): string {
  return `${frNumber(Math.round(share * 1000) / 10)} %`;
}

function tooShortReason(env: RuleEnv, row: PersonRow): string {
  const stay = env.kind ? env.config.minimumStay[env.kind] : null;
  if (stay && "months" in stay && row.hireDate !== null) {
    return `le parcours (embauche le ${frDate(row.hireDate)}) a duré moins de ${plural(stay.months, "mois", "mois")}, durée minimale pour une ${env.kind}`;
  }
  if (stay && "hours" in stay) {
    const hours = row.hoursSinceHire ?? row.hoursWorked ?? 0;
    return `la personne a travaillé ${plural(hours, "heure", "heures")} dans la structure, moins que les ${frNumber(stay.hours)} heures minimales pour une ${env.kind}`;
  }
  return "le parcours est plus court que la durée minimale";
}
