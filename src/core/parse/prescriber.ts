import { PRESCRIBERS } from "../reference/prescribers";
import { createCodeParser } from "./code-table";

/**
 * Prescriber (ASP "orienteur"): codes 01–23, 99 or labels → two-digit code. Containment is on because
 * users write the agency ("Pôle emploi Grenoble Sud", "Mission locale de Vienne").
 */
export const parsePrescriber = createCodeParser(PRESCRIBERS, { containment: true });
