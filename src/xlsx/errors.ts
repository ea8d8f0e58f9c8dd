/** Why a file could not be read. Stable codes: the CLI and the add-in branch on them, tests pin them. */
export type XlsxReadReason =
  | "empty-file"
  | "not-zip"
  | "truncated"
  | "protected-or-xls"
  | "not-xlsx"
  | "no-sheet"
  | "no-cells"
  | "too-many-rows"
  | "too-many-cells"
  | "too-many-formulas"
  | "too-many-merges"
  | "file-too-large"
  | "too-many-parts"
  | "part-too-large"
  | "content-too-large"
  | "compression-bomb"
  | "too-many-strings"
  | "too-many-styles"
  | "read-timeout"
  | "read-memory"
  | "unreadable"
  | "io";

/** A file that cannot be read as a workbook. `message` is French, names the file and says what to do. */
export class XlsxReadError extends Error {
  constructor(
    readonly reason: XlsxReadReason,
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = "XlsxReadError";
  }
}

export function isXlsxReadError(e: unknown): e is XlsxReadError {
  return e instanceof XlsxReadError;
}

/** What to do when a file passes a reading limit: no report is that big, so the file is damaged or was made to harm. */
const TOO_BIG =
  "Aucun bilan SIAE n'atteint cette taille : le fichier est abîmé ou a été fabriqué pour bloquer la lecture. Ne l'ouvrez pas ; demandez à la structure de renvoyer son bilan enregistré depuis Excel ou LibreOffice";

const SAVE_AS = "ouvrez-le dans Excel (ou LibreOffice) et enregistrez-le au format Classeur Excel (.xlsx)";

/** French messages, one place, so the CLI, the add-in and the tests agree. */
export function readErrorMessage(reason: XlsxReadReason, file: string, detail?: string): string {
  const f = `« ${file} »`;
  switch (reason) {
    case "empty-file":
      return `Le fichier ${f} est vide (0 octet) : vérifiez que vous avez choisi le bon fichier ou renvoyez-le.`;
    case "not-zip":
      return `Le fichier ${f} n'est pas un classeur Excel .xlsx${detail ? ` (${detail})` : ""} : ${SAVE_AS}.`;
    case "truncated":
      return `Le fichier ${f} est incomplet ou abîmé (copie ou téléchargement interrompu ?) : récupérez-en une copie complète, ou ${SAVE_AS} à nouveau.`;
    case "protected-or-xls":
      return `Le fichier ${f} est protégé par mot de passe ou ancien format .xls : ouvrez-le dans Excel et enregistrez-le en .xlsx sans mot de passe.`;
    case "not-xlsx":
      return `Le fichier ${f} est une archive mais pas un classeur Excel .xlsx${detail ? ` (${detail})` : ""} : ${SAVE_AS}.`;
    case "no-sheet":
      return `Le classeur ${f} ne contient aucune feuille : ajoutez la feuille des salariés (commande « bilan-iae template » pour un modèle).`;
    case "no-cells":
      return `Le classeur ${f} est vide (aucune cellule remplie) : remplissez la feuille des salariés puis relancez.`;
    case "too-many-rows":
      return `Le classeur ${f} est trop grand${detail ? ` (${detail})` : ""} : un bilan SIAE ne compte pas autant de lignes. Supprimez les lignes inutiles (lignes vides formatées, copies) ou séparez les données, puis relancez.`;
    case "too-many-cells":
      return `Le classeur ${f} est trop grand${detail ? ` (${detail})` : ""} : des cellules sont remplies loin à droite ou en bas du tableau. Supprimez les colonnes et les lignes au-delà du tableau (Ctrl+Fin dans Excel montre la dernière cellule utilisée), enregistrez, puis relancez.`;
    case "too-many-formulas":
      return `Le classeur ${f} est trop grand${detail ? ` (${detail})` : ""} : un bilan SIAE n'a pas autant de formules. Remplacez les formules par leurs valeurs (Copier, puis Collage spécial > Valeurs) ou supprimez les lignes inutiles, enregistrez, puis relancez.`;
    case "too-many-merges":
      return `Le classeur ${f} est trop grand${detail ? ` (${detail})` : ""} : un bilan SIAE n'a pas autant de cellules fusionnées. Annulez les fusions inutiles (Accueil > Fusionner et centrer > Annuler la fusion), enregistrez, puis relancez.`;
    case "file-too-large":
    case "too-many-parts":
    case "part-too-large":
    case "content-too-large":
    case "compression-bomb":
    case "too-many-strings":
    case "too-many-styles":
      return `Le fichier ${f} n'a pas été lu : ${detail ?? "limite de lecture dépassée"}. ${TOO_BIG}.`;
    case "read-timeout":
    case "read-memory":
      return `La lecture du fichier ${f} a été arrêtée : ${detail ?? "limite de lecture dépassée"}. ${TOO_BIG}.`;
    case "io":
      return `Impossible d'ouvrir le fichier ${f}${detail ? ` (${detail})` : ""} : vérifiez le chemin et les droits de lecture.`;
    case "unreadable":
    default:
      return `Le classeur ${f} n'a pas pu être lu${detail ? ` (${detail})` : ""} : ${SAVE_AS}, puis relancez.`;
  }
}

export function readError(reason: XlsxReadReason, file: string, detail?: string): XlsxReadError {
  return new XlsxReadError(reason, file, readErrorMessage(reason, file, detail));
}
