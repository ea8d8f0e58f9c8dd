import ExcelJS from "exceljs";
import JSZip from "jszip";
import { DEFAULT_CONFIG } from "../../src/core";
import { canonicalTemplate } from "../../src/core/template/canonical-template";
import { EDUCATION_LEVELS } from "../../src/core/reference/education-levels";
import { FT_DURATIONS } from "../../src/core/reference/ft-durations";
import { PRESCRIBERS } from "../../src/core/reference/prescribers";
import { addTemplateSheets } from "../../src/xlsx/write-template";
import { stampWorkbook } from "../../src/xlsx/exceljs-util";
import { MOTIFS, PRESCRIBER_CODES } from "./people";
import type { TruthPerson, TruthWorkbook } from "./truth";

/** Fixed timestamp of every generated file (byte-stable output). */
export const GENERATED_AT = new Date(Date.UTC(2026, 0, 15, 9, 0, 0));

export const dateOf = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);
const yesNo = (b: boolean | null) => (b === null ? "" : b ? "Oui" : "Non");
const RSA_TEXT = { NON: "Non", "OUI-M": "Oui - majoré", "OUI-NM": "Oui - non majoré" } as const;
const codeLabel = (list: readonly { code: string; label: string }[], code: string | null) => {
  if (code === null) return "";
  const e = list.find((x) => x.code === code);
  return e ? `${e.code} - ${e.label}` : code;
};

/** Cell overrides applied after the clean values (the EI's mistakes): field → raw cell value. */
export type Overrides = Map<number, Partial<Record<string, ExcelJS.CellValue>>>;

