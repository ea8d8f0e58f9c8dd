import { formatMessage } from "./format";
import type { Language } from "./i18n";

/**
 * Strings of the Consolider view (department mode), kept apart from the accountant's strings:
 * only the department's staff see them. French first; English mirrors every key.
 */
const fr = {
  title: "Consolider les bilans",
  intro:
    "Pour le Département : rassemblez les bilans des structures, depuis le hub départemental ou à partir des fichiers reçus. Aucun classeur ouvert n'est nécessaire.",
  sourceLabel: "Source des bilans",
  sourceHub: "Hub départemental",
  sourceFiles: "Fichiers reçus",
  hubUrl: "Adresse du hub",
  hubToken: "Jeton du Département",
  hubPeriod: "Période (2025, 2025-S1, 2025-Q1…)",
  hubHint:
    "L'adresse et le jeton restent dans ce navigateur, pour vous seul ; ils ne sont jamais écrits dans le classeur.",
  fetch: "Récupérer la consolidation",
  fetching: "Interrogation du hub…",
  hubMissing: "Indiquez l'adresse du hub et le jeton du Département.",
  settingsNotSaved:
    "Le navigateur refuse d'enregistrer les réglages : ils seront à ressaisir la prochaine fois.",
  pickFiles: "Choisir des bilans .xlsx",
  dropFiles: "ou déposez ici les fichiers reçus (plusieurs à la fois). Ils ne quittent pas votre ordinateur.",
  clearFiles: "Vider la liste",
  filesLabel: "Fichiers reçus",
  fileWaiting: "En attente",
  fileReading: "Lecture…",
  fileAnalysing: "Vérification…",
  fileValid: "Lu, sans erreur bloquante",
  fileInvalid: "Lu, {errors, plural, one {# erreur bloquante} other {# erreurs bloquantes}}",
  fileFailed: "Illisible : écarté",
  openFindings: "Voir les erreurs de « {name} » dans Vérifier",
  filesDone:
    "{read, plural, one {# fichier consolidé} other {# fichiers consolidés}}, {failed, plural, one {# illisible} other {# illisibles}}.",
  totalsTitle: "Totaux",
  structures: "Structures",
  reports: "Rapports",
  persons: "Personnes distinctes",
  kind: "Type",
  total: "Département",
  byKindLabel: "Totaux par type de structure",
  followUp:
    "Suivi des envois : {submitted, plural, one {# reçu} other {# reçus}} sur {expected, plural, one {# attendu} other {# attendus}}, {missing, plural, one {# manquant} other {# manquants}}.",
  missingNames: "Manquants : {names}.",
  invalidReports:
    "{count, plural, one {# bilan a des erreurs bloquantes} other {# bilans ont des erreurs bloquantes}} : ouvrez le fichier pour les voir, ou consultez la feuille « Suivi des envois » de la consolidation.",
  writeSheets: "Écrire les feuilles dans le classeur",
  sheetsWritten: "Feuilles « Consolidation », « Par type » et « Suivi des envois » écrites dans le classeur.",
  download: "Télécharger la consolidation (.xlsx)",
  downloaded: "Consolidation téléchargée : {name}",
  nothing: "Aucun bilan consolidé pour l'instant.",
  configLabel: "Réglages du Département (facultatif)",
  configHint:
    "Le fichier de réglages (.json) que le Département utilise pour ses bilans : seuils, heures annuelles par ETP, objectifs. Sans fichier, les réglages par défaut s'appliquent.",
  configPick: "Choisir le fichier de réglages…",
  configApplied: "Réglages appliqués : {name}",
  configDefault: "Réglages par défaut",
  configRemove: "Revenir aux réglages par défaut",
  configChanged: "Réglages changés : déposez à nouveau les fichiers pour les consolider avec ces réglages.",
};

export type ConsolidateKey = keyof typeof fr;

const en: Record<ConsolidateKey, string> = {
  title: "Consolidate the reports",
  intro:
    "For the department: gather the structures' reports, from the departmental hub or from the files received. No open workbook is needed.",
  sourceLabel: "Source of the reports",
  sourceHub: "Departmental hub",
  sourceFiles: "Files received",
  hubUrl: "Hub address",
  hubToken: "Department token",
  hubPeriod: "Period (2025, 2025-S1, 2025-Q1…)",
  hubHint:
    "The address and token stay in this browser, for you only; they are never written into the workbook.",
  fetch: "Get the consolidation",
  fetching: "Asking the hub…",
  hubMissing: "Enter the hub address and the department token.",
  settingsNotSaved: "The browser refuses to save the settings: you will have to enter them again next time.",
  pickFiles: "Choose .xlsx reports",
  dropFiles: "or drop the files received here (several at once). They do not leave your computer.",
  clearFiles: "Clear the list",
  filesLabel: "Files received",
  fileWaiting: "Waiting",
  fileReading: "Reading…",
  fileAnalysing: "Checking…",
  fileValid: "Read, no blocking error",
  fileInvalid: "Read, {errors, plural, one {# blocking error} other {# blocking errors}}",
  fileFailed: "Unreadable: left out",
  openFindings: "See the errors of “{name}” in Check",
  filesDone: "{read, plural, one {# file consolidated} other {# files consolidated}}, {failed} unreadable.",
  totalsTitle: "Totals",
  structures: "Structures",
  reports: "Reports",
  persons: "Distinct people",
  kind: "Kind",
  total: "Department",
  byKindLabel: "Totals by kind of structure",
  followUp: "Follow-up: {submitted} received of {expected} expected, {missing} missing.",
  missingNames: "Missing: {names}.",
  invalidReports:
    "{count, plural, one {# report has blocking errors} other {# reports have blocking errors}}: open the file to see them, or see the consolidation's “Suivi des envois” sheet.",
  writeSheets: "Write the sheets into the workbook",
  sheetsWritten: "Sheets “Consolidation”, “Par type” and “Suivi des envois” written into the workbook.",
  download: "Download the consolidation (.xlsx)",
  downloaded: "Consolidation downloaded: {name}",
  nothing: "No report consolidated yet.",
  configLabel: "Department settings (optional)",
  configHint:
    "The settings file (.json) the department uses for its reports: thresholds, annual hours per FTE, targets. Without a file, the default settings apply.",
  configPick: "Choose the settings file…",
  configApplied: "Settings applied: {name}",
  configDefault: "Default settings",
  configRemove: "Back to the default settings",
  configChanged: "Settings changed: drop the files again to consolidate them with these settings.",
};

const dictionaries: Record<Language, Record<ConsolidateKey, string>> = { fr, en };

export type ConsolidateTranslate = (key: ConsolidateKey, params?: Record<string, string | number>) => string;

export function consolidateTranslator(language: Language): ConsolidateTranslate {
  const dict = dictionaries[language];
  return (key, params) => formatMessage(dict[key], params, language);
}
