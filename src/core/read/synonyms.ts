import type { PersonField, StructureField } from "../model/fields";
import { normalizeLabel } from "../parse/normalize-code";

/**
 * Header names per field, as departments' forms write them. Compared after normalisation (lower
 * case, no accents, punctuation → space). A name starting with "=" matches only the whole header
 * (too short or too common to be searched inside longer headers: "Entrée", "Nom").
 */
export const FIELD_SYNONYMS: Readonly<Record<PersonField, readonly string[]>> = {
  passNumber: ["N° PASS IAE", "PASS IAE", "Numéro PASS IAE", "=PASS", "Numéro de PASS", "N° PASS", "Numéro d'agrément", "N° d'agrément", "Agrément", "N° agrément Pôle emploi", "Agrément PE", "Numéro PASS"],
  lastName: ["Nom", "Nom de famille", "Nom d'usage", "Nom de naissance", "Nom du salarié", "Nom salarié", "Nom du bénéficiaire", "Nom de la personne", "Nom usuel", "NOM Prénom"],
  firstName: ["Prénom", "Prénoms", "Prénom du salarié", "Prénom salarié", "Prénom du bénéficiaire"],
  sex: ["Sexe", "Civilité", "Genre", "Sexe (F/H)", "H/F", "F/H", "=M/F", "=F/M"],
  birthDate: ["Date de naissance", "Né(e) le", "Né le", "Née le", "=Naissance", "Date naissance", "Date de naiss", "DDN", "Date de naissance du salarié"],
  birthYear: ["Année de naissance", "Année naissance", "An de naissance", "Année de naiss"],
  postalCode: ["Code postal", "=CP", "CP domicile", "Code postal du domicile", "Code postal de résidence"],
  commune: ["Commune", "Ville", "Commune de résidence", "Ville de résidence", "Lieu de résidence", "Domicile", "Code INSEE commune", "Code INSEE de la commune", "Localité"],
  qpv: ["Résident QPV", "QPV", "Quartier prioritaire", "Résidence QPV", "Habite en QPV", "Résident en QPV", "Quartier prioritaire de la politique de la ville", "Résident quartier prioritaire", "Domicilié en QPV", "Quartier politique de la ville", "=QPV (oui/non)"],
  qpvCode: ["Code QPV", "Code du QPV", "Code quartier prioritaire", "Identifiant QPV", "N° QPV", "Code quartier"],
  zrr: ["Résident ZRR", "ZRR", "Zone de revitalisation rurale", "Résidence ZRR", "Résident en ZRR", "Habite en ZRR"],
  rsa: ["Bénéficiaire du RSA", "RSA", "bRSA", "Allocataire RSA", "Bénéficiaire RSA", "Bénéficiaire RSA à l'embauche", "Bénéficiaire du RSA à l'embauche", "RSA à l'embauche", "Bénéficiaire du RSA à l'entrée", "Allocataire du RSA", "Perçoit le RSA", "Statut RSA", "Critère RSA"],
  ass: ["Allocataire ASS", "ASS", "Bénéficiaire ASS", "Bénéficiaire de l'ASS", "Allocation de solidarité spécifique", "Allocataire de l'ASS"],
  aah: ["Allocataire AAH", "AAH", "Bénéficiaire AAH", "Bénéficiaire de l'AAH", "Allocation aux adultes handicapés", "Allocataire de l'AAH"],
  rqth: ["RQTH", "Travailleur handicapé", "=TH", "Reconnaissance travailleur handicapé", "Reconnaissance de la qualité de travailleur handicapé", "BOETH", "Travailleur handicapé (RQTH)", "Personne handicapée"],
  ftDuration: ["Inscription France Travail", "France Travail", "Pôle emploi", "Durée d'inscription", "Durée d'inscription à France Travail", "Durée d'inscription à Pôle emploi", "Durée d'inscription France Travail", "Inscription Pôle emploi", "DELD", "Ancienneté d'inscription", "Ancienneté de chômage", "Durée de chômage", "Inscrit France Travail", "Inscrit à Pôle emploi", "DE longue durée", "Ancienneté inscription FT", "Inscription FT", "Durée inscription FT"],
  educationLevel: ["Niveau de formation", "=Niveau", "=Diplôme", "Niveau de qualification", "Niveau d'études", "Niveau d'étude", "Niveau scolaire", "Niveau de diplôme", "Diplôme le plus élevé", "Niveau de formation à l'entrée", "=Qualification", "Dernier diplôme obtenu"],
  prescriber: ["Prescripteur", "Orienteur", "Organisme prescripteur", "Structure prescriptrice", "Prescription", "Orienté par", "Origine de la candidature", "Organisme orienteur"],
  hireDate: ["Date d'embauche", "Date embauche", "Date d'entrée", "Date entrée", "=Entrée", "=Embauche", "Date d'entrée dans la structure", "Date d'entrée en SIAE", "Date d'entrée dans la SIAE", "Date de début de contrat", "Début de contrat", "Date de début du parcours", "Début de parcours", "Date de début", "Date d'entrée en parcours", "Date 1ère embauche", "Date de première embauche", "Date d'entrée dans le parcours", "Entrée dans la structure", "Date d'arrivée"],
  contractEndDate: ["Date de fin de contrat", "Fin de contrat prévue", "Fin de contrat", "Date de fin de contrat prévue", "Date fin de contrat", "Date fin contrat", "Date de fin prévue", "Échéance du contrat", "Terme du contrat", "Fin du contrat", "Date de fin du CDDI"],
  weeklyHours: ["Durée hebdomadaire", "Heures hebdo", "Heures hebdomadaires", "Durée hebdo", "Temps de travail hebdomadaire", "Durée hebdomadaire de travail", "Durée du travail hebdomadaire", "Heures par semaine", "Nb heures hebdo", "Nombre d'heures hebdomadaires", "Heures semaine", "Horaire hebdomadaire", "Durée hebdomadaire du contrat", "=Temps de travail"],
  hoursWorked: ["Heures travaillées", "Nb heures", "Nombre d'heures", "Heures réalisées", "Nb d'heures", "=Heures", "Nb heures travaillées", "Nombre d'heures travaillées", "Nb d'heures travaillées sur la période", "Heures travaillées sur la période", "Heures sur la période", "Heures de la période", "Total heures", "Total des heures", "Heures payées", "Heures rémunérées", "Volume horaire", "Heures réalisées sur la période", "Nombre d'heures réalisées", "Heures effectuées", "Total heures travaillées", "Heures travaillées dans l'année", "Heures annuelles"],
  hoursSinceHire: ["Heures depuis l'embauche", "Heures cumulées", "Heures depuis l'entrée", "Cumul heures", "Cumul des heures", "Heures travaillées depuis l'embauche", "Total heures depuis l'entrée", "Heures cumulées depuis l'embauche", "Nombre d'heures depuis l'embauche", "Heures depuis le début du parcours", "Cumul d'heures"],
  exitDate: ["Date de sortie", "Date de fin de parcours", "=Sortie", "Date sortie", "Fin de parcours", "Date de sortie du dispositif", "Date de sortie de la structure", "Date de fin de la mission", "Date de fin effective", "Date de départ"],
  exitReason: ["Motif de sortie", "Situation à la sortie", "Type de sortie", "Motif sortie", "Situation de sortie", "Motif de fin de parcours", "Situation à l'issue", "Sortie vers", "Motif de départ", "Nature de la sortie", "Issue du parcours", "Code motif de sortie", "Motif de fin de contrat", "Situation en fin de parcours"],
  derogation: ["Dérogation", "Prolongation", "Dérogation / prolongation", "Dérogation ou prolongation", "Dérogation durée hebdomadaire", "Prolongation du parcours", "Dérogation obtenue", "Prolongation PASS"],
};

