import { translator } from "../../src/taskpane/i18n/i18n";
import { frenchTypography as typo } from "../../src/taskpane/i18n/format";
import type { FindingsDiff } from "../../src/taskpane/live-check/diff";
import { recheckMessage } from "../../src/taskpane/live-check/message";

const at = new Date(2026, 11, 7, 9, 5);
const diff = (fixedE: number, newE: number, fixedW: number, newW: number, errors: number): FindingsDiff => ({
  fixed: { error: fixedE, warning: fixedW },
  added: { error: newE, warning: newW },
  rows: new Map(),
  errors,
});

describe("the message after a re-check", () => {
  const fr = translator("fr");
  const en = translator("en");

  it("says what changed with French plurals and typography, then what is left", () => {
    expect(recheckMessage(fr, at, diff(2, 0, 0, 0, 3), null)).toBe(
      typo("Revérifié à 09:05 — 2 erreurs corrigées ; il reste 3 erreurs."),
    );
    expect(recheckMessage(fr, at, diff(1, 1, 1, 2, 1), null)).toBe(
      typo(
        "Revérifié à 09:05 — 1 erreur corrigée, 1 nouvelle erreur, 1 avertissement corrigé, 2 nouveaux avertissements ; il reste 1 erreur.",
      ),
    );
    expect(recheckMessage(fr, at, diff(0, 0, 0, 1, 0), null)).toBe(
      typo("Revérifié à 09:05 — 1 nouvel avertissement ; plus aucune erreur."),
    );
    expect(recheckMessage(fr, at, diff(0, 0, 0, 0, 2), null)).toBe(
      typo("Revérifié à 09:05 — erreurs et avertissements inchangés ; il reste 2 erreurs."),
    );
    expect(recheckMessage(fr, at, diff(0, 2, 0, 0, 2), "shape")).toBe(
      typo(
        "Revérifié à 09:05, classeur relu en entier (lignes ou colonnes insérées ou supprimées) — 2 nouvelles erreurs ; il reste 2 erreurs.",
      ),
    );
    // No-break spaces where French wants them: before ";" (narrow) and never a bare space there.
    expect(recheckMessage(fr, at, diff(1, 0, 0, 0, 0), null)).toContain("corrigée\u202f;");
  });

  it("in English", () => {
    expect(recheckMessage(en, at, diff(1, 2, 0, 0, 2), null)).toBe(
      "Checked again at 09:05 — 1 error fixed, 2 new errors; 2 errors left.",
    );
    expect(recheckMessage(en, at, diff(0, 0, 2, 1, 0), "header")).toBe(
      "Checked again at 09:05, whole workbook read (headers or structure block changed) — 2 warnings fixed, 1 new warning; no error left.",
    );
  });
});
