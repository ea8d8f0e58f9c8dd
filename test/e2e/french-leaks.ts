/**
 * In an English pane, the lines of visible text that are still French. What comes from the workbook (its
 * sheet and column names, the structure's name) is marked `lang="fr"` by the pane (WorkbookText) and left
 * out; a value a finding quotes stands in “…”; file names and sheet!cell references are data too.
 */
import type { Page } from "playwright-core";

/** French words and marks the pane's English never uses. */
const FRENCH =
  /[«»]|(^|[^\wÀ-ÿ])(le|la|les|des|du|au|aux|une|et|ou|où|à|est|sont|être|pas|avec|pour|dans|sur|votre|vos|cette|ce|aucun|aucune|erreurs?|feuilles?|classeur|fichiers?|lignes?|colonnes?|vérifi\w*|envoy\w*|télécharg\w*|cellule|chiffres|taux|sorties?|salariés?|département|réglages?|jeton)(?![\wÀ-ÿ])/i;

const DATA = [
  /“[^”]*”|‘[^’]*’|"[^"]*"/g, // quoted values
  /\b[\wÀ-ÿ' -]+!\$?[A-Z]{1,3}\$?\d+\b/g, // a sheet!cell reference
  /\b[\w.-]+\.xlsx\b/g, // file names
];

export async function frenchLeaks(page: Page): Promise<string[]> {
  const { text, marked } = await page.evaluate(() => ({
    text: document.body.innerText,
    marked: [...document.querySelectorAll('[lang]:not(html):not([lang^="en"])')].map(
      (el) => (el as HTMLElement).innerText,
    ),
  }));
  const unmarked = marked.reduce((t, words) => (words ? t.split(words).join(" ") : t), text);
  return unmarked
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => FRENCH.test(DATA.reduce((l, data) => l.replace(data, " "), line)));
}
