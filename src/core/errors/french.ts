import type { OfficeParams, ReadParams, UserErrorWording } from "./codes";

/**
 * The French wording of every user-facing error: the `message` of a UserError, what the CLI prints and the
 * pane shows in French. Plain spaces before « : ; ? ! » and inside « »: the pane turns them into no-break
 * spaces (frenchTypography), the terminal prints them as they are.
 */

/** What to do when a file passes a reading limit: no report is that big, so the file is damaged or was made to harm. */
const TOO_BIG =
  "Aucun bilan SIAE n'atteint cette taille : le fichier est abîmé ou a été fabriqué pour bloquer la lecture. Ne l'ouvrez pas ; demandez à la structure de renvoyer son bilan enregistré depuis Excel ou LibreOffice";

const SAVE_AS = "ouvrez-le dans Excel (ou LibreOffice) et enregistrez-le au format Classeur Excel (.xlsx)";

const f = (p: ReadParams) => `« ${p.file} »`;
const inParens = (detail: string | undefined) => (detail ? ` (${detail})` : "");
const tooBig = (p: ReadParams) =>
  `Le fichier ${f(p)} n'a pas été lu : ${p.detail ?? "limite de lecture dépassée"}. ${TOO_BIG}.`;
const stopped = (p: ReadParams) =>
  `La lecture du fichier ${f(p)} a été arrêtée : ${p.detail ?? "limite de lecture dépassée"}. ${TOO_BIG}.`;

/** An Office wording, after what the add-in was doing when Office said no. */
const office = (text: string) => (p: OfficeParams) => (p.action ? `${p.action} : ` : "") + text;

const SAME_TIME =
  "Le classeur a été modifié en même temps par quelqu'un d'autre. Recommencez dans un instant.";

