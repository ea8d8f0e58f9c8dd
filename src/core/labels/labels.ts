import type { ExitCategory } from "../model/config";
import type { FindingCode, Severity } from "../model/findings";
import type { Kind } from "../model/kinds";

export interface Label {
  fr: string;
  en: string;
}

export const KIND_LABELS: Record<Kind, Label> = {
  ACI: { fr: "Atelier et chantier d'insertion", en: "Integration workshop and worksite" },
  AI: { fr: "Association intermédiaire", en: "Intermediary association" },
  EI: { fr: "Entreprise d'insertion", en: "Integration enterprise" },
  ETTI: { fr: "Entreprise de travail temporaire d'insertion", en: "Integration temporary work agency" },
  EITI: {
    fr: "Entreprise d'insertion par le travail indépendant",
    en: "Integration enterprise through self-employment",
  },
};

/** Exit categories as the ASP names them [C] (domain §4.2). */
export const EXIT_CATEGORY_LABELS: Record<ExitCategory, Label> = {
  durable: { fr: "Emploi durable", en: "Lasting job" },
  transition: { fr: "Emploi de transition", en: "Transition job" },
  positive: { fr: "Sorties positives", en: "Positive exits" },
  other: { fr: "Autres sorties", en: "Other exits" },
  withdrawn: { fr: "Retrait des sorties constatées", en: "Withdrawn from recorded exits" },
};

export const SEVERITY_LABELS: Record<Severity, Label> = {
  error: { fr: "Erreur", en: "Error" },
  warning: { fr: "Avertissement", en: "Warning" },
  info: { fr: "Information", en: "Information" },
};

/** Short titles of the rule codes (domain §3), for reports grouped by rule. */
export const FINDING_LABELS: Record<FindingCode, Label> = {
  "header-not-found": { fr: "Ligne d'en-tête introuvable", en: "Header row not found" },
  "column-missing": { fr: "Colonne manquante", en: "Missing column" },
  "column-duplicate": { fr: "Colonne en double", en: "Duplicate column" },
  "column-sensitive": { fr: "Colonne de données sensibles", en: "Sensitive data column" },
  "structure-field-missing": {
    fr: "Information de structure manquante",
    en: "Missing structure information",
  },
  "siret-format": { fr: "SIRET invalide", en: "Invalid SIRET" },
  "structure-kind-unknown": { fr: "Type de structure inconnu", en: "Unknown structure kind" },
  "af-number-format": { fr: "N° d'annexe financière mal formé", en: "Malformed funding annex number" },
  "period-invalid": { fr: "Période invalide", en: "Invalid period" },
  "value-required": { fr: "Valeur obligatoire manquante", en: "Required value missing" },
  "value-invalid": { fr: "Valeur illisible", en: "Unreadable value" },
  "cell-error": { fr: "Erreur Excel dans une cellule", en: "Excel error in a cell" },
  "pass-format": { fr: "N° PASS IAE mal formé", en: "Malformed PASS IAE number" },
  "duplicate-person": { fr: "Personne en double", en: "Duplicate person" },
  "age-range": { fr: "Âge à l'embauche hors limites", en: "Age at hire out of range" },
  "hire-after-period": { fr: "Embauche après la fin de période", en: "Hire after the period end" },
  "exit-before-hire": { fr: "Sortie avant l'embauche", en: "Exit before hire" },
  "exit-reason-missing": { fr: "Date ou motif de sortie manquant", en: "Exit date or reason missing" },
  "exit-reason-unknown": { fr: "Motif de sortie inconnu", en: "Unknown exit reason" },
  "exit-outside-period": { fr: "Sortie hors de la période", en: "Exit outside the period" },
  "hours-negative": { fr: "Heures négatives", en: "Negative hours" },
  "hours-implausible": { fr: "Heures invraisemblables", en: "Implausible hours" },
  "no-hours": { fr: "Aucune heure sur la période", en: "No hours in the period" },
  "weekly-hours-low": {
    fr: "Durée hebdomadaire inférieure au minimum",
    en: "Weekly hours below the minimum",
  },
  "weekly-hours-max": { fr: "Durée hebdomadaire au-delà du maximum", en: "Weekly hours above the maximum" },
  "contract-too-short": { fr: "Contrat prévu trop court", en: "Planned contract too short" },
  "path-too-long": { fr: "Parcours trop long", en: "Path too long" },
  "qpv-code-format": { fr: "Code QPV mal formé", en: "Malformed QPV code" },
  "exit-too-short": { fr: "Sortie avant la durée minimale", en: "Exit before the minimum stay" },
  "exit-withdrawn": { fr: "Sortie retirée des taux", en: "Exit withdrawn from the rates" },
  "unknown-share-high": {
    fr: "Trop de sorties sans nouvelle ou inconnues",
    en: "Too many no-news or unknown exits",
  },
  "row-not-person": { fr: "Ligne qui n'est pas une personne", en: "Row that is not a person" },
  "sheet-ignored": { fr: "Feuille non lue", en: "Sheet not read" },
  "sheets-combined": { fr: "Feuilles lues ensemble", en: "Sheets read together" },
  "structure-kind-ambiguous": { fr: "Type de structure ambigu", en: "Ambiguous structure kind" },
  "formula-no-value": { fr: "Formule sans valeur calculée", en: "Formula without a computed value" },
  "hours-from-months": {
    fr: "Heures prises des colonnes mensuelles",
    en: "Hours taken from the monthly columns",
  },
  "checkbox-column": { fr: "Colonne de cases à cocher", en: "Check-box column" },
  "structure-value-shared": {
    fr: "Valeur commune à plusieurs conventions",
    en: "Value shared by several conventions",
  },
};
