import type { IndicatorKey } from "../model/indicators";

/** How a value is shown: counts as integers, shares and rates as percentages, hours, ETP, months. */
export type IndicatorFormat = "count" | "percent" | "hours" | "fte" | "months";

export interface IndicatorLabel {
  fr: string;
  en: string;
  /** Shown on hover in the add-in and as cell notes in exported sheets. */
  definitionFr: string;
  definitionEn: string;
  format: IndicatorFormat;
}

const EMPLOYEES_FR = "salariés distincts ayant travaillé au moins 1 heure sur la période";
const EMPLOYEES_EN = "distinct employees with at least 1 hour worked in the period";
const NULL_FR = "Vide si la colonne est absente du classeur.";
const NULL_EN = "Empty when the column is absent from the workbook.";

const count = (fr: string, en: string, definitionFr: string, definitionEn: string): IndicatorLabel => ({
  fr,
  en,
  definitionFr,
  definitionEn,
  format: "count",
});

const share = (fr: string, en: string, ofFr: string, ofEn: string): IndicatorLabel => ({
  fr,
  en,
  definitionFr: `${ofFr} rapporté au nombre de ${EMPLOYEES_FR} (les cases non renseignées comptent dans le dénominateur). ${NULL_FR}`,
  definitionEn: `${ofEn} divided by the number of ${EMPLOYEES_EN} (blank cells count in the denominator). ${NULL_EN}`,
  format: "percent",
});

const unknown = (fr: string, en: string): IndicatorLabel =>
  count(
    `${fr} non renseigné`,
    `${en} not filled`,
    `Salariés dont la case « ${fr} » est vide. Ils restent dans le dénominateur des parts. ${NULL_FR}`,
    `Employees whose "${en}" cell is blank. They stay in the denominator of shares. ${NULL_EN}`,
  );

const EXAMINED_FR = "sorties examinées (hors retraits et sorties avant la durée minimale)";
const EXAMINED_EN = "examined exits (excluding withdrawn exits and exits before the minimum stay)";

const rate = (fr: string, en: string, ofFr: string, ofEn: string): IndicatorLabel => ({
  fr,
  en,
  definitionFr: `${ofFr} rapportées au nombre de ${EXAMINED_FR}. Vide s'il n'y a aucune sortie examinée.`,
  definitionEn: `${ofEn} divided by the number of ${EXAMINED_EN}. Empty when no exit is examined.`,
  format: "percent",
});