/** Headers of a per-row convention column (domain §2.4.3): each cell names a kind (ACI, EI…). */
export const CONVENTION_NAMES: readonly string[] = ["Convention", "Dispositif", "=Mesure", "Type de contrat IAE", "Convention IAE", "Type de convention", "Dispositif IAE", "Mesure IAE", "Type de SIAE du contrat"];

/** Headers that announce a social security number (NIR) or similar: never read, never sent. */
export const SENSITIVE_NAMES: readonly string[] = [
  "NIR",
  "N° de sécurité sociale",
  "Numéro de sécurité sociale",
  "Sécurité sociale",
  "N° sécu",
  "Numéro de sécu",
  "Numéro sécu",
  "=Sécu",
  "NSS",
  "N° SS",
  "=SS",
  "N° INSEE",
  "Numéro INSEE",
  "Numéro d'inscription au répertoire",
  "Immatriculation sécurité sociale",
  "N° d'immatriculation",
  "Numéro d'immatriculation",
  "Numéro de sécurité sociale (NIR)",
  "Carte vitale",
  "N° de carte vitale",
];

/** Structure-block labels (domain §2.1). Compared whole, after normalisation (a trailing colon is dropped). */
export const STRUCTURE_LABELS: Readonly<Record<StructureField, readonly string[]>> = {
  siret: ["SIRET", "N° SIRET", "Numéro SIRET", "N° de SIRET", "SIRET de la structure", "SIRET structure", "Numéro de SIRET", "SIRET de l'établissement", "Code SIRET"],
  name: ["Raison sociale", "Nom de la structure", "Structure", "Nom structure", "Nom de la SIAE", "Dénomination", "Nom de l'établissement", "Structure SIAE", "Nom", "Organisme", "Nom de l'organisme", "Nom de l'employeur", "Employeur", "SIAE", "Raison sociale de la structure"],
  kind: ["Type de structure", "Type de SIAE", "Type", "Type structure", "Catégorie de SIAE", "Nature de la structure", "Mesure", "Type de conventionnement", "Dispositif", "Type d'agrément", "Catégorie", "Nature de la SIAE"],
  afNumber: ["N° d'annexe financière", "Numéro AF", "N° AF", "Annexe financière", "Numéro d'annexe financière", "N° annexe financière", "Numéro de l'annexe financière", "AF", "Numéro de convention", "N° de convention", "Référence AF", "N° de l'AF"],
  department: ["Département", "Code département", "N° département", "Département de la structure", "Département d'implantation", "Dépt", "Dept", "Département (code)"],
  periodStart: ["Début de période", "Période du", "Du", "Date de début", "Début", "Début de la période", "Période du (début)", "Date de début de période", "Période de", "Date début", "Début période", "Période : du", "De"],
  periodEnd: ["Fin de période", "Au", "Date de fin", "Fin", "Fin de la période", "Date de fin de période", "Date fin", "Fin période", "Jusqu'au"],
  fteConventioned: ["ETP conventionnés", "ETP conventionné", "Nombre d'ETP conventionnés", "Nb ETP conventionnés", "ETP", "Postes conventionnés", "Nombre de postes conventionnés", "ETP d'insertion conventionnés", "ETP prévus", "ETP financés", "Nombre d'ETP", "Postes d'insertion conventionnés", "ETP AF"],
  annualHoursPerFte: ["Heures annuelles pour 1 ETP", "Heures par ETP", "Heures annuelles par ETP", "Nb heures pour 1 ETP", "Nombre d'heures par ETP", "Base annuelle ETP", "Heures annuelles ETP", "Durée annuelle d'un ETP", "Heures pour 1 ETP"],
  cdCofinancedAmount: ["Montant cofinancé par le Département", "Montant cofinancé", "Cofinancement département", "Cofinancement du Département", "Montant du cofinancement", "Montant cofinancé CD", "Cofinancement CD", "Montant Département", "Participation du Département", "Financement du Département", "Aide du Département", "Montant cofinancement Département"],
};

export interface NameEntry<F> {
  /** Normalised name. */
  name: string;
  field: F;
  exact: boolean;
}

/** Normalised name table, longest first (the longest matching name wins). */
export function buildNameTable<F>(synonyms: Readonly<Record<string, readonly string[]>>): NameEntry<F>[] {
  const out: NameEntry<F>[] = [];
  const seen = new Set<string>();
  for (const [field, names] of Object.entries(synonyms)) {
    for (const raw of names) {
      const exact = raw.startsWith("=");
      const name = normalizeLabel(exact ? raw.slice(1) : raw);
      if (!name || seen.has(name)) continue;
      seen.add(name);
      out.push({ name, field: field as F, exact });
    }
  }
  return out.sort((a, b) => b.name.length - a.name.length);
}
