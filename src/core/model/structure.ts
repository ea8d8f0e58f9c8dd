import type { Kind } from "./kinds";
import type { StructureField } from "./fields";

/** The structure block (domain §2.1), typed. Dates are ISO yyyy-mm-dd. */
export interface StructureInfo {
  siret: string | null;
  name: string | null;
  kind: Kind | null;
  afNumber: string | null;
  department: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  fteConventioned: number | null;
  annualHoursPerFte: number | null;
  cdCofinancedAmount: number | null;
}

/** Where each structure value was found (for findings and navigation). */
export type StructureLocations = Partial<
  Record<StructureField, { sheet: string; row: number; column: number }>
>;