/** "a, b ou c". */
const orList = (items: readonly string[]) =>
  items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} ou ${items[items.length - 1]}`;

/** 6 250 000, grouped with a narrow no-break space as the French pane and CLI print counts. */
const count = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");

const cannotWrite = (p: { path: string; errno: string | null }) =>
  `Impossible d'écrire « ${p.path} » (${p.errno ?? "erreur"}) : vérifiez le dossier et que le fichier n'est pas ouvert dans Excel.`;

const SECRET_FR = {
  "structure-token": "Jeton de la structure manquant",
  "department-key": "Clé départementale manquante",
};

export const USER_ERRORS_FR: UserErrorWording = {
  "read.empty-file": (p) =>
    `Le fichier ${f(p)} est vide (0 octet) : vérifiez que vous avez choisi le bon fichier ou renvoyez-le.`,
  "read.not-zip": (p) =>
    `Le fichier ${f(p)} n'est pas un classeur Excel .xlsx${inParens(p.detail)} : ${SAVE_AS}.`,
  "read.truncated": (p) =>
    `Le fichier ${f(p)} est incomplet ou abîmé (copie ou téléchargement interrompu ?) : récupérez-en une copie complète, ou ${SAVE_AS} à nouveau.`,
  "read.protected-or-xls": (p) =>
    `Le fichier ${f(p)} est protégé par mot de passe ou ancien format .xls : ouvrez-le dans Excel et enregistrez-le en .xlsx sans mot de passe.`,
  "read.not-xlsx": (p) =>
    `Le fichier ${f(p)} est une archive mais pas un classeur Excel .xlsx${inParens(p.detail)} : ${SAVE_AS}.`,
  "read.no-sheet": (p) =>
    `Le classeur ${f(p)} ne contient aucune feuille : ajoutez la feuille des salariés (commande « bilan-iae template » pour un modèle).`,
  "read.no-cells": (p) =>
    `Le classeur ${f(p)} est vide (aucune cellule remplie) : remplissez la feuille des salariés puis relancez.`,
  "read.too-many-rows": (p) =>
    `Le classeur ${f(p)} est trop grand${inParens(p.detail)} : un bilan SIAE ne compte pas autant de lignes. Supprimez les lignes inutiles (lignes vides formatées, copies) ou séparez les données, puis relancez.`,
  "read.too-many-cells": (p) =>
    `Le classeur ${f(p)} est trop grand${inParens(p.detail)} : des cellules sont remplies loin à droite ou en bas du tableau. Supprimez les colonnes et les lignes au-delà du tableau (Ctrl+Fin dans Excel montre la dernière cellule utilisée), enregistrez, puis relancez.`,
  "read.too-many-formulas": (p) =>
    `Le classeur ${f(p)} est trop grand${inParens(p.detail)} : un bilan SIAE n'a pas autant de formules. Remplacez les formules par leurs valeurs (Copier, puis Collage spécial > Valeurs) ou supprimez les lignes inutiles, enregistrez, puis relancez.`,
  "read.too-many-merges": (p) =>
    `Le classeur ${f(p)} est trop grand${inParens(p.detail)} : un bilan SIAE n'a pas autant de cellules fusionnées. Annulez les fusions inutiles (Accueil > Fusionner et centrer > Annuler la fusion), enregistrez, puis relancez.`,
  "read.file-too-large": tooBig,
  "read.too-many-parts": tooBig,
  "read.part-too-large": tooBig,
  "read.content-too-large": tooBig,
  "read.compression-bomb": tooBig,
  "read.too-many-strings": tooBig,
  "read.too-many-styles": tooBig,
  "read.read-timeout": stopped,
  "read.read-memory": stopped,
  "read.io": (p) =>
    `Impossible d'ouvrir le fichier ${f(p)}${inParens(p.detail)} : vérifiez le chemin et les droits de lecture.`,
  "read.unreadable": (p) =>
    `Le classeur ${f(p)} n'a pas pu être lu${inParens(p.detail)} : ${SAVE_AS}, puis relancez.`,

  "office.InvalidOperationInCellEditMode": office(
    "Une cellule est en cours de modification dans Excel. Appuyez sur Entrée ou Échap pour terminer la saisie, puis recommencez.",
  ),
  "office.RequestPayloadSizeLimitExceeded": office(
    "La demande envoyée à Excel est trop volumineuse (limite de 5 Mo d'Excel sur le web). Réduisez la zone utilisée de la feuille ou utilisez la commande bilan-iae sur le fichier.",
  ),
  "office.ResponsePayloadSizeLimitExceeded": office(
    "La réponse d'Excel est trop volumineuse (limite de 5 Mo d'Excel sur le web). Réduisez la zone utilisée de la feuille ou utilisez la commande bilan-iae sur le fichier.",
  ),
  "office.ItemNotFound": office(
    "Excel ne trouve pas la feuille ou la cellule demandée : elle a peut-être été renommée ou supprimée. Relancez la vérification.",
  ),
  "office.GeneralException": office(
    "Excel a rencontré une erreur interne. Enregistrez le classeur, fermez puis rouvrez le volet Bilan IAE et recommencez.",
  ),
  "office.AccessDenied": office(
    "Excel refuse la modification : le classeur ou la feuille est peut-être protégé ou ouvert en lecture seule. Ôtez la protection puis recommencez.",
  ),
  "office.InvalidArgument": office(
    "Excel a refusé une valeur envoyée par le complément. Relancez la vérification ; si le problème persiste, signalez-le avec le nom de la feuille.",
  ),
  "office.InvalidReference": office(
    "La référence de cellule n'est pas valide pour Excel. Relancez la vérification.",
  ),
  "office.InvalidOperation": office(
    "Excel n'autorise pas cette opération dans l'état actuel du classeur (feuille protégée, cellules fusionnées ou filtre actif ?).",
  ),
  "office.ApiNotFound": office(
    "Cette version d'Excel ne propose pas une fonction nécessaire au complément. Mettez Excel à jour ou utilisez Excel sur le web.",
  ),
  "office.Conflict": office(SAME_TIME),
  "office.InsertDeleteConflict": office(SAME_TIME),
  "office.ActivityLimitReached": office(
    "Excel limite le nombre d'opérations en cours. Patientez quelques secondes puis recommencez.",
  ),
  "office.RequestAborted": office("La demande à Excel a été interrompue. Recommencez."),
  "office.ServiceNotAvailable": office(
    "Excel ne répond pas pour le moment. Patientez quelques secondes puis recommencez.",
  ),
  "office.Unauthenticated": office("Votre session Microsoft a expiré. Reconnectez-vous puis recommencez."),
  "office.FilteredRangeConflict": office(
    "Un filtre actif empêche la modification. Retirez le filtre puis recommencez.",
  ),
  "office.unexpected": (p) =>
    (p.action ? `${p.action} : ` : "") +
    `Excel a renvoyé une erreur inattendue${p.officeCode ? ` (${p.officeCode})` : ""}${p.detail ? ` : ${p.detail}` : ""}. Recommencez ; si le problème persiste, signalez-le.`,
  "office.bad-cell-address": (p) => `Adresse de cellule invalide : ${p.cell}`,
  "office.no-change-events": () =>
    "Cette version d'Excel ne signale pas les modifications (ExcelApi 1.7) : cliquez sur « Vérifier » après vos corrections.",
  "limit.too-many-cells": (p) =>
    `Le classeur contient ${count(p.cells)} cellules utilisées, au-delà des ${count(p.max)} que le complément peut lire ` +
    `(la feuille « ${p.sheet} » occupe ${p.range}). Supprimez les lignes et colonnes vides en fin de feuille ` +
    "(souvent une valeur isolée très loin du tableau), ou vérifiez le fichier avec la commande bilan-iae.",
  "template.sheet-exists": (p) =>
    `La feuille « ${p.sheet} » existe déjà dans ce classeur. Renommez-la ou supprimez-la avant de créer le modèle : le complément n'écrase jamais vos données.`,
  "template.sheets-exist": (p) =>
    `Le classeur a déjà ${p.sheets.length > 1 ? "les feuilles" : "une feuille"} ${p.sheets.map((n) => `« ${n} »`).join(", ")} : renommez-la(les) ou partez d'un classeur vide pour insérer le modèle.`,
  "chart.sheet-missing": (p) =>
    `Feuille « ${p.sheet} » introuvable dans le classeur généré : graphique non ajouté.`,
  "chart.drawing-exists": (p) => `La feuille « ${p.sheet} » contient déjà un dessin : graphique non ajouté.`,

  "config.invalid": (p) =>
    `Configuration invalide${p.source ? ` (${p.source})` : ""} : ${p.problems.join(" ; ")}. ` +
    "Corrigez le fichier de configuration ou supprimez les réglages en cause pour revenir aux valeurs par défaut.",

  "hub.url-invalid": (p) =>
    `Adresse du hub invalide : « ${p.url} ». Exemple : https://bilan-iae.mon-departement.fr`,
  "hub.url-not-http": (p) => `Adresse du hub invalide : « ${p.url} » (http ou https attendu).`,
  "hub.token-missing": () => "Jeton d'accès au hub manquant : saisissez le jeton remis par le Département.",
  "hub.unreachable": (p) =>
    `Le hub départemental (${p.url}) n'a pas répondu correctement après ${p.attempts} tentative${p.attempts > 1 ? "s" : ""} en ${p.seconds} s (${
      p.status !== null ? `réponse ${p.status}` : p.timedOut ? "délai dépassé" : "hub injoignable"
    }). ` +
    (p.queued
      ? "Le bilan n'est pas perdu : il sera renvoyé plus tard."
      : "Vérifiez l'adresse du hub et le réseau, puis réessayez."),
  "hub.unauthorized": (p) =>
    p.detail ||
    "Jeton d'accès refusé par le hub : vérifiez le jeton remis par le Département (il a peut-être été révoqué).",
  "hub.refused": (p) => p.detail || `Le hub a refusé la demande (statut ${p.status}).`,
  "hub.bad-receipt": () => "Réponse inattendue du hub (accusé de réception illisible).",
  "hub.bad-json": () => "Réponse inattendue du hub (JSON illisible).",
  "hub.bad-settings": (p) =>
    `Les réglages du Département envoyés par le hub (${p.url}) sont inutilisables : ${p.problems.join(" ; ")}. ` +
    "Le complément garde les réglages qu'il avait ; signalez-le au Département (ou mettez le complément à jour).",

  "consolidate.period-invalid": (p) =>
    `Période invalide : « ${p.period} ». Exemples : 2025, 2025-S1, 2025-Q1, 2025-03.`,
  "consolidate.token-refused": () =>
    "Jeton refusé par le hub (401) : vérifiez le jeton du Département, il a peut-être été révoqué.",
  "consolidate.token-not-department": () =>
    "Ce jeton n'ouvre pas la consolidation (403) : il faut un jeton du Département, pas celui d'une structure.",
  "consolidate.hub-unreachable": (p) =>
    `Le hub (${p.url}) ne répond pas : vérifiez l'adresse et votre connexion. Si l'adresse est juste, demandez au service informatique du Département d'autoriser ce volet à interroger le hub.`,
  "consolidate.hub-refused": (p) => `Le hub a refusé la demande : ${p.detail}`,
  "consolidate.hub-failed": (p) => `Consolidation impossible depuis le hub : ${p.detail}`,
  "consolidate.not-xlsx": (p) =>
    `« ${p.file} » n'est pas un classeur .xlsx : il est écarté. Enregistrez-le au format Classeur Excel (.xlsx) puis déposez-le à nouveau.`,
  "consolidate.analysis-failed": (p) =>
    `« ${p.file} » n'a pas pu être analysé (${p.detail}). Les autres fichiers sont consolidés ; ouvrez celui-ci seul dans l'onglet Vérifier pour en savoir plus.`,

  "pane.not-xlsx": (p) =>
    `« ${p.name} » n'est pas un classeur .xlsx. Enregistrez-le au format Classeur Excel (.xlsx) puis ouvrez-le ici.`,

  "usage.config-unreadable": (p) =>
    `Fichier de configuration « ${p.path} » illisible (${p.errno === "ENOENT" ? "introuvable" : (p.errno ?? "erreur de lecture")}) : vérifiez le chemin donné à --config.`,
  "usage.unknown-option": (p) =>
    `Option inconnue « ${p.option} » pour la commande « ${p.command} ». Tapez « bilan-iae ${p.command} --help » pour la liste des options.`,
  "usage.bad-option-value": (p) =>
    `Valeur manquante ou invalide pour l'option « ${p.option} » de la commande « ${p.command} ».`,
  "usage.bad-arguments": (p) => `Arguments invalides pour la commande « ${p.command} » : ${p.detail}`,
  "usage.unknown-subcommand": (p) =>
    `Sous-commande inconnue « ${p.command} ${p.sub} » : ${orList(p.choices)}.`,
  "usage.bad-siret": (p) => `SIRET invalide « ${p.value} » : 14 chiffres attendus (--siret).`,
  "usage.missing-name": () => 'Raison sociale manquante : --name "NOM DE LA STRUCTURE".',
  "usage.missing-kind": () =>
    "Type manquant : --kind ACI (ou AI, EI, ETTI, EITI ; plusieurs séparés par des virgules).",
  "usage.unknown-kinds": (p) => `Type inconnu « ${p.kinds.join(", ")} » : ACI, AI, EI, ETTI ou EITI.`,
  "usage.unknown-template-kind": (p) =>
    `Type de structure « ${p.kind} » inconnu : choisissez parmi ${p.known.join(", ")}.`,
  "usage.missing-output": () =>
    "Indiquez le fichier à créer avec -o, par exemple : bilan-iae template --kind ACI -o modele.xlsx",
  "usage.cannot-write": cannotWrite,
  "usage.missing-secret": (p) =>
    `${SECRET_FR[p.secret]} : --${p.flag} VALEUR ou la variable d'environnement ${p.env}.`,
  "usage.one-file-only": () =>
    "Indiquez un seul fichier : bilan-iae push FICHIER.xlsx --hub URL --token JETON --department-key CLE",
  "usage.missing-hub": () => "Adresse du hub manquante : --hub URL ou la variable BILAN_IAE_HUB.",
  "usage.file-not-found": (p) => `Fichier introuvable : ${p.path}`,
  "usage.no-input": (p) =>
    p.command === "check"
      ? "Indiquez au moins un fichier .xlsx à vérifier : bilan-iae check FICHIER.xlsx"
      : p.command === "indicators"
        ? "Indiquez au moins un fichier .xlsx : bilan-iae indicators FICHIER.xlsx"
        : "Indiquez des fichiers .xlsx ou un dossier : bilan-iae consolidate DOSSIER",
  "usage.no-xlsx-found": (p) => `Aucun fichier .xlsx trouvé dans : ${p.inputs.join(", ")}.`,
  "usage.hub-with-files": () => "Avec --hub, ne donnez pas de fichiers : la consolidation vient du hub.",
  "usage.missing-period": () =>
    "Indiquez la période avec --hub : --period 2025 (ou 2025-S1, 2025-Q1, 2025-03).",
  "usage.missing-department-token": () =>
    "Jeton du Département manquant : --token JETON ou la variable BILAN_IAE_TOKEN.",
  "usage.outbox-action": () =>
    "Action attendue : bilan-iae outbox list | bilan-iae outbox send --token JETON",
  "usage.bad-port": (p) => `Port invalide « ${p.value} » : un nombre entre 0 et 65535 est attendu.`,
  "usage.missing-backup-file": () => "Fichier de sauvegarde manquant : bilan-iae hub backup FICHIER.",
  "usage.backup-postgres": () =>
    "DATABASE_URL est défini (PostgreSQL) : sauvegardez avec pg_dump, pas avec « hub backup ».",
  "usage.token-target": () =>
    "Précisez soit --siret SIRET (jeton de structure), soit --department (jeton départemental).",
  "usage.unknown-structure": (p) =>
    `Structure ${p.siret} inconnue du hub : enregistrez-la d'abord avec « bilan-iae hub structure add ».`,
  "usage.missing-token-id": () =>
    "Numéro de jeton manquant : bilan-iae hub token revoke ID (voir « bilan-iae hub token list »).",
  "usage.hub-environment": (p) => p.detail,
};
