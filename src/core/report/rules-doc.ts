import type { RulesConfig } from "../model/config";
import { FINDING_CODES } from "../model/findings";
import { INDICATOR_KEYS } from "../model/indicators";
import { KINDS } from "../model/kinds";
import { FINDING_RULES } from "../labels/finding-rules";
import { EXIT_CATEGORY_LABELS, FINDING_LABELS, SEVERITY_LABELS } from "../labels/labels";
import { INDICATOR_LABELS } from "../labels/indicator-labels";

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
const pct = (x: number) => `${String(Math.round(x * 1000) / 10).replace(".", ",")} %`;

/**
 * docs/regles-et-indicateurs.md, built from the engine's own labels, rule meanings, indicator definitions
 * and shipped defaults (written by `npm run docs:rules`; a test fails when the file is stale).
 */
export function rulesDocument(config: RulesConfig): string {
  const out: string[] = [];
  out.push("# Règles et indicateurs de Bilan IAE", "");
  out.push(
    "Ce document est produit à partir du moteur lui-même (`npm run docs:rules`) : les codes des anomalies, leur gravité et",
    "leur sens, la définition de chaque indicateur, la table des motifs de sortie et les réglages par défaut. Un",
    "Département peut remplacer les réglages et la table des motifs (fichier de réglages du hub ou `--config`).",
    "",
  );
  out.push(`Version des règles : **${config.rulesVersion}**.`, "");

  out.push("## 1. Anomalies", "");
  out.push(
    "Une **erreur** bloque l'envoi ; un **avertissement** est envoyé et signalé ; une **information** explique ce qu'un indicateur a écarté.",
    "",
  );
  out.push("| code | titre | gravité | ce qui est vérifié |", "|---|---|---|---|");
  for (const code of FINDING_CODES) {
    const r = FINDING_RULES[code];
    out.push(
      `| \`${code}\` | ${cell(FINDING_LABELS[code].fr)} | ${r.severities.map((s) => SEVERITY_LABELS[s].fr.toLowerCase()).join(", ")} | ${cell(r.fr)} |`,
    );
  }
  out.push("");

  out.push("## 2. Indicateurs", "");
  out.push(
    "Les clés sont celles de la sortie JSON de `bilan-iae indicators`, de l'envoi au hub et de la consolidation.",
    "",
  );
  out.push("| clé | indicateur | définition |", "|---|---|---|");
  for (const key of INDICATOR_KEYS) {
    const l = INDICATOR_LABELS[key];
    out.push(`| \`${key}\` | ${cell(l.fr)} | ${cell(l.definitionFr)} |`);
  }
  out.push("");

  out.push("## 3. Réglages par défaut", "");
  out.push("| réglage | " + KINDS.join(" | ") + " |", "|---|" + KINDS.map(() => "---|").join(""));
  out.push(
    "| heures annuelles pour 1 ETP | " +
      KINDS.map((k) => `${config.annualHoursPerFte[k]} h`).join(" | ") +
      " |",
  );
  out.push(
    "| durée minimale avant qu'une sortie soit examinée | " +
      KINDS.map((k) => {
        const m = config.minimumStay[k];
        return m === null ? "aucune" : "months" in m ? `${m.months} mois` : `${m.hours} heures`;
      }).join(" | ") +
      " |",
  );
  out.push("");
  const c = config;
  out.push(
    "| réglage | valeur |",
    "|---|---|",
    `| âge à l'embauche | de ${c.age.min} ans à moins de ${c.age.max} ans |`,
    `| jeunes / seniors | moins de ${c.age.youngUnder} ans / ${c.age.seniorFrom} ans et plus (année de fin de période − année de naissance) |`,
    `| durée hebdomadaire | au moins ${c.weeklyHours.min} h (${c.weeklyHours.minKinds.join(", ")}, sauf dérogation), au plus ${c.weeklyHours.max} h |`,
    `| contrat prévu | au moins ${c.contract.minMonths} mois (${c.contract.minKinds.join(", ")}) |`,
    `| parcours | au plus ${c.contract.maxMonths} mois sans dérogation, ${c.contract.maxMonthsWithDerogation} mois avec |`,
    `| heures plausibles | au plus ${c.maxHoursPerWeek} h par semaine de présence |`,
    `| période | au plus ${c.period.maxDays} jours |`,
    `| sorties sans nouvelle ou inconnues | avertissement au-delà de ${pct(c.unknownExitShareMax)} des sorties (motifs ${c.noNewsMotifCodes.join(", ")}) |`,
    `| objectifs | sorties dynamiques ${pct(c.targets.rateDynamic)}, emploi durable ${pct(c.targets.rateDurable)} |`,
    `| niveaux de formation | infra-CAP : ${c.education.belowCap.join(", ")} ; CAP-BEP : ${c.education.capBep.join(", ")} ; non certifié : ${c.education.nonCertified.join(", ")} |`,
    "",
  );

  out.push("## 4. Motifs de sortie", "");
  out.push("| code | motif | catégorie | autres libellés reconnus |", "|---|---|---|---|");
  for (const m of config.exitMotifs) {
    out.push(
      `| ${m.code ?? "—"} | ${cell(m.label)} | ${EXIT_CATEGORY_LABELS[m.category].fr} | ${cell(m.aliases.join(" ; "))} |`,
    );
  }
  out.push("");
  return out.join("\n");
}
