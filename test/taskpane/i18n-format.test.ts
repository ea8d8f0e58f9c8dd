import { chooseLanguage, translator } from "../../src/taskpane/i18n/i18n";
import { formatMessage, frenchTypography } from "../../src/taskpane/i18n/format";
import { fr } from "../../src/taskpane/i18n/fr";
import { findingText } from "../../src/taskpane/finding-text";
import { formatDate, formatDateTime } from "../../src/taskpane/labels";
import { userMessage } from "../../src/taskpane/errors";
import { readError } from "../../src/xlsx/errors";
import { UserError } from "../../src/core/errors/user-error";
import type { Finding } from "../../src/core";

const NNBSP = "\u202f";
const NBSP = "\u00a0";

describe("plurals and numbers", () => {
  const checked = (n: number, language: "fr" | "en") =>
    formatMessage(fr.checkedAt, { count: n, errors: n, warnings: n, infos: n }, language);

  it("French: singular for 0 and 1, plural from 2, narrow no-break space in thousands", () => {
    expect(translator("fr")("checkedAt", { count: 0, errors: 0, warnings: 0, infos: 0 })).toBe(
      `Vérifié${NBSP}: aucun problème (0 erreur, 0 avertissement, 0 information).`,
    );
    expect(checked(1, "fr")).toBe(`Vérifié${NBSP}: 1 problème (1 erreur, 1 avertissement, 1 information).`);
    expect(checked(2, "fr")).toBe(
      `Vérifié${NBSP}: 2 problèmes (2 erreurs, 2 avertissements, 2 informations).`,
    );
    expect(checked(29_960, "fr")).toBe(
      `Vérifié${NBSP}: 29${NNBSP}960 problèmes (29${NNBSP}960 erreurs, 29${NNBSP}960 avertissements, 29${NNBSP}960 informations).`,
    );
  });

  it("English: one and other, comma thousands", () => {
    const t = translator("en");
    expect(t("checkedAt", { count: 1, errors: 1, warnings: 0, infos: 0 })).toBe(
      "Checked: 1 problem (1 error, 0 warnings, 0 information).",
    );
    expect(t("checkedAt", { count: 29_960, errors: 2, warnings: 1, infos: 29_957 })).toBe(
      "Checked: 29,960 problems (2 errors, 1 warning, 29,957 information).",
    );
    expect(t("sendBlocked", { count: 1 })).toBe("Cannot send: 1 error to fix.");
  });

  it("no French string says '(s)' for a plural", () => {
    expect(Object.entries(fr).filter(([, v]) => /\(s\)/.test(v))).toEqual([]);
  });
});

describe("French typography", () => {
  it("no-break spaces inside « » and before : ; ! ? %, none added where there was no space", () => {
    expect(frenchTypography("Lecture de « Salariés » : 10 % ; fini ? oui !")).toBe(
      `Lecture de «${NBSP}Salariés${NBSP}»${NBSP}: 10${NBSP}% ; fini${NNBSP}? oui${NNBSP}!`.replace(
        " ;",
        `${NNBSP};`,
      ),
    );
    expect(frenchTypography("https://hub.fr à 10:42")).toBe("https://hub.fr à 10:42");
  });

  it("every French string of the pane comes out with no breakable space before : ; ! ? or inside « »", () => {
    const t = translator("fr");
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) {
      const text = t(key, {});
      expect([key, /« | »| [:;!?]/.test(text)]).toEqual([key, false]);
    }
  });
});

describe("language", () => {
  it("?lang= first, then Office's display language, then the first of the browser's languages the pane speaks", () => {
    expect(chooseLanguage("en", "fr-FR", ["fr-FR"])).toBe("en");
    expect(chooseLanguage(null, "en-GB", ["fr-FR"])).toBe("en");
    expect(chooseLanguage(null, "fr-FR", ["en-US"])).toBe("fr");
    expect(chooseLanguage(null, null, ["en-US", "fr-FR"])).toBe("en");
    expect(chooseLanguage(null, null, ["de-DE", "en-GB"])).toBe("en");
    expect(chooseLanguage(null, null, ["de-DE", "es-ES"])).toBe("fr");
    expect(chooseLanguage(null, null, [])).toBe("fr");
  });
});

