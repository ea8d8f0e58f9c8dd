import { Fragment } from "react";
import type { ConsolidateTranslate } from "../i18n/consolidate";
import { WorkbookText } from "./WorkbookText";

/** « Manquants : A (EI), B (ACI). », the structures' names marked as the workbooks' words (a French voice in an English pane). */
export function MissingNames({
  names,
  ct,
}: {
  names: readonly { name: string; kind: string }[];
  ct: ConsolidateTranslate;
}) {
  const MARK = "\u0000";
  const [before, after = ""] = ct("missingNames", { names: MARK }).split(MARK);
  return (
    <>
      {before}
      {names.map((m, i) => (
        <Fragment key={i}>
          {i > 0 && ", "}
          <WorkbookText>{m.name}</WorkbookText> ({m.kind})
        </Fragment>
      ))}
      {after}
    </>
  );
}