/** Re-zips with a fixed date on every entry, so `npm run examples` gives the same bytes each time. */
export async function stableZip(bytes: Uint8Array): Promise<Buffer> {
  const src = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  const names = Object.keys(src.files).filter((n) => !src.files[n].dir);
  for (const n of names) out.file(n, await src.files[n].async("uint8array"), { date: GENERATED_AT, createFolders: false });
  return out.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

/** A workbook in the canonical template layout (Structure + Salariés), filled with the persons. */
export async function canonicalWorkbook(t: TruthWorkbook, extra: { prescribers?: boolean; overrides?: Overrides; structureOverrides?: Record<string, ExcelJS.CellValue> } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  stampWorkbook(wb, GENERATED_AT);
  const tpl = canonicalTemplate({ kind: t.kind, exitMotifs: DEFAULT_CONFIG.exitMotifs });
  addTemplateSheets(wb, tpl);
  const st = wb.getWorksheet(tpl.sheets.structure) as ExcelJS.Worksheet;
  const values: Record<string, ExcelJS.CellValue> = {
    siret: t.siret,
    name: t.name,
    kind: t.kind,
    afNumber: `${t.kind}0${t.department}250${String(t.siret).slice(-3)}A0M0`,
    department: t.department,
    periodStart: dateOf(t.periodStart),
    periodEnd: dateOf(t.periodEnd),
    fteConventioned: t.fteConventioned,
    ...extra.structureOverrides,
  };
  tpl.structure.forEach((r, i) => {
    const v = values[r.key];
    if (v !== undefined && v !== null) st.getCell(i + 2, 2).value = v;
  });
  const ws = wb.getWorksheet(tpl.sheets.people) as ExcelJS.Worksheet;
  for (const p of t.persons) {
    const cells: Record<string, ExcelJS.CellValue> = {
      passNumber: p.pass ?? "",
      lastName: p.lastName,
      firstName: p.firstName,
      sex: p.sex ?? "",
      birthDate: p.birth ? dateOf(p.birth) : "",
      postalCode: "38000",
      commune: "Grenoble",
      qpv: yesNo(p.qpv),
      qpvCode: p.qpv ? `QP038${String(p.row % 20).padStart(3, "0")}` : "",
      zrr: yesNo(p.zrr),
      rsa: p.rsa ? RSA_TEXT[p.rsa as keyof typeof RSA_TEXT] ?? "Oui" : "",
      ass: yesNo(p.ass),
      aah: yesNo(p.aah),
      rqth: yesNo(p.rqth),
      ftDuration: p.ft ? (FT_DURATIONS.find((d) => d.code === p.ft)?.label ?? p.ft) : "",
      educationLevel: codeLabel(EDUCATION_LEVELS, p.edu),
      prescriber: extra.prescribers === false ? "" : codeLabel(PRESCRIBERS, PRESCRIBER_CODES[p.row % PRESCRIBER_CODES.length]),
      hireDate: p.hire ? dateOf(p.hire) : "",
      contractEndDate: p.contractEnd ? dateOf(p.contractEnd) : "",
      weeklyHours: p.weekly ?? "",
      hoursWorked: p.hours ?? "",
      hoursSinceHire: p.hoursSinceHire ?? "",
      exitDate: p.exit ? dateOf(p.exit) : "",
      exitReason: p.motifCode ? `${p.motifCode} - ${MOTIFS[p.motifCode].label}` : "",
      derogation: "",
      ...extra.overrides?.get(p.row),
    };
    tpl.columns.forEach((c, i) => {
      const v = cells[c.field];
      if (v !== "" && v !== undefined && v !== null) ws.getCell(p.row, i + 1).value = v;
    });
  }
  return stableZip(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
const frText = (isoDate: string) => `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;

/** Splits a person's period hours over the months they were present (2 decimals, exact total). */
export function monthlyHours(p: TruthPerson, periodStart: string, periodEnd: string): number[] {
  const out = new Array<number>(12).fill(0);
  const from = p.hire && p.hire > periodStart ? p.hire : periodStart;
  const to = p.exit && p.exit < periodEnd ? p.exit : periodEnd;
  const m0 = Number(from.slice(5, 7)) - 1;
  const m1 = Number(to.slice(5, 7)) - 1;
  const n = m1 - m0 + 1;
  const cents = Math.round((p.hours ?? 0) * 100);
  const base = Math.floor(cents / n);
  for (let m = m0; m <= m1; m++) out[m] = base / 100;
  out[m1] = (cents - base * (n - 1)) / 100;
  return out;
}

/**
 * An AI in a department's own layout: title rows, structure label/value pairs above the table with
 * an empty gap cell, other header words, text dates, X for yes (empty otherwise), monthly hours.
 */
export async function departmentLayoutWorkbook(t: TruthWorkbook, headerRow: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  stampWorkbook(wb, GENERATED_AT);
  const ws = wb.addWorksheet("Bilan 2025");
  ws.getCell("A1").value = "CONSEIL DÉPARTEMENTAL DE L'ISÈRE — Direction de l'insertion";
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A2").value = "Bilan annuel des structures d'insertion par l'activité économique";
  const pairs: [string, ExcelJS.CellValue][] = [
    ["SIRET :", t.siret.replace(/(\d{3})(\d{3})(\d{3})(\d{5})/, "$1 $2 $3 $4")],
    ["Raison sociale :", t.name],
    ["Type de structure :", "Association intermédiaire"],
    ["Département :", t.department],
    ["Début de période :", frText(t.periodStart)],
    ["Fin de période :", frText(t.periodEnd)],
  ];
  pairs.forEach(([label, value], i) => {
    ws.getCell(4 + i, 1).value = label;
    // Column B left empty on purpose (merged-looking gap), value in C.
    ws.getCell(4 + i, 3).value = value;
  });
  const headers = [
    "N° agrément",
    "Nom de famille",
    "Prénom",
    "Civilité",
    "Né(e) le",
    "Quartier prioritaire (QPV)",
    "Allocataire RSA",
    "Travailleur handicapé",
    "Date d'entrée",
    "Date de fin de parcours",
    "Situation à la sortie",
    ...MONTHS.map((m) => `Heures ${m}`),
    "Observations",
  ];
  headers.forEach((h, i) => {
    const c = ws.getCell(headerRow, i + 1);
    c.value = h;
    c.font = { bold: true };
  });
  for (const p of t.persons) {
    const months = monthlyHours(p, t.periodStart, t.periodEnd);
    const row: ExcelJS.CellValue[] = [
      p.pass ? `${p.pass.slice(0, 5)} ${p.pass.slice(5, 7)} ${p.pass.slice(7)}` : "",
      p.lastName.toUpperCase(),
      p.firstName,
      p.sex === "F" ? "Mme" : "M.",
      p.birth ? frText(p.birth) : "",
      p.qpv ? "X" : "",
      p.rsa === "NON" ? "Non" : "Oui",
      p.rqth ? "X" : "",
      p.hire ? frText(p.hire) : "",
      p.exit ? frText(p.exit) : "",
      p.motifCode ? MOTIFS[p.motifCode].label : "",
      ...months.map((h) => (h === 0 ? "" : h)),
      p.row % 7 === 0 ? "suivi renforcé" : "",
    ];
    row.forEach((v, i) => {
      if (v !== "") ws.getCell(p.row, i + 1).value = v;
    });
  }
  ws.getColumn(2).width = 18;
  ws.getColumn(11).width = 40;
  return stableZip(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}
