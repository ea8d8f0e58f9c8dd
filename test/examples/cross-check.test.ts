import { analyzeOne } from "../support/analyze-one";
import { join } from "node:path";
import { HyperFormula } from "hyperformula";
import { type CellValue } from "../../src/core";
import { readXlsxFile } from "../../src/xlsx/read-file";

/**
 * Independent cross-check (issue 2 acceptance): on the canonical example, the indicators equal what
 * spreadsheet formulas (COUNTIFS, SUMIFS, SUMPRODUCT, EDATE…) compute on the same cell values.
 *
 * How: the Salariés sheet's values are loaded into HyperFormula (a spreadsheet formula engine, no
 * code shared with ours); dates become serial numbers as in Excel. Two helper columns per row are
 * formulas too: the exit's category (VLOOKUP of the motif code in a small category table copied from
 * shared/spec/exit-motifs.csv) and whether the exit is examined (inside the period and at least
 * EDATE(hire, 3) for an ACI). Each indicator is then one formula, written the way an accountant would
 * in Excel, and compared with analyzeWorkbook's value. The example has one row per person, all with
 * hours, no withdrawn or short exit (its ground truth says so), which keeps the formulas simple.
 */
const FILE = join(__dirname, "..", "..", "examples", "aci-canonique.xlsx");
const MOTIF_CATEGORIES: [number, string][] = [
  [1, "durable"], [3, "durable"], [4, "durable"], [9, "durable"], [11, "durable"], [13, "durable"],
  [10, "transition"], [14, "transition"],
  [2, "positive"], [5, "positive"], [12, "positive"],
  [6, "other"], [7, "other"], [8, "other"], [19, "other"],
];

const toSerial = (d: Date) => d.getTime() / 86400000 + 25569;

