import { Prng } from "../examples/prng";
import {
  CLEAN_CODES,
  hoursOfMonths,
  newModel,
  newSiret,
  PERIOD_2024,
  PersonMaker,
  report,
  writeStructure,
  type CaseBuild,
  type StructureFacts,
} from "./case-kit";
import { baseColumns } from "./cases-end-of-table";
import { truthColumns, writePeople, type CorpusPerson } from "./people-sheet";

/** §2.4.2: last year's sheet left in front of this year's: read 2025, ignore 2024. */
export function twoYears(): CaseBuild {
  const name = "two-years";
  const rng = new Prng(24201);
  const s: StructureFacts = {
    siret: newSiret(rng, "6"),
    name: "Atelier Bois du Queyras",
    kindCell: "ACI",
    fte: [["ETP conventionnés", 6]],
  };
  const model = newModel();
  writeStructure(model.addSheet("Structure"), 1, s);
  const old = model.addSheet("Salariés 2024");
  const sheet = model.addSheet("Salariés 2025");
  const specs = baseColumns();
  const columns = truthColumns(specs);
  const maker = new PersonMaker(rng, 201);
  const persons = maker.make({ kind: "ACI", sheet: sheet.name, firstRow: 2, count: 14, columns });
  // Last year's sheet: this year's persons hired in 2024 (their 2024 part, no exit yet), and people who left in 2024.
  const carried: CorpusPerson[] = persons
    .filter((p) => (p.hire as string) < "2025-01-01")
    .map((p, i) => ({
      ...p,
      sheet: old.name,
      row: 2 + i,
      exit: null,
      motifCode: null,
      category: null,
      qualifyingTraining: false,
      hours:
        Math.round(((Date.parse("2024-12-31") - Date.parse(p.hire as string)) / 86400000 / 7) * 26 * 80) /
        100,
    }));
  const gone = maker.make({
    kind: "ACI",
    sheet: old.name,
    firstRow: 2 + carried.length,
    count: 5,
    columns,
    period: PERIOD_2024,
    exitShare: 0.9,
  });
  const oldLayout = writePeople(old, 1, specs, [...carried, ...gone], false);
  const layout = writePeople(sheet, 1, specs, persons);
  return {
    name,
    point: "2.4.2",
    description:
      "Deux feuilles de personnes : « Salariés 2024 » (l'an dernier, laissée en premier) puis « Salariés 2025 ». Période 2025 : seule la feuille 2025 est lue, la feuille 2024 est signalée comme ignorée.",
    model,
    layouts: [oldLayout, layout],
    reports: [report(name, "ACI", s, 6, columns, persons)],
    findings: [
      {
        code: "sheet-ignored",
        severity: "warning",
        sheet: old.name,
        row: null,
        why: "feuille d'une autre année (2024)",
      },
    ],
    absentCodes: [...CLEAN_CODES, "duplicate-person", "sheets-combined"],
  };
}

