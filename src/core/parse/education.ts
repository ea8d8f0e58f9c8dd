import { EDUCATION_LEVELS } from "../reference/education-levels";
import { createCodeParser } from "./code-table";

/** Education level: ASP codes with or without leading zero, or their labels → "00", "01", "10"…"70". */
export const parseEducationLevel = createCodeParser(EDUCATION_LEVELS);
