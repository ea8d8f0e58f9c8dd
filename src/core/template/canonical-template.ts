import type { ExitMotif } from "../model/config";
import type { PersonField, StructureField } from "../model/fields";
import { KINDS, type Kind } from "../model/kinds";
import { EDUCATION_LEVELS } from "../reference/education-levels";
import { FT_DURATIONS } from "../reference/ft-durations";
import { PRESCRIBERS } from "../reference/prescribers";

/**
 * The canonical reporting workbook (domain §2), as data. The xlsx writer (CLI `template`) and the
 * Office add-in (insertTemplate) both render it, so the two can never drift apart.
 */

export const TEMPLATE_SHEETS = {
  structure: "Structure",
  people: "Salariés",
  instructions: "Mode d'emploi",
  /** Hidden sheet holding long drop-down lists (data validation lists over 255 characters must be ranges). */
  lists: "Listes",
} as const;

export const DATE_FORMAT = "dd/mm/yyyy";
export const HOURS_FORMAT = "0.00";

export type TemplateValueKind = "text" | "date" | "number" | "list";

export interface TemplateStructureRow {
  key: StructureField;
  /** Label written in column A (the reader matches it, domain §2.1). */
  label: string;
  required: boolean;
  kind: TemplateValueKind;
  numFmt?: string;
  list?: readonly string[];
  /** French hint written in column C. */
  hint: string;
}

export interface TemplateColumn {
  field: PersonField;
  /** Canonical header (domain §2.2). */
  header: string;
  required: boolean;
  kind: TemplateValueKind;
  /** Column width in Excel characters. */
  width: number;
  numFmt?: string;
  /** Allowed values, in display order (drop-down list). */
  list?: readonly string[];
  /** French help shown as the header's note / input message. */
  help: string;
}

export interface CanonicalTemplate {
  kind: Kind | null;
  sheets: typeof TEMPLATE_SHEETS;
  structure: readonly TemplateStructureRow[];
  columns: readonly TemplateColumn[];
  /** Lines of the instructions sheet (French). */
  instructions: readonly string[];
}

export const YES_NO = ["Oui", "Non"] as const;
export const SEX_VALUES = ["F", "H"] as const;
export const RSA_VALUES = ["Non", "Oui - majoré", "Oui - non majoré"] as const;

/** "code - libellé", the form the reader accepts for coded lists (parse/code-table.ts). */
function codeLabel(e: { code: string; label: string }): string {
  return `${e.code} - ${e.label}`;
}

export function exitMotifValues(motifs: readonly ExitMotif[]): string[] {
  return motifs.map((m) => (m.code ? `${m.code} - ${m.label}` : m.label));
}

function structureRows(kind: Kind | null): TemplateStructureRow[] {
  return [
    {
      key: "siret",
      label: "SIRET",
      required: true,
      kind: "text",
      numFmt: "@",
      hint: "14 chiffres (les espaces sont acceptés)",
    },
    { key: "name", label: "Raison sociale", required: true, kind: "text", hint: "Nom de la structure" },
    {
      key: "kind",
      label: "Type de structure",
      required: true,
      kind: "list",
      list: KINDS,
      hint: kind ? `${kind} (pré-rempli)` : "ACI, AI, EI, ETTI ou EITI",
    },
    {
      key: "afNumber",
      label: "N° d'annexe financière",
      required: false,
      kind: "text",
      numFmt: "@",
      hint: "Exemple : ACI038190012A0M0",
    },
    {
      key: "department",
      label: "Département",
      required: true,
      kind: "text",
      numFmt: "@",
      hint: "Numéro du département : 01 à 95, 2A, 2B, 971 à 976",
    },
    {
      key: "periodStart",
      label: "Début de période",
      required: true,
      kind: "date",
      numFmt: DATE_FORMAT,
      hint: "jj/mm/aaaa",
    },
    {
      key: "periodEnd",
      label: "Fin de période",
      required: true,
      kind: "date",
      numFmt: DATE_FORMAT,
      hint: "jj/mm/aaaa",
    },
    {
      key: "fteConventioned",
      label: "ETP conventionnés",
      required: false,
      kind: "number",
      numFmt: "0.00",
      hint: "Nombre d'ETP de l'annexe financière",
    },
    {
      key: "annualHoursPerFte",
      label: "Heures annuelles pour 1 ETP",
      required: false,
      kind: "number",
      numFmt: "0",
      hint: "Laisser vide pour la valeur par défaut du type de structure",
    },
    {
      key: "cdCofinancedAmount",
      label: "Montant cofinancé par le Département",
      required: false,
      kind: "number",
      numFmt: "#,##0.00 €",
      hint: "En euros (ACI cofinancés par le Département)",
    },
  ];
}

