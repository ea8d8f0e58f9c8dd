import type { PersonRow } from "../model/person";

/** An empty row of a sheet, every field not filled. */
export function newRow(sheet: string, excelRow: number): PersonRow {
  return {
    sheet,
    excelRow,
    kind: null,
    passNumber: null,
    lastName: null,
    firstName: null,
    sex: null,
    birthDate: null,
    birthYear: null,
    postalCode: null,
    commune: null,
    qpv: null,
    qpvCode: null,
    zrr: null,
    rsa: null,
    ass: null,
    aah: null,
    rqth: null,
    ftDuration: null,
    educationLevel: null,
    prescriber: null,
    hireDate: null,
    contractEndDate: null,
    weeklyHours: null,
    hoursWorked: null,
    hoursSinceHire: null,
    exitDate: null,
    exitMotif: null,
    exitReasonRaw: null,
    derogation: false,
    identity: null,
  };
}
