import ExcelJS from "exceljs";
import { INDICATOR_KEYS, type Consolidation, type Indicators } from "../core";
import { stampWorkbook, styleHeaderRow, toBytes } from "./exceljs-util";
import { excelFormat, indicatorDefinition, indicatorLabel } from "./labels";


export const CONSOLIDATION_SHEETS = { reports: "Rapports", byKind: "Par type", total: "Département", notes: "Définitions" } as const;

export const PERCENT_FORMAT = "0.0 %";

interface Col {
  header: string;
  width: number;
  numFmt?: string;
}

function addTable(wb: ExcelJS.Workbook, name: string, lead: Col[], rows: { lead: (string | number | boolean | null)[]; indicators: Indicators }[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  const cols: Col[] = [...lead, ...INDICATOR_KEYS.map((k) => ({ header: indicatorLabel(k), width: Math.min(28, Math.max(12, indicatorLabel(k).length * 0.9)), numFmt: excelFormat(k) }))];
  ws.columns = cols.map((c) => ({ header: c.header, width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  for (const r of rows) {
    ws.addRow([...r.lead.map((v) => (typeof v === "boolean" ? (v ? "Oui" : "Non") : v)), ...INDICATOR_KEYS.map((k) => r.indicators[k])]);
  }
  const header = ws.getRow(1);
  styleHeaderRow(header);
  header.height = 45;
  ws.views = [{ state: "frozen", ySplit: 1, xSplit: lead.length > 0 ? 1 : 0 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: cols.length } };
  return ws;
}

/** The department's consolidation workbook: one sheet per level, French headers, percentages formatted. */
export async function writeConsolidationXlsx(c: Consolidation, options: { generatedAt: Date; rulesVersion: string }): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  stampWorkbook(wb, options.generatedAt);
  addTable(
    wb,
    CONSOLIDATION_SHEETS.reports,
    [
      { header: "Fichier", width: 36 },
      { header: "SIRET", width: 16 },
      { header: "Raison sociale", width: 30 },
      { header: "Type", width: 8 },
      { header: "Valide", width: 8 },
      { header: "Erreurs", width: 9, numFmt: "0" },
      { header: "Avertissements", width: 9, numFmt: "0" },
    ],
    c.reports.map((r) => ({ lead: [r.file, r.siret, r.name, r.kind, r.valid, r.counts.error, r.counts.warning], indicators: r.indicators })),
  );
  addTable(
    wb,
    CONSOLIDATION_SHEETS.byKind,
    [
      { header: "Type", width: 8 },
      { header: "Structures", width: 11, numFmt: "0" },
      { header: "Rapports", width: 10, numFmt: "0" },
    ],
    Object.entries(c.byKind).map(([kind, t]) => ({ lead: [kind, t.structures, t.reports], indicators: t.indicators })),
  );
  addTable(
    wb,
    CONSOLIDATION_SHEETS.total,
    [
      { header: "Niveau", width: 14 },
      { header: "Structures", width: 11, numFmt: "0" },
      { header: "Rapports", width: 10, numFmt: "0" },
      { header: "Personnes distinctes", width: 12, numFmt: "0" },
    ],
    [{ lead: ["Département", c.total.structures, c.total.reports, c.total.distinctPersons], indicators: c.total.indicators }],
  );
  const notes = wb.addWorksheet(CONSOLIDATION_SHEETS.notes);
  notes.columns = [
    { header: "Indicateur", width: 40 },
    { header: "Clé", width: 26 },
    { header: "Définition", width: 100 },
  ];
  styleHeaderRow(notes.getRow(1));
  notes.views = [{ state: "frozen", ySplit: 1 }];
  for (const k of INDICATOR_KEYS) notes.addRow([indicatorLabel(k), k, indicatorDefinition(k)]);
  notes.addRow([]);
  notes.addRow([
    "Règle de consolidation",
    "",
    "Les effectifs, heures et ETP s'additionnent ; les parts et taux sont recalculés à partir des totaux (jamais moyennés). " +
      "« Structures » compte les SIRET distincts, « Rapports » les bilans (un SIRET peut porter deux conventions). " +
      "« Personnes distinctes » compte une seule fois une personne présente dans plusieurs structures. Une cellule vide = non calculable.",
  ]);
  notes.addRow(["Calcul", "", `Bilan IAE, règles ${options.rulesVersion}, le ${options.generatedAt.toLocaleDateString("fr-FR", { timeZone: "UTC" })}`]);
  notes.getColumn(3).alignment = { wrapText: true, vertical: "top" };
  return toBytes(wb);
}
