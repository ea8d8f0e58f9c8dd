import type { Page } from "playwright-core";

/**
 * Opens the Indicateurs view and checks it shows the CLI's figures for the same file: every key, each value
 * to 12 significant digits (the CLI's JSON rounds ratios to 15), an empty value where the CLI has null.
 */
export async function expectCliIndicators(
  page: Page,
  words: { tabIndicators: string; writeIndicators: string },
  expected: Record<string, number | null>,
): Promise<void> {
  await page.getByRole("tab", { name: words.tabIndicators }).click();
  await page.getByRole("button", { name: words.writeIndicators }).waitFor();
  const shown = await page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll("[data-indicator]")].map((e) => [
        e.getAttribute("data-indicator"),
        e.getAttribute("data-value"),
      ]),
    ),
  );
  expect(Object.keys(shown).sort()).toEqual(Object.keys(expected).sort());
  for (const [key, value] of Object.entries(expected)) {
    if (value === null) expect([key, shown[key]]).toEqual([key, ""]);
    else expect([key, Number(shown[key]).toPrecision(12)]).toEqual([key, value.toPrecision(12)]);
  }
}
