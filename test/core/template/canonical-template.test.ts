import { analyzeOne } from "../../support/analyze-one";
import { DEFAULT_CONFIG, type CellValue } from "../../../src/core";
import { canonicalTemplate, TEMPLATE_SHEETS } from "../../../src/core/template/canonical-template";

/**
 * The template's drop-down values must be values the reader accepts: every list value, typed in a
 * canonical sheet, reads without value-invalid and gives the field's code.
 */
const t = canonicalTemplate({ kind: "ACI", exitMotifs: DEFAULT_CONFIG.exitMotifs });

function sheetWith(values: Partial<Record<string, CellValue>>[]) {
  const header = t.columns.map((c) => c.header);
  const base: Record<string, CellValue> = {
    sex: "F",
    birthDate: new Date(Date.UTC(1980, 4, 12)),
    qpv: "Non",
    rsa: "Non",
    hireDate: new Date(Date.UTC(2025, 0, 6)),
    contractEndDate: new Date(Date.UTC(2026, 0, 5)),
    weeklyHours: 26,
    hoursWorked: 1000,
  };
  const rows = values.map((v, i) => {
    const cells: Record<string, CellValue> = { ...base, passNumber: `99999${String(1000000 + i)}`, ...v };
    return t.columns.map((c) => cells[c.field] ?? "");
  });
  return analyzeOne({
    name: "t.xlsx",
    sheets: [
      {
        name: TEMPLATE_SHEETS.structure,
        rows: [
          ["SIRET", "48031712895944"],
          ["Raison sociale", "Essai"],
          ["Type de structure", "ACI"],
          ["Département", "38"],
          ["Début de période", new Date(Date.UTC(2025, 0, 1))],
          ["Fin de période", new Date(Date.UTC(2025, 11, 31))],
        ],
      },
      { name: TEMPLATE_SHEETS.people, rows: [header, ...rows] },
    ],
  });
}

it("has the canonical headers of domain §2.2 in order, and the §2.1 labels", () => {
  expect(t.columns.map((c) => c.header)).toEqual([
    "N° PASS IAE",
    "Nom",
    "Prénom",
    "Sexe",
    "Date de naissance",
    "Code postal",
    "Commune",
    "Résident QPV",
    "Code QPV",
    "Résident ZRR",
    "Bénéficiaire du RSA",
    "Allocataire ASS",
    "Allocataire AAH",
    "RQTH",
    "Inscription France Travail",
    "Niveau de formation",
    "Prescripteur",
    "Date d'embauche",
    "Date de fin de contrat",
    "Durée hebdomadaire",
    "Heures travaillées",
    "Heures depuis l'embauche",
    "Date de sortie",
    "Motif de sortie",
    "Dérogation",
  ]);
  expect(t.structure.map((s) => s.label)).toEqual([
    "SIRET",
    "Raison sociale",
    "Type de structure",
    "N° d'annexe financière",
    "Département",
    "Début de période",
    "Fin de période",
    "ETP conventionnés",
    "Heures annuelles pour 1 ETP",
    "Montant cofinancé par le Département",
  ]);
  for (const c of t.columns.filter((x) => x.kind === "date")) expect(c.numFmt).toBe("dd/mm/yyyy");
  for (const f of ["weeklyHours", "hoursWorked", "hoursSinceHire"])
    expect(t.columns.find((c) => c.field === f)!.numFmt).toBe("0.00");
  expect(t.instructions.join("\n")).toContain("jj/mm/aaaa");
});

it("gives a list to every coded column, with the expected values", () => {
  const list = (f: string) => t.columns.find((c) => c.field === f)!.list;
  expect(list("sex")).toEqual(["F", "H"]);
  expect(list("rsa")).toEqual(["Non", "Oui - majoré", "Oui - non majoré"]);
  for (const f of ["qpv", "zrr", "ass", "aah", "rqth", "derogation"]) expect(list(f)).toEqual(["Oui", "Non"]);
  expect(list("ftDuration")).toEqual([
    "Non inscrit",
    "Moins de 6 mois",
    "De 6 à 11 mois",
    "De 12 à 23 mois",
    "24 mois et plus",
  ]);
  expect(list("educationLevel")).toHaveLength(11);
  expect(list("educationLevel")).toContain("50 - Formation de niveau CAP ou BEP");
  expect(list("exitReason")).toHaveLength(DEFAULT_CONFIG.exitMotifs.length);
});

it("every drop-down value is read by the engine without value-invalid", () => {
  const rows: Partial<Record<string, CellValue>>[] = [];
  for (const c of t.columns) {
    if (!c.list) continue;
    for (const v of c.list) {
      const row: Partial<Record<string, CellValue>> = { [c.field]: v };
      if (c.field === "exitReason") row.exitDate = new Date(Date.UTC(2025, 9, 1));
      rows.push(row);
    }
  }
  const a = sheetWith(rows);
  expect(a.rows).toHaveLength(rows.length);
  expect(
    a.report.issues.filter((f) => f.code === "value-invalid" || f.code === "exit-reason-unknown"),
  ).toEqual([]);
  // And the values mean what they say.
  const ed = a.rows.find((r) => r.educationLevel === "51");
  expect(ed).toBeDefined();
  expect(a.rows.filter((r) => r.rsa === "OUI-M")).toHaveLength(1);
  expect(new Set(a.rows.map((r) => r.exitMotif).filter(Boolean)).size).toBe(DEFAULT_CONFIG.exitMotifs.length);
});