const finding = (p: Partial<Finding>): Finding => ({
  code: "value-invalid",
  severity: "error",
  sheet: "Salariés",
  cell: "E5",
  row: 5,
  column: 5,
  field: "birthDate",
  value: "31/02/1990",
  message: "Date de naissance illisible : « 31/02/1990 ».",
  ...p,
});

describe("findings in the pane's language", () => {
  it("French: the core's message, with French typography and guillemets for straight quotes", () => {
    expect(findingText(finding({}), "fr")).toBe(
      `Date de naissance illisible${NBSP}: «${NBSP}31/02/1990${NBSP}».`,
    );
    expect(findingText(finding({ message: 'Sexe illisible : "Z". Saisissez F ou H.' }), "fr")).toBe(
      `Sexe illisible${NBSP}: «${NBSP}Z${NBSP}». Saisissez F ou H.`,
    );
  });

  it("English: worded from code, field and value, never the French message", () => {
    const text = findingText(finding({}), "en");
    expect(text).toContain("“31/02/1990”");
    expect(text).toContain("cannot be read");
    expect(text).not.toMatch(/illisible|Date de naissance illisible/);
    const missing = findingText(
      finding({
        code: "exit-reason-missing",
        field: "exitReason",
        value: null,
        message: "Motif de sortie manquant.",
      }),
      "en",
    );
    expect(missing).toBe("This person left but the exit reason is empty. Choose the reason from the list.");
  });

  it("English: a code the table does not know yet gets its title and value, not French", () => {
    const text = findingText(
      finding({
        code: "future-rule" as Finding["code"],
        field: null,
        value: "Total",
        message: "Ligne de total écartée.",
      }),
      "en",
    );
    expect(text).toBe("future-rule “Total”.");
  });
});

describe("errors in the pane's language", () => {
  const cells = new UserError("limit.too-many-cells", {
    cells: 6_250_000,
    max: 5_000_000,
    sheet: "Salariés",
    range: "A1:Y250000",
  });

  it("the Office adapter's errors carry a code the pane words in English", () => {
    const text = userMessage(cells, translator("en"));
    expect(text).toBe(
      "The workbook has 6,250,000 used cells, beyond the 5,000,000 the add-in can read (sheet “Salariés” spans A1:Y250000). Delete the empty rows and columns at the end of the sheet (often a stray value far from the table), or check the file with the bilan-iae command.",
    );
    const edit = new UserError("office.InvalidOperationInCellEditMode", { action: "Lecture du classeur" });
    expect(userMessage(edit, translator("en"))).toBe(
      "Excel is editing a cell. Press Enter or Esc in the sheet, then try again.",
    );
    expect(userMessage(edit, translator("fr"))).toBe(
      `Lecture du classeur${NBSP}: Une cellule est en cours de modification dans Excel. Appuyez sur Entrée ou Échap pour terminer la saisie, puis recommencez.`,
    );
  });

  it("file errors are worded from the reader's reason in English", () => {
    const error = readError("truncated", "bilan.xlsx");
    expect(userMessage(error, translator("en"))).toMatch(/^The file “bilan\.xlsx” is incomplete or damaged/);
    expect(userMessage(error, translator("fr"))).toMatch(
      new RegExp(`^Le fichier «${NBSP}bilan.xlsx${NBSP}» est incomplet ou abîmé`),
    );
  });
});

describe("dates in the pane's language", () => {
  it("French keeps dd/mm/yyyy; English reads 'Jan 31, 2025' and a 12-hour time", () => {
    expect(formatDate("2025-01-31", "fr")).toBe("31/01/2025");
    expect(formatDate("2025-01-31", "en")).toBe("Jan 31, 2025");
    const at = new Date(2026, 0, 2, 8, 5);
    expect(formatDateTime(at, "fr")).toBe("02/01/2026 08:05");
    expect(formatDateTime(at, "en")).toMatch(/^Jan 2, 2026,? 8:05\s?AM$/);
  });
});