function peopleColumns(motifs: readonly ExitMotif[]): TemplateColumn[] {
  const yesNo = (field: PersonField, header: string, required: boolean, help: string): TemplateColumn => ({
    field,
    header,
    required,
    kind: "list",
    width: Math.max(12, header.length + 2),
    list: YES_NO,
    help,
  });
  return [
    {
      field: "passNumber",
      header: "N° PASS IAE",
      required: false,
      kind: "text",
      width: 16,
      numFmt: "@",
      help: "12 chiffres ou lettres",
    },
    {
      field: "lastName",
      header: "Nom",
      required: false,
      kind: "text",
      width: 18,
      help: "Reste dans le classeur, n'est jamais transmis",
    },
    {
      field: "firstName",
      header: "Prénom",
      required: false,
      kind: "text",
      width: 16,
      help: "Reste dans le classeur, n'est jamais transmis",
    },
    {
      field: "sex",
      header: "Sexe",
      required: true,
      kind: "list",
      width: 7,
      list: SEX_VALUES,
      help: "F ou H",
    },
    {
      field: "birthDate",
      header: "Date de naissance",
      required: true,
      kind: "date",
      width: 13,
      numFmt: DATE_FORMAT,
      help: "jj/mm/aaaa",
    },
    {
      field: "postalCode",
      header: "Code postal",
      required: false,
      kind: "text",
      width: 10,
      numFmt: "@",
      help: "5 chiffres",
    },
    {
      field: "commune",
      header: "Commune",
      required: false,
      kind: "text",
      width: 18,
      help: "Commune de résidence",
    },
    yesNo(
      "qpv",
      "Résident QPV",
      true,
      "Oui si la personne habite un quartier prioritaire de la politique de la ville",
    ),
    {
      field: "qpvCode",
      header: "Code QPV",
      required: false,
      kind: "text",
      width: 12,
      numFmt: "@",
      help: "Exemple : QP038001 ou QN03801A",
    },
    yesNo("zrr", "Résident ZRR", false, "Oui si la personne habite une zone de revitalisation rurale"),
    {
      field: "rsa",
      header: "Bénéficiaire du RSA",
      required: true,
      kind: "list",
      width: 18,
      list: RSA_VALUES,
      help: "Situation à l'embauche",
    },
    yesNo("ass", "Allocataire ASS", false, "Allocation de solidarité spécifique"),
    yesNo("aah", "Allocataire AAH", false, "Allocation aux adultes handicapés"),
    yesNo("rqth", "RQTH", false, "Reconnaissance de la qualité de travailleur handicapé"),
    {
      field: "ftDuration",
      header: "Inscription France Travail",
      required: false,
      kind: "list",
      width: 22,
      list: FT_DURATIONS.map((d) => d.label),
      help: "Durée d'inscription à l'embauche",
    },
    {
      field: "educationLevel",
      header: "Niveau de formation",
      required: false,
      kind: "list",
      width: 34,
      list: EDUCATION_LEVELS.map(codeLabel),
      help: "Niveau de formation (référentiel ASP)",
    },
    {
      field: "prescriber",
      header: "Prescripteur",
      required: false,
      kind: "list",
      width: 30,
      list: PRESCRIBERS.map(codeLabel),
      help: "Orienteur (référentiel ASP)",
    },
    {
      field: "hireDate",
      header: "Date d'embauche",
      required: true,
      kind: "date",
      width: 13,
      numFmt: DATE_FORMAT,
      help: "Première embauche de ce parcours dans la structure",
    },
    {
      field: "contractEndDate",
      header: "Date de fin de contrat",
      required: false,
      kind: "date",
      width: 13,
      numFmt: DATE_FORMAT,
      help: "Fin de contrat prévue",
    },
    {
      field: "weeklyHours",
      header: "Durée hebdomadaire",
      required: false,
      kind: "number",
      width: 12,
      numFmt: HOURS_FORMAT,
      help: "Heures par semaine (20 à 48)",
    },
    {
      field: "hoursWorked",
      header: "Heures travaillées",
      required: true,
      kind: "number",
      width: 12,
      numFmt: HOURS_FORMAT,
      help: "Heures travaillées sur la période",
    },
    {
      field: "hoursSinceHire",
      header: "Heures depuis l'embauche",
      required: false,
      kind: "number",
      width: 14,
      numFmt: HOURS_FORMAT,
      help: "Heures cumulées dans la structure (AI et ETTI)",
    },
    {
      field: "exitDate",
      header: "Date de sortie",
      required: false,
      kind: "date",
      width: 13,
      numFmt: DATE_FORMAT,
      help: "Vide si la personne est toujours présente",
    },
    {
      field: "exitReason",
      header: "Motif de sortie",
      required: false,
      kind: "list",
      width: 40,
      list: exitMotifValues(motifs),
      help: "Obligatoire si une date de sortie est saisie",
    },
    {
      field: "derogation",
      header: "Dérogation",
      required: false,
      kind: "list",
      width: 12,
      list: YES_NO,
      help: "Oui si une dérogation (durée hebdomadaire, prolongation) existe",
    },
  ];
}

