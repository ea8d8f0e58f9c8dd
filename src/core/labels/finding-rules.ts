import type { FindingCode, Severity } from "../model/findings";

/**
 * What each rule checks, in French, with the severities it can take (domain §3): the source of the
 * user-facing account of the rules (docs/regles-et-indicateurs.md, generated).
 */
export const FINDING_RULES: Record<FindingCode, { severities: Severity[]; fr: string }> = {
  "header-not-found": {
    severities: ["error"],
    fr: "Aucune ligne des 30 premières d'une feuille ne porte au moins 4 en-têtes reconnus : le tableau des salariés est introuvable.",
  },
  "column-missing": {
    severities: ["error", "warning"],
    fr: "Une colonne obligatoire (sexe, date ou année de naissance, RSA, date d'embauche, heures) manque : erreur. QPV, PASS IAE ou date de sortie manquent : avertissement (les indicateurs qui en dépendent restent vides).",
  },
  "column-duplicate": {
    severities: ["warning"],
    fr: "Deux colonnes désignent le même champ : la plus précise est lue, l'autre est nommée.",
  },
  "column-sensitive": {
    severities: ["warning"],
    fr: "Une colonne ressemble à un numéro de sécurité sociale (NIR) : elle n'est ni lue ni envoyée.",
  },
  "structure-field-missing": {
    severities: ["error"],
    fr: "SIRET, raison sociale, type, département, début ou fin de période manquent dans le bloc Structure.",
  },
  "siret-format": {
    severities: ["error", "warning"],
    fr: "Le SIRET n'a pas 14 chiffres (erreur) ; sa clé de contrôle est fausse (avertissement ; les SIRET de La Poste en sont exemptés).",
  },
  "structure-kind-unknown": {
    severities: ["error"],
    fr: "Le type de structure n'est ni ACI, ni AI, ni EI, ni ETTI, ni EITI (codes de mesure ASP acceptés).",
  },
  "af-number-format": {
    severities: ["warning"],
    fr: "Le numéro d'annexe financière ne suit pas la forme ACI038190012A0M0.",
  },
  "period-invalid": {
    severities: ["error", "warning"],
    fr: "Le début de période est après la fin (erreur), ou la période dépasse 366 jours (avertissement).",
  },
  "value-required": {
    severities: ["error"],
    fr: "Une cellule obligatoire est vide (sexe, date de naissance, RSA, date d'embauche, heures).",
  },
  "value-invalid": {
    severities: ["error"],
    fr: "Une valeur ne peut pas être lue pour son champ (date impossible, nombre, code inconnu).",
  },
  "cell-error": {
    severities: ["error"],
    fr: "La cellule contient une erreur Excel (#N/A, #REF!, #VALEUR!…).",
  },
  "pass-format": {
    severities: ["error", "warning"],
    fr: "Le PASS IAE n'a pas 12 lettres ou chiffres (erreur) ; il contient des lettres (avertissement).",
  },
  "duplicate-person": {
    severities: ["error"],
    fr: "Le même PASS IAE, ou les mêmes nom, prénom et date de naissance, sur deux lignes (y compris sur deux feuilles lues ensemble).",
  },
  "age-range": {
    severities: ["error"],
    fr: "L'âge à l'embauche est inférieur au minimum ou atteint le maximum.",
  },
  "hire-after-period": {
    severities: ["error"],
    fr: "La date d'embauche est après la fin de période : la ligne n'appartient pas à ce bilan.",
  },
  "exit-before-hire": { severities: ["error"], fr: "La date de sortie est avant la date d'embauche." },
  "exit-reason-missing": {
    severities: ["error"],
    fr: "Une date de sortie sans motif, ou un motif sans date de sortie.",
  },
  "exit-reason-unknown": {
    severities: ["error"],
    fr: "Le motif de sortie ne correspond à aucun code, libellé ou alias de la table des motifs.",
  },
  "exit-outside-period": {
    severities: ["warning"],
    fr: "La date de sortie est hors de la période : la sortie n'est pas comptée dans ce bilan.",
  },
  "hours-negative": { severities: ["error"], fr: "Heures travaillées négatives." },
  "hours-implausible": {
    severities: ["warning"],
    fr: "Plus d'heures que le maximum hebdomadaire multiplié par les semaines de présence sur la période.",
  },
  "no-hours": {
    severities: ["info"],
    fr: "0 heure sur la période : la personne n'est pas comptée parmi les salariés.",
  },
  "weekly-hours-low": {
    severities: ["warning"],
    fr: "Durée hebdomadaire sous le minimum (ACI, EI) sans dérogation.",
  },
  "weekly-hours-max": { severities: ["error"], fr: "Durée hebdomadaire au-delà du maximum légal." },
  "contract-too-short": {
    severities: ["warning"],
    fr: "Contrat prévu (embauche → fin de contrat) plus court que la durée minimale (ACI, EI, AI).",
  },
  "path-too-long": {
    severities: ["warning", "error"],
    fr: "Parcours (embauche → sortie ou fin de période) plus long que la durée maximale sans dérogation (avertissement), ou que la durée maximale avec dérogation (erreur).",
  },
  "qpv-code-format": {
    severities: ["error", "warning"],
    fr: "Code QPV dans aucun des deux formats (erreur) ; code QPV donné avec « Résident QPV » = Non (avertissement).",
  },
  "exit-too-short": {
    severities: ["info"],
    fr: "Sortie non examinée : séjour plus court que la durée minimale (ACI, EI : 3 mois ; AI, ETTI : 150 heures).",
  },
  "exit-withdrawn": {
    severities: ["info"],
    fr: "Sortie de la catégorie « retrait » : exclue des taux de sortie.",
  },
  "unknown-share-high": {
    severities: ["warning"],
    fr: "Trop de sorties « sans nouvelle » ou de catégorie inconnue.",
  },
  "row-not-person": {
    severities: ["info"],
    fr: "Une ligne de total (tableau Excel, « Total », « Sous-total », « Moyenne », formules SOMME ou SOUS.TOTAL) ou une note sous le tableau : elle n'est pas comptée.",
  },
  "sheet-ignored": {
    severities: ["warning"],
    fr: "Une feuille de salariés d'une autre année, ou la copie d'une autre feuille, n'est pas lue.",
  },
  "sheets-combined": {
    severities: ["info"],
    fr: "Plusieurs feuilles de salariés (sites, équipes) sont lues ensemble comme un seul tableau.",
  },
  "structure-kind-ambiguous": {
    severities: ["error"],
    fr: "Le type de structure nomme plusieurs conventions (« ACI / EI ») sans feuille par convention ni colonne « Convention » pour répartir les personnes.",
  },
  "formula-no-value": {
    severities: ["error"],
    fr: "Une cellule utile contient une formule jamais calculée (fichier écrit par un programme) : ouvrir et enregistrer le fichier dans Excel ou LibreOffice.",
  },
  "hours-from-months": {
    severities: ["info"],
    fr: "Le total des heures est vide ou non calculé : la somme des heures mensuelles est utilisée.",
  },
  "checkbox-column": {
    severities: ["info"],
    fr: "Une colonne oui/non ne contient que des coches (X, ✓, 1, Oui) et des cases vides : une case vide vaut Non.",
  },
  "structure-value-shared": {
    severities: ["info"],
    fr: "Une valeur du bloc Structure (ETP conventionnés, heures annuelles pour 1 ETP, montant cofinancé) est donnée une seule fois pour plusieurs conventions : elle n'est attribuée à aucune.",
  },
};
