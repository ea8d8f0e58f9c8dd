import type { ReactNode } from "react";

/**
 * Words that come from the workbook (its column names, which are the French template's, and the structure's
 * name), not from the pane: marked French so a screen reader in an English pane reads them with a French
 * voice (WCAG 3.1.2, language of parts), and `translate="no"` so a browser's translation leaves them as the
 * user typed them in the workbook.
 */
export function WorkbookText({ children }: { children: ReactNode }) {
  return (
    <span lang="fr" translate="no">
      {children}
    </span>
  );
}