it("canonical ACI: engine indicators = spreadsheet formulas on the same cells", async () => {
  const data = await readXlsxFile(FILE);
  const analysis = analyzeOne(data);
  const sheet = data.sheets.find((s) => s.name === "Salariés");
  if (!sheet) throw new Error("no Salariés sheet");
  const rows = sheet.rows.map((r) => r.map((v) => (v instanceof Date ? toSerial(v) : (v as CellValue) === "" ? null : v)));
  const header = rows[0] as string[];
  const col = (h: string) => {
    const i = header.indexOf(h);
    if (i < 0) throw new Error(`header ${h}`);
    return String.fromCharCode(65 + i);
  };
  const n = rows.length - 1;
  const r = (h: string) => `Salaries!$${col(h)}$2:$${col(h)}$${n + 1}`;
  const [SEX, BIRTH, QPV, ZRR, RSA, ASS, AAH, RQTH, FT, EDU, HIRE, HOURS, EXIT, MOTIF] = [
    "Sexe", "Date de naissance", "Résident QPV", "Résident ZRR", "Bénéficiaire du RSA", "Allocataire ASS", "Allocataire AAH", "RQTH",
    "Inscription France Travail", "Niveau de formation", "Date d'embauche", "Heures travaillées", "Date de sortie", "Motif de sortie",
  ].map(r);
  const helpers = rows.slice(1).map((_row, i) => {
    const x = i + 2;
    const exit = `Salaries!${col("Date de sortie")}${x}`;
    const hire = `Salaries!${col("Date d'embauche")}${x}`;
    const motif = `Salaries!${col("Motif de sortie")}${x}`;
    return [
      `=IF(${exit}="","",VLOOKUP(VALUE(LEFT(${motif},FIND(" - ",${motif})-1)),Motifs!$A$1:$B$${MOTIF_CATEGORIES.length},2,FALSE()))`,
      `=IF(${exit}="",0,IF(AND(${exit}>=Calc!$B$1,${exit}<=Calc!$B$2,${exit}>=EDATE(${hire},3)),1,0))`,
    ];
  });
  const CAT = `Help!$A$1:$A$${n}`;
  const EXAM = `Help!$B$1:$B$${n}`;
  const EMP = `(${HOURS}>=1)`;
  const formulas: Record<string, string> = {
    employees: `=SUMPRODUCT(${EMP}*1)`,
    women: `=COUNTIFS(${SEX},"F",${HOURS},">=1")`,
    men: `=COUNTIFS(${SEX},"H",${HOURS},">=1")`,
    rsa: `=COUNTIFS(${RSA},"Oui*",${HOURS},">=1")`,
    qpv: `=COUNTIFS(${QPV},"Oui",${HOURS},">=1")`,
    zrr: `=COUNTIFS(${ZRR},"Oui",${HOURS},">=1")`,
    rqth: `=COUNTIFS(${RQTH},"Oui",${HOURS},">=1")`,
    ass: `=COUNTIFS(${ASS},"Oui",${HOURS},">=1")`,
    aah: `=COUNTIFS(${AAH},"Oui",${HOURS},">=1")`,
    under26: `=SUMPRODUCT((YEAR(Calc!$B$2)-YEAR(${BIRTH})<26)*${EMP})`,
    age50plus: `=SUMPRODUCT((YEAR(Calc!$B$2)-YEAR(${BIRTH})>=50)*${EMP})`,
    deld: `=COUNTIFS(${FT},"De 12 à 23 mois",${HOURS},">=1")`,
    detld: `=COUNTIFS(${FT},"24 mois et plus",${HOURS},">=1")`,
    levelBelowCap: `=SUMPRODUCT(((LEFT(${EDU},2)="70")+(LEFT(${EDU},2)="01")+(LEFT(${EDU},2)="60"))*${EMP})`,
    levelCapBep: `=SUMPRODUCT(((LEFT(${EDU},2)="50")+(LEFT(${EDU},2)="51"))*${EMP})`,
    levelNonCertified: `=SUMPRODUCT((LEFT(${EDU},2)="00")*${EMP})`,
    shareWomen: `=COUNTIFS(${SEX},"F",${HOURS},">=1")/SUMPRODUCT(${EMP}*1)`,
    shareRsa: `=COUNTIFS(${RSA},"Oui*",${HOURS},">=1")/SUMPRODUCT(${EMP}*1)`,
    shareQpv: `=COUNTIFS(${QPV},"Oui",${HOURS},">=1")/SUMPRODUCT(${EMP}*1)`,
    hoursWorked: `=SUMIFS(${HOURS},${HOURS},">=1")`,
    fte: `=SUMIFS(${HOURS},${HOURS},">=1")/1820`,
    fteRsa: `=SUMIFS(${HOURS},${RSA},"Oui*")/1820`,
    fteRealisationRate: `=SUMIFS(${HOURS},${HOURS},">=1")/1820/Structure!$B$9`,
    exits: `=COUNTIFS(${EXIT},">="&Calc!$B$1,${EXIT},"<="&Calc!$B$2)`,
    exitsExamined: `=SUM(${EXAM})`,
    exitsDurable: `=COUNTIFS(${CAT},"durable",${EXAM},1)`,
    exitsTransition: `=COUNTIFS(${CAT},"transition",${EXAM},1)`,
    exitsPositive: `=COUNTIFS(${CAT},"positive",${EXAM},1)`,
    exitsOther: `=COUNTIFS(${CAT},"other",${EXAM},1)`,
    rateDurable: `=COUNTIFS(${CAT},"durable",${EXAM},1)/SUM(${EXAM})`,
    rateDynamic: `=(COUNTIFS(${CAT},"durable",${EXAM},1)+COUNTIFS(${CAT},"transition",${EXAM},1)+COUNTIFS(${CAT},"positive",${EXAM},1))/SUM(${EXAM})`,
    rsaExitsDurableOrTraining: `=COUNTIFS(${EXAM},1,${RSA},"Oui*",${CAT},"durable")+COUNTIFS(${EXAM},1,${RSA},"Oui*",${MOTIF},"5 - *")`,
    averagePathMonths: `=SUMPRODUCT(${EXAM}*(${EXIT}-${HIRE}))*12/365.25/SUM(${EXAM})`,
  };
  const keys = Object.keys(formulas);
  const structure = data.sheets.find((s) => s.name === "Structure");
  if (!structure) throw new Error("no Structure sheet");
  const hf = HyperFormula.buildFromSheets(
    {
      Salaries: rows as (string | number | boolean | null)[][],
      Structure: structure.rows.map((row) => row.map((v) => (v instanceof Date ? toSerial(v) : v === "" ? null : (v as string | number)))),
      Motifs: MOTIF_CATEGORIES.map(([c, cat]) => [c, cat]),
      Calc: [
        ["Début", toSerial(new Date(Date.UTC(2025, 0, 1)))],
        ["Fin", toSerial(new Date(Date.UTC(2025, 11, 31)))],
      ],
      Help: helpers,
      Out: keys.map((k) => [k, formulas[k]]),
    },
    // Array arithmetic inside SUMPRODUCT, as Excel does.
    { licenseKey: "gpl-v3", useArrayArithmetic: true },
  );
  const out = hf.getSheetId("Out") as number;
  // The structure block's period must be what the Calc sheet assumes.
  expect([analysis.structure.periodStart, analysis.structure.periodEnd]).toEqual(["2025-01-01", "2025-12-31"]);
  const got: Record<string, unknown> = {};
  const want: Record<string, unknown> = {};
  keys.forEach((k, i) => {
    const v = hf.getCellValue({ sheet: out, row: i, col: 1 });
    if (typeof v !== "number") throw new Error(`formula for ${k} gave ${JSON.stringify(v)}`);
    want[k] = Math.round(v * 1e9) / 1e9;
    got[k] = Math.round((analysis.indicators[k as keyof typeof analysis.indicators] as number) * 1e9) / 1e9;
  });
  expect(got).toEqual(want);
  // Guard against a vacuous check: the example has people, exits and RSA beneficiaries.
  expect(want.employees).toBe(40);
  expect(want.exitsExamined as number).toBeGreaterThan(5);
  expect(want.rsa as number).toBeGreaterThan(5);
  hf.destroy();
});
