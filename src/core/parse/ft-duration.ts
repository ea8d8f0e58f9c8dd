import type { FtDuration } from "../model/person";
import { FT_DURATIONS } from "../reference/ft-durations";
import { createCodeParser } from "./code-table";

/** France Travail registration duration: codes 00–04 / 0–4 or their labels → "00"…"04". */
export const parseFtDuration = createCodeParser<FtDuration>(FT_DURATIONS);
