import type { Language } from "./i18n";

/** One topic of the help view: a title and short paragraphs (prose kept apart from the UI strings). */
export interface HelpTopic {
  id: string;
  title: string;
  paragraphs: string[];
}

export interface HelpText {
  intro: string;
  topics: HelpTopic[];
  /** "{version}" is replaced by the product version. */
  footer: string;
}

/** The pane's own help (?view=aide, the manifest's SupportUrl and "En savoir plus" links). */
export const HELP: Record<Language, HelpText> = {
  fr: {
    intro:
      "Bilan IAE vérifie le bilan de votre structure, calcule les indicateurs demandés par le Conseil départemental et lui envoie le bilan. Rien ne s'installe sur votre poste : tout se passe dans ce volet.",
    topics: [
      {
        id: "verifier",
        title: "1. Vérifier",
        paragraphs: [
          "Cliquez sur « Vérifier » : le volet lit la feuille des salariés et liste les problèmes, du plus grave au moins grave. Les erreurs (en rouge) bloquent l'envoi ; les avertissements (en orange) sont à regarder mais n'empêchent pas d'envoyer.",
          "Cliquez sur un problème pour aller à la cellule concernée. « Surligner » colore les cellules en cause ; « Effacer le surlignage » rend aux cellules leurs couleurs d'origine. Avec « Revérifier pendant la saisie », chaque correction est revérifiée d'elle-même après une courte pause, et le volet dit ce qui a changé.",
          "Si vos colonnes portent d'autres noms, le volet propose de les faire correspondre une fois pour toutes ; la correspondance est gardée dans le classeur. Pas encore de tableau ? « Créer le modèle » ajoute les feuilles « Structure » et « Salariés ».",
        ],
      },
      {
        id: "indicateurs",
        title: "2. Indicateurs",
        paragraphs: [
          "L'onglet « Indicateurs » montre les indicateurs calculés à la vérification ; « Écrire dans la feuille » les écrit dans la feuille « Indicateurs » : effectifs, parts de femmes, de bénéficiaires du RSA, de résidents QPV, heures et ETP, sorties par catégorie. Un indicateur « non calculable » signale une colonne absente, pas un zéro.",
        ],
      },
      {
        id: "envoyer",
        title: "3. Envoyer",
        paragraphs: [
          "Le Département vous communique l'adresse de son hub, le jeton de votre structure et la clé départementale. Saisissez-les une fois : ils restent sur votre poste, jamais dans le classeur.",
          "L'envoi est refusé tant qu'il reste des erreurs. Après l'envoi, l'accusé de réception (numéro, version, date) s'affiche et s'écrit dans le bloc « Envoi » de la feuille « Indicateurs » : c'est votre preuve. Sans connexion, l'envoi est gardé et « Renvoyer » le termine plus tard.",
        ],
      },
      {
        id: "consolider",
        title: "4. Consolider (Département)",
        paragraphs: [
          "Pour les agents du Département : avec le jeton départemental, le volet récupère la consolidation et le suivi des envois depuis le hub ; sans hub, il consolide les classeurs reçus que vous déposez. Il écrit les feuilles « Consolidation », « Par type » et « Suivi des envois ».",
        ],
      },
      {
        id: "donnees",
        title: "Données personnelles",
        paragraphs: [
          "Les noms, prénoms, dates de naissance, adresses et numéros de sécurité sociale ne quittent jamais le classeur. Le Département reçoit les indicateurs et, pour chaque personne, une clé pseudonyme et les informations utiles au bilan (sexe, année de naissance, RSA, QPV, heures, sortie).",
        ],
      },
      {
        id: "contact",
        title: "Besoin d'aide ?",
        paragraphs: [
          "Les messages du volet disent quoi corriger et où. Pour une question sur les règles du bilan ou sur vos accès, contactez le service insertion de votre Conseil départemental. Le guide complet est dans la documentation du produit (guide de l'utilisateur).",
        ],
      },
    ],
    footer: "Bilan IAE, version {version}",
  },
  en: {
    intro:
      "Bilan IAE checks your structure's report, computes the indicators the Conseil départemental asks for and sends it the report. Nothing is installed on your computer: everything happens in this pane.",
    topics: [
      {
        id: "verifier",
        title: "1. Check",
        paragraphs: [
          'Click "Check": the pane reads the employees sheet and lists the problems, most serious first. Errors (red) block sending; warnings (amber) deserve a look but do not prevent it.',
          'Click a problem to go to its cell. "Highlight" colours the cells at fault; "Clear highlights" gives the cells back their own colours. With "Check again as I type", each correction is checked again by itself after a short pause, and the pane says what changed.',
          'If your columns have other names, the pane offers to map them once; the mapping is kept in the workbook. No table yet? "Create the template" adds the "Structure" and "Salariés" sheets.',
        ],
      },
      {
        id: "indicateurs",
        title: "2. Indicators",
        paragraphs: [
          'The "Indicators" tab shows the indicators computed by the check; "Write to the sheet" writes them into the "Indicateurs" sheet: head counts, shares of women, RSA beneficiaries and QPV residents, hours and FTEs, exits by category. An indicator shown as "not computable" means a missing column, not a zero.',
        ],
      },
      {
        id: "envoyer",
        title: "3. Send",
        paragraphs: [
          "The department gives you its hub's address, your structure's token and the department key. Enter them once: they stay on your computer, never in the workbook.",
          'Sending is refused while errors remain. After sending, the receipt (number, version, time) is shown and written into the "Envoi" block of the "Indicateurs" sheet: it is your proof. Offline, the submission is kept and "Resend" completes it later.',
        ],
      },
      {
        id: "consolider",
        title: "4. Consolidate (department)",
        paragraphs: [
          'For the department\'s staff: with the department token the pane pulls the consolidation and the follow-up of who has sent from the hub; without a hub it consolidates the returned workbooks you drop. It writes the "Consolidation", "Par type" and "Suivi des envois" sheets.',
        ],
      },
      {
        id: "donnees",
        title: "Personal data",
        paragraphs: [
          "Names, first names, birth dates, addresses and social security numbers never leave the workbook. The department receives the indicators and, for each person, a pseudonymous key and the facts the report needs (sex, birth year, RSA, QPV, hours, exit).",
        ],
      },
      {
        id: "contact",
        title: "Need help?",
        paragraphs: [
          "The pane's messages say what to correct and where. For a question about the report's rules or your access, contact the insertion department of your Conseil départemental. The full guide is in the product's documentation (user guide).",
        ],
      },
    ],
    footer: "Bilan IAE, version {version}",
  },
};