/** §2.4.2: "Salariés (2)", an older copy of "Salariés" made in July and left in front of it. */
export function copies(): CaseBuild {
  const name = "copies";
  const rng = new Prng(24202);
  const s: StructureFacts = {
    siret: newSiret(rng, "7"),
    name: "Ressourcerie du Guillestrois",
    kindCell: "ACI",
    fte: [["ETP conventionnés", 7]],
  };
  const model = newModel();
  writeStructure(model.addSheet("Structure"), 1, s);
  const copy = model.addSheet("Salariés (2)");
  const sheet = model.addSheet("Salariés");
  const specs = baseColumns();
  const columns = truthColumns(specs);
  const persons = new PersonMaker(rng, 202).make({
    kind: "ACI",
    sheet: sheet.name,
    firstRow: 2,
    count: 14,
    columns,
  });
  // The copy as it stood on 30 June: persons hired by then, exits by then, hours of January to June.
  const snapshot: CorpusPerson[] = persons
    .filter((p) => (p.hire as string) <= "2025-06-30")
    .map((p, i) => {
      const exited = p.exit !== null && p.exit <= "2025-06-30";
      return {
        ...p,
        sheet: copy.name,
        row: 2 + i,
        hours: hoursOfMonths(p, 1, 6),
        ...(exited ? {} : { exit: null, motifCode: null, category: null, qualifyingTraining: false }),
      };
    });
  if (snapshot.length * 2 <= persons.length)
    throw new Error(
      `copies: the copy shares ${snapshot.length} of ${persons.length} persons, not more than half`,
    );
  const copyLayout = writePeople(copy, 1, specs, snapshot, false);
  const layout = writePeople(sheet, 1, specs, persons);
  return {
    name,
    point: "2.4.2",
    description: `« Salariés (2) », copie faite au 30 juin 2025 (${snapshot.length} personnes sur ${persons.length} en commun), placée avant « Salariés » : la feuille aux dates les plus récentes (« Salariés ») est lue, la copie est signalée comme ignorée.`,
    model,
    layouts: [copyLayout, layout],
    reports: [report(name, "ACI", s, 7, columns, persons)],
    findings: [
      {
        code: "sheet-ignored",
        severity: "warning",
        sheet: copy.name,
        row: null,
        why: "copie plus ancienne de « Salariés »",
      },
    ],
    absentCodes: [...CLEAN_CODES, "duplicate-person", "sheets-combined"],
  };
}

/** §2.4.2: one sheet per site, same columns, read as one table; one person worked on both sites. */
export function sites(): CaseBuild {
  const name = "sites";
  const rng = new Prng(24203);
  const s: StructureFacts = {
    siret: newSiret(rng, "8"),
    name: "Chantiers Nature Haute-Durance",
    kindCell: "ACI",
    fte: [["ETP conventionnés", 12]],
  };
  const model = newModel();
  writeStructure(model.addSheet("Structure"), 1, s);
  const gap = model.addSheet("Site Gap");
  const briancon = model.addSheet("Site Briançon");
  const specs = baseColumns();
  const columns = truthColumns(specs);
  const maker = new PersonMaker(rng, 203);
  const atGap = maker.make({ kind: "ACI", sheet: gap.name, firstRow: 2, count: 10, columns });
  const atBriancon = maker.make({ kind: "ACI", sheet: briancon.name, firstRow: 2, count: 8, columns });
  // A person moved from Gap to Briançon on 1 July: same path, hours split between the two sheets.
  const mover = atGap.find((p) => p.exit === null && (p.hire as string) < "2025-01-01");
  if (!mover) throw new Error("sites: no person present all year at Gap");
  const [first, second] = [hoursOfMonths(mover, 1, 6), hoursOfMonths(mover, 7, 12)];
  if (Math.round((first + second) * 100) !== Math.round((mover.hours as number) * 100))
    throw new Error("sites: the split hours do not add up");
  const moved: CorpusPerson = { ...mover, sheet: briancon.name, row: 2 + atBriancon.length, hours: second };
  mover.hours = first;
  atBriancon.push(moved);
  const layouts = [writePeople(gap, 1, specs, atGap), writePeople(briancon, 1, specs, atBriancon)];
  return {
    name,
    point: "2.4.2",
    description:
      "Une feuille par site (« Site Gap », « Site Briançon »), mêmes colonnes : lues ensemble comme un seul tableau. Une personne passée de Gap à Briançon le 1er juillet figure sur les deux feuilles (même PASS) : doublon signalé, comptée une fois, ses heures des deux sites additionnées.",
    model,
    layouts,
    reports: [report(name, "ACI", s, 12, columns, [...atGap, ...atBriancon])],
    findings: [
      {
        code: "sheets-combined",
        severity: "info",
        sheet: null,
        row: null,
        why: "« Site Gap » et « Site Briançon » lues ensemble",
      },
      {
        code: "duplicate-person",
        severity: "error",
        sheet: briancon.name,
        row: moved.row,
        why: `même PASS IAE que la ligne ${mover.row} de « Site Gap »`,
      },
    ],
    absentCodes: [...CLEAN_CODES, "sheet-ignored"],
  };
}
