/**
 * axe-core on a page of the pane: every violation, less an explicit allow-list of markup that Fluent UI
 * itself renders (the project cannot change it), each entry with its reason.
 */
import type { Page } from "playwright-core";

/** A tolerated violation: the rule, a pattern of the node's own markup, and why it is not the project's to fix. */
interface Allowed {
  rule: string;
  markup: RegExp;
  why: string;
}

export const ALLOWED: readonly Allowed[] = [
  {
    rule: "aria-hidden-focus",
    // Tabster's "dummy inputs": 1 px <i tabindex="0" aria-hidden="true" data-tabster-dummy> around the TabList,
    // the Accordion and the body, rendered by Fluent UI (not our JSX); axe's selector for them is positional.
    markup: /^<i [^>]*data-tabster-dummy=""/,
    why: "Fluent's focus management catches Tab entering or leaving a group on these sentinels and moves focus on at once; they are focusable by design and hidden from screen readers by design.",
  },
];

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  help: string;
  nodes: AxeNode[];
}

/** Each violation of the page, one line per node ("rule: selector — help"), allow-listed ones left out. */
export async function axeViolations(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => "axe" in window);
  if (!loaded) await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  // A button just re-enabled fades from its disabled colours in ~100 ms, and a re-render may start a fade
  // after any wait: contrast is judged on the final colours, with transitions and animations switched off.
  await page.evaluate(async () => {
    if (!document.getElementById("axe-no-transitions")) {
      const style = document.createElement("style");
      style.id = "axe-no-transitions";
      style.textContent =
        "*, *::before, *::after { transition: none !important; animation: none !important; }";
      document.head.appendChild(style);
    }
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
  const violations = await page.evaluate(async () => {
    const result = await (
      window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: unknown[] }> } }
    ).axe.run(document, { resultTypes: ["violations"] });
    return JSON.parse(JSON.stringify(result.violations)) as unknown;
  });
  const lines: string[] = [];
  for (const v of violations as AxeViolation[]) {
    for (const node of v.nodes) {
      const selector = node.target.map(String).join(" ");
      if (ALLOWED.some((a) => a.rule === v.id && a.markup.test(node.html))) continue;
      lines.push(
        `${v.id}: ${selector} — ${v.help} — ${node.html.slice(0, 160)} — ${(node.failureSummary ?? "").replace(/\s+/g, " ")}`,
      );
    }
  }
  return lines;
}

/** Fails with the list of violations, named by view. */
export async function expectNoAxeViolations(page: Page, view: string): Promise<void> {
  expect([view, await axeViolations(page)]).toEqual([view, []]);
}
