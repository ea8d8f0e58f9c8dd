import { analyzeWorkbook, DEFAULT_CONFIG } from "../core";
import type { Analyze } from "./hooks/useWorkbookSession";

/** The pane's engine call: the department's rules when the hub gave them, the shipped defaults otherwise. */
export const analyze: Analyze = (workbook, mapping, config) =>
  analyzeWorkbook(workbook, { config: config ?? DEFAULT_CONFIG, mapping: mapping ?? undefined });
