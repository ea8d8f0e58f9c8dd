import type { RulesConfig } from "../model/config";
import type { PersonField } from "../model/fields";
import type { Indicators } from "../model/indicators";
import type { PersonRow } from "../model/person";
import type { StructureInfo } from "../model/structure";
import type { MotifIndex } from "../config/motifs";

/** What the indicators read of a row: PersonRow satisfies it, and so do rows rebuilt from submission records. */
export type IndicatorRow = Pick<
  PersonRow,
  | "identity"
  | "sex"
  | "birthYear"
  | "qpv"
  | "zrr"
  | "rsa"
  | "ass"
  | "aah"
  | "rqth"
  | "ftDuration"
  | "educationLevel"
  | "hireDate"
  | "exitDate"
  | "exitMotif"
  | "hoursWorked"
  | "hoursSinceHire"
>;

export interface IndicatorContext {
  structure: StructureInfo;
  /** Columns present in the sheet: a share whose column is absent is null, not 0. */
  fieldsPresent: readonly PersonField[];
  config: RulesConfig;
  motifs: MotifIndex;
}

/** STUB — owned by the indicators work (domain §4). */
export function computeIndicators(_rows: readonly IndicatorRow[], _ctx: IndicatorContext): Indicators {
  throw new Error("computeIndicators: not implemented yet");
}