/** Labels and definitions of every indicator key (domain §4.1). The Record type forces one per key. */
export const INDICATOR_LABELS: Record<IndicatorKey, IndicatorLabel> = {
  employees: count(
    "Salariés",
    "Employees",
    `Nombre de ${EMPLOYEES_FR} (une même personne sur plusieurs lignes, identifiée par son PASS IAE ou ses nom, prénom et date de naissance, compte une fois).`,
    `Number of ${EMPLOYEES_EN} (a person on several rows, identified by PASS IAE or name and birth date, counts once).`,
  ),
  women: count("Femmes", "Women", "Salariées de sexe féminin.", "Female employees."),
  men: count("Hommes", "Men", "Salariés de sexe masculin.", "Male employees."),
  sexUnknown: unknown("Sexe", "Sex"),
  rsa: count(
    "Bénéficiaires du RSA",
    "RSA recipients",
    `Salariés bénéficiaires du RSA à l'embauche (majoré, non majoré, ou « Oui » sans précision). ${NULL_FR}`,
    `Employees receiving the RSA at hire (majoré, non majoré or plain "Yes"). ${NULL_EN}`,
  ),
  rsaUnknown: unknown("RSA", "RSA"),
  qpv: count(
    "Résidents QPV",
    "QPV residents",
    `Salariés résidant en quartier prioritaire de la politique de la ville. ${NULL_FR}`,
    `Employees living in a priority urban neighbourhood (QPV). ${NULL_EN}`,
  ),
  qpvUnknown: unknown("QPV", "QPV"),
  zrr: count(
    "Résidents ZRR",
    "ZRR residents",
    `Salariés résidant en zone de revitalisation rurale. ${NULL_FR}`,
    `Employees living in a rural revitalisation zone (ZRR). ${NULL_EN}`,
  ),
  zrrUnknown: unknown("ZRR", "ZRR"),
  under26: count(
    "Moins de 26 ans",
    "Under 26",
    "Salariés dont l'âge (année de fin de période − année de naissance) est inférieur au seuil « jeune » (26 ans par défaut).",
    "Employees whose age (year of the period end − birth year) is below the youth threshold (26 by default).",
  ),
  age50plus: count(
    "50 ans et plus",
    "50 and over",
    "Salariés dont l'âge (année de fin de période − année de naissance) atteint le seuil « senior » (50 ans par défaut).",
    "Employees whose age (year of the period end − birth year) reaches the senior threshold (50 by default).",
  ),
  ageUnknown: unknown("Âge", "Age"),
  deld: count(
    "DELD (12 à 23 mois)",
    "Long-term unemployed (12–23 months)",
    `Salariés inscrits à France Travail depuis 12 à 23 mois à l'embauche. ${NULL_FR}`,
    `Employees registered with France Travail for 12 to 23 months at hire. ${NULL_EN}`,
  ),
  detld: count(
    "DETLD (24 mois et plus)",
    "Very long-term unemployed (24 months+)",
    `Salariés inscrits à France Travail depuis 24 mois et plus à l'embauche. ${NULL_FR}`,
    `Employees registered with France Travail for 24 months or more at hire. ${NULL_EN}`,
  ),
  ftUnknown: unknown("Inscription France Travail", "France Travail registration"),
  rqth: count(
    "RQTH",
    "Recognised disabled workers",
    `Salariés ayant une reconnaissance de la qualité de travailleur handicapé. ${NULL_FR}`,
    `Employees recognised as disabled workers (RQTH). ${NULL_EN}`,
  ),
  rqthUnknown: unknown("RQTH", "RQTH"),
  ass: count(
    "Allocataires ASS",
    "ASS recipients",
    `Salariés allocataires de l'ASS. ${NULL_FR}`,
    `Employees receiving the ASS. ${NULL_EN}`,
  ),
  aah: count(
    "Allocataires AAH",
    "AAH recipients",
    `Salariés allocataires de l'AAH. ${NULL_FR}`,
    `Employees receiving the AAH. ${NULL_EN}`,
  ),
  levelBelowCap: count(
    "Niveau infra CAP",
    "Below CAP level",
    `Salariés de niveau de formation inférieur au CAP (codes 70, 01 et 60 par défaut). ${NULL_FR}`,
    `Employees with an education level below CAP (codes 70, 01 and 60 by default). ${NULL_EN}`,
  ),
  levelCapBep: count(
    "Niveau CAP-BEP",
    "CAP-BEP level",
    `Salariés de niveau CAP ou BEP (codes 50 et 51 par défaut). ${NULL_FR}`,
    `Employees with a CAP or BEP level (codes 50 and 51 by default). ${NULL_EN}`,
  ),
  levelNonCertified: count(
    "Sans diplôme certifié",
    "No certified qualification",
    `Salariés sans formation certifiée (code 00 par défaut). ${NULL_FR}`,
    `Employees with no certified training (code 00 by default). ${NULL_EN}`,
  ),
  shareWomen: share("Part de femmes", "Share of women", "Nombre de femmes", "Number of women"),
  shareRsa: share(
    "Part de bénéficiaires du RSA",
    "Share of RSA recipients",
    "Nombre de bénéficiaires du RSA",
    "Number of RSA recipients",
  ),
  shareQpv: share(
    "Part de résidents QPV",
    "Share of QPV residents",
    "Nombre de résidents QPV",
    "Number of QPV residents",
  ),
  shareZrr: share(
    "Part de résidents ZRR",
    "Share of ZRR residents",
    "Nombre de résidents ZRR",
    "Number of ZRR residents",
  ),
  shareUnder26: share(
    "Part de moins de 26 ans",
    "Share under 26",
    "Nombre de moins de 26 ans",
    "Number of employees under 26",
  ),
  shareAge50plus: share(
    "Part de 50 ans et plus",
    "Share aged 50 and over",
    "Nombre de 50 ans et plus",
    "Number of employees aged 50 and over",
  ),
  shareDeld: share(
    "Part de DELD",
    "Share of long-term unemployed",
    "Nombre de DELD",
    "Number of long-term unemployed",
  ),
  shareDetld: share(
    "Part de DETLD",
    "Share of very long-term unemployed",
    "Nombre de DETLD",
    "Number of very long-term unemployed",
  ),
  shareRqth: share(
    "Part de RQTH",
    "Share of disabled workers",
    "Nombre de RQTH",
    "Number of recognised disabled workers",
  ),
  hoursWorked: {
    fr: "Heures travaillées",
    en: "Hours worked",
    definitionFr: "Somme des heures travaillées sur la période, toutes lignes (tous parcours) confondues.",
    definitionEn: "Sum of the hours worked in the period over every row (every path).",
    format: "hours",
  },
  fte: {
    fr: "ETP réalisés",
    en: "FTE worked",
    definitionFr:
      "Heures travaillées divisées par les heures annuelles d'un ETP (celles de la structure, sinon la valeur par défaut du type : ACI 1 820 h, EI 1 505 h, AI, ETTI et EITI 1 607 h).",
    definitionEn:
      "Hours worked divided by the annual hours of one FTE (the structure's, else the default for its kind: ACI 1,820 h, EI 1,505 h, AI, ETTI and EITI 1,607 h).",
    format: "fte",
  },
  fteRsa: {
    fr: "ETP bénéficiaires du RSA",
    en: "FTE of RSA recipients",
    definitionFr: `Heures travaillées par les bénéficiaires du RSA divisées par les heures annuelles d'un ETP. ${NULL_FR}`,
    definitionEn: `Hours worked by RSA recipients divided by the annual hours of one FTE. ${NULL_EN}`,
    format: "fte",
  },
  fteConventioned: {
    fr: "ETP conventionnés",
    en: "Conventioned FTE",
    definitionFr: "Nombre de postes d'insertion en ETP prévus par l'annexe financière (bloc Structure).",
    definitionEn: "Number of insertion posts in FTE set by the funding annex (Structure block).",
    format: "fte",
  },
  fteRealisationRate: {
    fr: "Taux de réalisation des ETP",
    en: "FTE realisation rate",
    definitionFr: "ETP réalisés divisés par les ETP conventionnés. Vide sans ETP conventionnés.",
    definitionEn: "FTE worked divided by conventioned FTE. Empty without conventioned FTE.",
    format: "percent",
  },
  exits: count(
    "Sorties",
    "Exits",
    "Sorties dont la date tombe dans la période (un renouvellement n'est pas une sortie).",
    "Exits dated inside the period (a renewal is not an exit).",
  ),
  exitsWithdrawn: count(
    "Sorties retirées",
    "Withdrawn exits",
    "Sorties de la catégorie « Retrait des sorties constatées » (retraite, congé longue durée, décès, période d'essai…), exclues des taux quelle que soit leur durée.",
    'Exits in the "withdrawn" category (retirement, long leave, death, trial period…), excluded from the rates whatever their length.',
  ),
  exitsTooShort: count(
    "Sorties avant la durée minimale",
    "Exits before the minimum stay",
    "Sorties non retirées intervenues avant la durée minimale de parcours (ACI et EI : 3 mois ; AI et ETTI : 150 heures ; EITI : aucune), exclues des taux.",
    "Exits, not withdrawn, before the minimum stay (ACI and EI: 3 months; AI and ETTI: 150 hours; EITI: none), excluded from the rates.",
  ),
  exitsExamined: count(
    "Sorties examinées",
    "Examined exits",
    "Sorties − sorties retirées − sorties avant la durée minimale : le dénominateur des taux de sortie.",
    "Exits − withdrawn − before the minimum stay: the denominator of the exit rates.",
  ),
  exitsDurable: count(
    "Sorties en emploi durable",
    "Exits to lasting jobs",
    "Sorties examinées vers un CDI, un CDD ou de l'intérim de 6 mois et plus, une création d'entreprise ou la fonction publique.",
    "Examined exits to a permanent contract, a fixed-term or temp job of 6 months or more, a business creation or the civil service.",
  ),
  exitsTransition: count(
    "Sorties en emploi de transition",
    "Exits to transition jobs",
    "Sorties examinées vers un CDD ou de l'intérim de moins de 6 mois, ou un contrat aidé chez un employeur classique.",
    "Examined exits to a fixed-term or temp job under 6 months, or an aided contract with an ordinary employer.",
  ),
  exitsPositive: count(
    "Sorties positives",
    "Positive exits",
    "Sorties examinées vers une formation qualifiante ou une embauche dans une autre SIAE.",
    "Examined exits to qualifying training or a hire by another SIAE.",
  ),
  exitsOther: count(
    "Autres sorties",
    "Other exits",
    "Sorties examinées vers le chômage, l'inactivité, ou sans nouvelle : comptées dans le dénominateur des taux.",
    "Examined exits to unemployment, inactivity or no news: counted in the denominator of the rates.",
  ),
  exitsUnknownCategory: count(
    "Sorties au motif manquant ou inconnu",
    "Exits with a missing or unknown reason",
    "Sorties examinées dont le motif est vide ou introuvable dans la table des motifs : elles restent dans le dénominateur des taux (un motif laissé vide ne peut jamais augmenter un taux).",
    "Examined exits whose reason is blank or not in the exit-reason table: they stay in the denominator (a blank reason can never raise a rate).",
  ),
  rateDurable: rate(
    "Taux de sorties en emploi durable",
    "Lasting job exit rate",
    "Sorties en emploi durable",
    "Exits to lasting jobs",
  ),
  rateTransition: rate(
    "Taux de sorties en emploi de transition",
    "Transition job exit rate",
    "Sorties en emploi de transition",
    "Exits to transition jobs",
  ),
  ratePositive: rate(
    "Taux de sorties positives",
    "Positive exit rate",
    "Sorties positives",
    "Positive exits",
  ),
  rateDynamic: rate(
    "Taux de sorties dynamiques",
    "Dynamic exit rate",
    "Sorties en emploi durable, de transition et positives",
    "Exits to lasting jobs, transition jobs and positive exits",
  ),
  exitsToTraining: count(
    "Sorties en formation qualifiante",
    "Exits to qualifying training",
    `Sorties examinées dont le motif est une entrée en formation qualifiante (motif 5). ${NULL_FR}`,
    `Examined exits whose motif is entering qualifying training (motif 5). ${NULL_EN}`,
  ),
  rateTraining: rate(
    "Taux de sorties en formation qualifiante",
    "Qualifying training exit rate",
    "Sorties en formation qualifiante",
    "Exits to qualifying training",
  ),
  rsaExitsDurableOrTraining: count(
    "Sorties RSA en emploi durable ou formation qualifiante",
    "RSA exits to lasting jobs or qualifying training",
    `Sorties examinées de bénéficiaires du RSA vers un emploi durable ou une formation qualifiante. ${NULL_FR}`,
    `Examined exits of RSA recipients to a lasting job or qualifying training. ${NULL_EN}`,
  ),
  averagePathMonths: {
    fr: "Durée moyenne de parcours",
    en: "Average path length",
    definitionFr:
      "Moyenne, sur les sorties examinées, de la durée entre l'embauche et la sortie, en mois (jours × 12 / 365,25).",
    definitionEn: "Mean, over examined exits, of the time from hire to exit, in months (days × 12 / 365.25).",
    format: "months",
  },
};
