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
  tabHelp: "Aide",
  helpLink: "Aide : comment ça marche ?",
  loadingView: "Chargement…",
  // Verify view
  check: "Vérifier",
  recheck: "Re-vérifier",
  highlight: "Surligner",
  clearHighlight: "Effacer le surlignage",
  createTemplate: "Créer le modèle",
  createTemplateFor: "Modèle pour une structure {kind}",
  templateInserted: "Feuilles « Structure » et « Salariés » créées pour une structure {kind}.",
  highlighted:
    "{count, plural, =0 {Aucune cellule surlignée.} one {# cellule surlignée.} other {# cellules surlignées.}}",
  highlightCleared: "Surlignage effacé, les couleurs d'origine sont rétablies.",
  reading: "Lecture du classeur…",
  readingSheet: "Lecture de « {sheet} » : {read, plural, one {# ligne} other {# lignes}} sur {total}",
  notChecked: "Le classeur n'a pas encore été vérifié. Cliquez sur « Vérifier ».",
  summaryLabel: "Résumé de la vérification",
  valid: "Aucune erreur bloquante : le bilan peut être envoyé.",
  invalid: "Des erreurs bloquent l'envoi : corrigez-les puis re-vérifiez.",
  severityError: "Erreurs",
  severityWarning: "Avertissements",
  severityInfo: "Informations",
  severityAll: "Toutes les gravités",
  countErrors: "{count, plural, one {erreur} other {erreurs}}",
  countWarnings: "{count, plural, one {avertissement} other {avertissements}}",
  countInfos: "{count, plural, one {information} other {informations}}",
  severityFilter: "Gravité",
  textFilter: "Filtrer les problèmes",
  textFilterPlaceholder: "Cellule, colonne, valeur, message…",
  noFinding: "Aucun problème trouvé.",
  noMatch: "Aucun problème ne correspond au filtre.",
  findingsLabel: "Problèmes par règle",
  andMore:
    "… {count, plural, one {et # autre} other {et # autres}} (corrigez ceux-ci puis re-vérifiez pour voir la suite)",
  goToCell: "Aller à la cellule {ref}",
  selectedCell: "Cellule sélectionnée : {ref}",
  wholeWorkbook: "Classeur",
  checkedAt:
    "Vérifié : {count, plural, =0 {aucun problème} one {# problème} other {# problèmes}} ({errors, plural, one {# erreur} other {# erreurs}}, {warnings, plural, one {# avertissement} other {# avertissements}}, {infos, plural, one {# information} other {# informations}}).",
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
  mappingClose: "Fermer sans enregistrer",
  // Indicators
  indicatorsTitle: "Indicateurs",
  indicatorsNotReady: "Vérifiez d'abord le classeur pour calculer les indicateurs.",
  indicatorsNotFinal:
    "Chiffres provisoires : {count, plural, one {# erreur bloquante reste} other {# erreurs bloquantes restent}} à corriger (onglet Vérifier). Ils changeront une fois le classeur corrigé.",
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
  sendIntro:
    "Envoyez le bilan vérifié au hub du Département. Les noms, dates de naissance, adresses et numéros ne quittent pas le classeur.",
  settingsTitle: "Réglages d'envoi",
  hubUrlLabel: "Adresse du hub départemental",
  hubUrlHint: "Exemple : https://bilan-iae.departement.fr",
  tokenLabel: "Jeton de la structure",
  tokenHint: "Remis par le Département. Gardé dans ce navigateur pour vous seul, jamais dans le classeur.",
  departmentKeyLabel: "Clé du Département",
  departmentKeyHint: "Remise par le Département ; elle rend les fiches pseudonymes.",
  departmentKeyTooShort:
    "La clé du Département fait au moins {min} caractères ; celle saisie n'en a que {length}. Recopiez-la en entier depuis le courrier du Département.",
  saveSettings: "Enregistrer les réglages",
  // Department's rules (from the hub)
  rulesDepartment: "Réglages du Département (version {version})",
  rulesDefault: "Réglages par défaut",
  rulesCachedCopy: "hub injoignable, dernière copie reçue le {date}",
  rulesHubUnavailable: "les réglages du Département n'ont pas pu être obtenus du hub",
  settingsSaved: "Réglages d'envoi enregistrés dans ce navigateur.",
  settingsStorageDisabled:
    "Le stockage du navigateur est désactivé : les réglages d'envoi ne peuvent pas être retenus (ils servent pour cette session).",
  settingsStorageRefused:
    "Impossible d'enregistrer les réglages d'envoi : le stockage du navigateur est plein ou désactivé (ils servent pour cette session).",
  forgetSettings: "Oublier les réglages",
  settingsForgotten: "Réglages d'envoi effacés de ce navigateur.",
  settingsMissing: "Renseignez l'adresse du hub, le jeton et la clé du Département pour envoyer.",
  sendNotChecked: "Vérifiez d'abord le classeur (onglet Vérifier).",
  sendBlocked: "Envoi impossible : {count, plural, one {# erreur} other {# erreurs}} à corriger.",
  sendBlockedHelp:
    "Corrigez ces erreurs puis vérifiez à nouveau. Les avertissements n'empêchent pas l'envoi.",
  backToVerify: "Retour à Vérifier",
  moreErrors: "… {count, plural, one {et # autre} other {et # autres}}.",
  previewTitle: "Ce qui sera envoyé",
  previewStructure: "Structure",
  previewKind: "Type",
  previewPeriod: "Période",
  previewRecords: "Fiches pseudonymes",
  previewRecordsValue: "{count} (clé chiffrée ; ni nom, ni date de naissance, ni adresse, ni numéro)",
  previewWarnings: "Avertissements joints",
  previewIndicators: "{count, plural, one {# indicateur envoyé} other {# indicateurs envoyés}}",
  sendButton: "Envoyer au Département",
  sending: "Envoi en cours…",
  sendRetrying: "Le hub ne répond pas ({reason}) : tentative n° {attempt} dans {seconds} s…",
  sendFailedTitle: "Envoi non abouti",
  hubSaid: "Réponse du hub : {detail}",
  sendUnauthorized:
    "Jeton refusé par le hub : vérifiez le jeton saisi, ou demandez-en un nouveau au Département (il a peut-être été révoqué).",
  sendForbidden:
    "Le SIRET du classeur ({siret}) n'est pas celui de la structure de ce jeton : corrigez le SIRET de la feuille Structure ou utilisez le jeton de cette structure.",
  sendTooLarge:
    "Le bilan est trop volumineux pour le hub : supprimez les lignes vides ou hors période de la feuille des salariés puis réessayez, sinon contactez le Département.",
  sendInvalid: "Le hub a refusé le contenu du bilan (format v1). Points refusés :",
  sendQueued:
    "Le hub départemental est injoignable : le bilan est gardé dans {where}. Cliquez sur « Renvoyer » quand le réseau est revenu.",
  receiptTitle: "Accusé de réception",
  receiptReceived: "Bilan reçu par le Département.",
  receiptAlready: "Déjà reçu : le hub avait déjà ce bilan à l'identique, rien n'a été envoyé en double.",
  receiptId: "Numéro d'envoi",
  receiptVersion: "Version",
  receiptAt: "Reçu le",
  receiptWritten: "L'accusé est écrit dans la feuille « Indicateurs » (bloc « Envoi au Département »).",
  receiptDownload: "Téléchargez le classeur annoté pour garder l'accusé dans le fichier.",
  sendReceiptNotWritten:
    "Le bilan est bien reçu, mais l'accusé n'a pas pu être écrit dans le classeur : {message}",
  lastSent: "Dernier envoi noté dans le classeur : n° {id}, version {version}, reçu le {at}.",
  pendingTitle: "Un envoi est en attente",
  pendingOutbox:
    "{count, plural, one {# bilan attend} other {# bilans attendent}} dans la boîte d'envoi de ce navigateur ; « Renvoyer » les remet au hub sans doublon.",
  pendingWorkbook: "Le classeur indique un envoi en attente depuis le {at}.",
  resend: "Renvoyer",
  resending: "Renvoi en cours…",
  resendFailed:
    "{count, plural, one {# envoi toujours} other {# envois toujours}} en attente : le hub reste injoignable. Réessayez plus tard.",
  resendNothing:
    "Rien à renvoyer avec ces réglages : la boîte d'envoi de ce navigateur ne contient rien pour ce hub et ce jeton. Envoyez le bilan à nouveau.",
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
  // Several reports in one workbook (issue 14, domain §2.4.3)
  reportPicker: "Convention affichée",
  reportPickerHint: "Ce classeur contient {count} bilans, un par convention.",
  reportOption: "{kind} — {errors, plural, =0 {aucune erreur} one {# erreur} other {# erreurs}}",
  indicatorsWrittenMany: "{count, plural, one {Feuille écrite} other {Feuilles écrites}} : {sheets}.",
  sendBlockedReport: "{kind} — {errors, plural, one {# erreur} other {# erreurs}} :",
  sendButtonMany: "Envoyer les {count} bilans au Département",
  previewTitleKind: "Ce qui sera envoyé — {kind}",
  receiptTitleKind: "Accusé de réception — {kind}",
  receiptWrittenKind:
    "L'accusé est écrit dans la feuille « Indicateurs {kind} » (bloc « Envoi au Département »).",
  mappingOpen: "Corriger la correspondance des colonnes",
  mappingSheets: "Feuilles lues",
  mappingSheetsHint: "Cochez les feuilles qui contiennent des salariés (une par site ou par convention).",
  mappingSheetsNone: "Cochez au moins une feuille.",
  mappingConvention: "Convention (ACI, EI…)",
} as const;

export type StringKey = keyof typeof fr;
export type Strings = Record<StringKey, string>;
