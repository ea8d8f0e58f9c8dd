import { translator } from "../../src/taskpane/i18n/i18n";
import { notKeptText } from "../../src/taskpane/not-kept-text";

const NBSP = "\u00a0";

describe("the sentence on what the annotated copy could not keep", () => {
  it("is absent when nothing was lost", () => {
    expect(notKeptText({ charts: 0, pivotTables: 0, shapes: 0 }, translator("fr"))).toBeNull();
  });

  it("French: singular and plural forms, a list joined with « et », the colon after a no-break space", () => {
    expect(notKeptText({ charts: 1, pivotTables: 0, shapes: 0 }, translator("fr"))).toBe(
      `Cette copie ne reprend pas le graphique de votre classeur${NBSP}: gardez l'original, qui n'a pas été modifié.`,
    );
    expect(notKeptText({ charts: 3, pivotTables: 2, shapes: 1 }, translator("fr"))).toBe(
      `Cette copie ne reprend pas les 3 graphiques, les 2 tableaux croisés dynamiques et la forme dessinée de votre classeur${NBSP}: gardez l'original, qui n'a pas été modifié.`,
    );
  });

  it("English: the same facts in English", () => {
    expect(notKeptText({ charts: 0, pivotTables: 1, shapes: 4 }, translator("en"))).toBe(
      "This copy does not include the pivot table and the 4 drawn shapes of your workbook: keep the original, which has not been changed.",
    );
  });
});
