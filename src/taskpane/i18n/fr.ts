/** French strings of the task pane (the reference language: every key is defined here first). */
export const fr = {
  appTitle: "Bilan IAE",
  tabsLabel: "Vues du bilan",
  tabVerify: "Vérifier",
  tabIndicators: "Indicateurs",
  tabSend: "Envoyer",
  tabConsolidate: "Consolider",
  standaloneLink: "Département : {view} les bilans reçus",
  backToFile: "Vérifier un classeur",
  loadingView: "Chargement…",
  // Verify view
  check: "Vérifier",
  recheck: "Re-vérifier",
  highlight: "Surligner",
  clearHighlight: "Effacer le surlignage",
  createTemplate: "Créer le modèle",
  createTemplateFor: "Modèle pour une structure {kind}",
  templateInserted: "Feuilles « Structure » et « Salariés » créées pour une structure {kind}.",
  highlighted: "Cellules surlignées : {count}.",
  highlightCleared: "Surlignage effacé, les couleurs d'origine sont rétablies.",
  reading: "Lecture du classeur…",
  readingSheet: "Lecture de « {sheet} » : {read} lignes sur {total}",
  notChecked: "Le classeur n'a pas encore été vérifié. Cliquez sur « Vérifier ».",
  summaryLabel: "Résumé de la vérification",
  valid: "Aucune erreur bloquante : le bilan peut être envoyé.",
  invalid: "Des erreurs bloquent l'envoi : corrigez-les puis re-vérifiez.",
  severityError: "Erreurs",
  severityWarning: "Avertissements",
  severityInfo: "Informations",
  severityAll: "Toutes les gravités",
  severityFilter: "Gravité",
  textFilter: "Filtrer les problèmes",
  textFilterPlaceholder: "Cellule, colonne, valeur, message…",
  noFinding: "Aucun problème trouvé.",
  noMatch: "Aucun problème ne correspond au filtre.",
  findingsLabel: "Problèmes par règle",
  andMore: "… et {count} autres (corrigez ceux-ci puis re-vérifiez pour voir la suite)",
  goToCell: "Aller à la cellule {ref}",
  selectedCell: "Cellule sélectionnée : {ref}",
  wholeWorkbook: "Classeur",
  checkedAt:
    "Vérifié : {count} problèmes ({errors} erreurs, {warnings} avertissements, {infos} informations).",
  // Mapping
  mappingTitle: "Correspondance des colonnes",
  mappingIntro:
    "Certaines colonnes de « {sheet} » ne sont pas reconnues. Indiquez à quel champ chacune correspond.",
  mappingNoTable:
    "Aucun tableau des salariés reconnu. Créez le modèle, ou renommez les en-têtes de vos colonnes.",
  mappingUnknownHeaders: "Colonnes non reconnues",
  mappingMissingFields: "Champs obligatoires manquants",
  mappingIgnore: "(ignorer cette colonne)",
  mappingFieldFor: "Champ pour la colonne « {header} »",
  mappingSave: "Enregistrer la correspondance",
  mappingSaved: "Correspondance enregistrée dans le classeur.",
  // Indicators
  indicatorsTitle: "Indicateurs",
  indicatorsNotReady: "Vérifiez d'abord le classeur pour calculer les indicateurs.",
  indicatorsFor: "{name} — période du {start} au {end}",
  targetsTitle: "Objectifs",
  targetProgress: "{value} pour un objectif de {target}",
  targetNotComputable: "non calculable (aucune sortie examinée)",
  notComputable: "non calculable",
  writeIndicators: "Écrire dans la feuille",
  indicatorsWritten: "Feuille « Indicateurs » écrite.",
  indicatorsSections: "Groupes d'indicateurs",
  sectionPeople: "Salariés",
  sectionShares: "Publics",
  sectionHours: "Heures et ETP",
  sectionExits: "Sorties",
  // Send
  sendTitle: "Envoyer le bilan",
  sendPlaceholder:
    "L'envoi au Département arrive avec la connexion au hub départemental. En attendant, vérifiez le classeur et écrivez les indicateurs dans la feuille.",
  // File mode
  fileModeTitle: "Mode fichier",
  fileModeIntro:
    "Excel n'est pas détecté : ouvrez un classeur .xlsx pour le vérifier dans le navigateur. Le fichier ne quitte pas votre ordinateur.",
  openWorkbook: "Ouvrir un classeur .xlsx",
  openAnother: "Ouvrir un autre classeur",
  dropZone: "ou déposez le fichier ici",
  openedFile: "Classeur ouvert : {name}",
  download: "Télécharger le classeur annoté",
  downloadReady: "Classeur annoté téléchargé : {name}",
  notXlsx:
    "« {name} » n'est pas un classeur .xlsx. Enregistrez-le au format Classeur Excel (.xlsx) puis ouvrez-le ici.",
  // Errors
  errorTitle: "Problème",
  dismiss: "Fermer",
  errorEditMode:
    "Excel est en train de modifier une cellule. Appuyez sur Entrée ou Échap dans la feuille, puis réessayez.",
  errorPayload:
    "Trop de données pour Excel en une fois. Réduisez la zone utilisée de la feuille (supprimez les lignes vides en bas) puis réessayez.",
  errorAccessDenied:
    "Excel refuse la modification : la feuille ou le classeur est protégé. Ôtez la protection puis réessayez.",
  errorNotFound: "Une feuille ou une cellule attendue n'existe plus. Re-vérifiez le classeur.",
  errorOffice: "Excel a refusé l'opération ({code}) : {message}",
  errorUnexpected:
    "Une erreur inattendue s'est produite : {message}. Réessayez ; si le problème persiste, signalez-le avec ce message.",
  engineNotReady: "Le moteur de vérification n'est pas encore disponible dans cette version.",
  resultsRegion: "Résultats",
} as const;

export type StringKey = keyof typeof fr;
export type Strings = Record<StringKey, string>;