function instructions(kind: Kind | null): string[] {
  return [
    "Bilan IAE — mode d'emploi",
    "",
    `1. Remplissez la feuille « ${TEMPLATE_SHEETS.structure} » : SIRET, raison sociale, type de structure${kind ? ` (${kind})` : ""}, département et période sont obligatoires.`,
    `2. Dans la feuille « ${TEMPLATE_SHEETS.people} », saisissez une ligne par parcours de salarié en insertion présent sur la période (embauché avant la fin de période, sorti après son début ou toujours présent).`,
    "3. Utilisez les listes déroulantes pour les colonnes codées (Sexe, Oui/Non, RSA, France Travail, niveau de formation, prescripteur, motif de sortie).",
    "4. Dates au format jj/mm/aaaa. Heures en nombres décimaux (exemple : 151,67).",
    "5. Une date de sortie demande un motif de sortie, et inversement.",
    "6. Les colonnes en plus sont acceptées et ignorées ; ne renommez pas les en-têtes de la ligne 1.",
    "7. Vérifiez le classeur avec le complément Bilan IAE ou la commande « bilan-iae check » avant de l'envoyer.",
    "",
    "Confidentialité : les noms, prénoms, dates de naissance et adresses restent dans le classeur. Seuls les indicateurs et des données anonymisées sont transmis au Département.",
    "Ne saisissez jamais de numéro de sécurité sociale.",
  ];
}

/** The canonical template for a kind (null: kind left to fill), with the exit motifs of the configuration. */
export function canonicalTemplate(options: {
  kind?: Kind | null;
  exitMotifs: readonly ExitMotif[];
}): CanonicalTemplate {
  const kind = options.kind ?? null;
  return {
    kind,
    sheets: TEMPLATE_SHEETS,
    structure: structureRows(kind),
    columns: peopleColumns(options.exitMotifs),
    instructions: instructions(kind),
  };
}
