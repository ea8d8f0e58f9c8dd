import { Prng } from "../examples/prng";
import {
  CLEAN_CODES,
  newModel,
  newSiret,
  PersonMaker,
  report,
  writeStructure,
  type CaseBuild,
  type StructureFacts,
} from "./case-kit";
import { baseColumns } from "./cases-end-of-table";
import { col, truthColumns, writePeople, type CorpusPerson } from "./people-sheet";

/** Persons of two conventions in one list, ACI and EI interleaved as hired, rows renumbered. */
function mixed(
  maker: PersonMaker,
  sheet: string,
  columns: string[],
  aci: number,
  ei: number,
): CorpusPerson[] {
  const a = maker.make({ kind: "ACI", sheet, firstRow: 0, count: aci, columns });
  const e = maker.make({ kind: "EI", sheet, firstRow: 0, count: ei, columns });
  return [...a, ...e]
    .sort((x, y) => ((x.hire as string) < (y.hire as string) ? -1 : 1))
    .map((p, i) => ({ ...p, row: 2 + i }));
}

/** §2.4.3: one SIRET, a sheet per convention ("ACI", "EI"), ETP conventionnés given per kind. */
export function conventionsSheets(): CaseBuild {
  const name = "conventions-sheets";
  const rng = new Prng(24301);
  const s: StructureFacts = {
    siret: newSiret(rng, "3"),
    name: "Alpes Insertion Services",
    kindCell: "ACI / EI",
    fte: [
      ["ETP conventionnés ACI", 6.5],
      ["ETP conventionnés EI", 4],
    ],
  };
  const model = newModel();
  writeStructure(model.addSheet("Structure"), 1, s);
  const aciSheet = model.addSheet("ACI");
  const eiSheet = model.addSheet("EI");
  const specs = baseColumns();
  const columns = truthColumns(specs);
  const maker = new PersonMaker(rng, 301);
  const aci = maker.make({ kind: "ACI", sheet: aciSheet.name, firstRow: 2, count: 12, columns });
  const ei = maker.make({ kind: "EI", sheet: eiSheet.name, firstRow: 2, count: 8, columns });
  return {
    name,
    point: "2.4.3",
    description:
      "Un SIRET, deux conventions : une feuille « ACI » et une feuille « EI », « Type de structure : ACI / EI », « ETP conventionnés ACI » et « ETP conventionnés EI ». Deux rapports, chacun avec les règles de son type (1 820 h par ETP en ACI, 1 505 h en EI).",
    model,
    layouts: [writePeople(aciSheet, 1, specs, aci), writePeople(eiSheet, 1, specs, ei)],
    reports: [report(name, "ACI", s, 6.5, columns, aci), report(name, "EI", s, 4, columns, ei)],
    findings: [],
    absentCodes: [
      ...CLEAN_CODES,
      "structure-kind-ambiguous",
      "structure-kind-unknown",
      "sheets-combined",
      "sheet-ignored",
    ],
  };
}

function conventionsColumnCase(
  name: string,
  seed: number,
  fte: [string, number][],
  perKindFte: boolean,
): CaseBuild {
  const rng = new Prng(seed);
  const s: StructureFacts = {
    siret: newSiret(rng, "2"),
    name: perKindFte ? "Val de Durance Insertion" : "Serre-Ponçon Solidarités",
    kindCell: "ACI / EI",
    fte,
  };
  const model = newModel();
  writeStructure(model.addSheet("Structure"), 1, s);
  const sheet = model.addSheet("Salariés");
  const specs = [...baseColumns().slice(0, 3), col.kind("Convention"), ...baseColumns().slice(3)];
  const columns = truthColumns(specs);
  const persons = mixed(new PersonMaker(rng, seed % 1000), sheet.name, columns, 11, 7);
  const fteOf = (kind: string) =>
    perKindFte ? (fte.find(([label]) => label.endsWith(kind))?.[1] ?? null) : null;
  return {
    name,
    point: "2.4.3",
    description: perKindFte
      ? "Un SIRET, deux conventions dans une seule feuille : une colonne « Convention » (ACI ou EI sur chaque ligne), les ETP conventionnés donnés par type. Deux rapports."
      : "Comme conventions-column, mais un seul « ETP conventionnés » pour les deux conventions : pas de taux de réalisation par rapport (ETP conventionnés nuls), une information demande de les donner par type. Le domaine (§3) ne nomme pas le code de cette information : la vérité n'en exige pas.",
    model,
    layouts: [writePeople(sheet, 1, specs, persons)],
    reports: [
      report(name, "ACI", s, fteOf("ACI"), columns, persons),
      report(name, "EI", s, fteOf("EI"), columns, persons),
    ],
    findings: [],
    absentCodes: [...CLEAN_CODES, "structure-kind-ambiguous", "structure-kind-unknown"],
  };
}

/** §2.4.3: one people sheet whose "Convention" column says ACI or EI per row. */
export const conventionsColumn = () =>
  conventionsColumnCase(
    "conventions-column",
    24302,
    [
      ["ETP conventionnés ACI", 5.5],
      ["ETP conventionnés EI", 3.5],
    ],
    true,
  );

/** §2.4.3: the same with a single ETP conventionnés for both kinds. */
export const conventionsColumnSingleFte = () =>
  conventionsColumnCase("conventions-column-etp-unique", 24303, [["ETP conventionnés", 9]], false);

/** §2.4.3: "ACI / EI" in the kind cell and nothing to tell the rows apart. */
export function kindAmbiguous(): CaseBuild {
  const name = "kind-ambiguous";
  const rng = new Prng(24304);
  const s: StructureFacts = {
    siret: newSiret(rng, "9"),
    name: "Trièves Ubaye Emploi",
    kindCell: "ACI / EI",
    fte: [["ETP conventionnés", 8]],
  };
  const model = newModel();
  const rows = writeStructure(model.addSheet("Structure"), 1, s);
  const sheet = model.addSheet("Salariés");
  const specs = baseColumns();
  const columns = truthColumns(specs);
  const persons = new PersonMaker(rng, 304).make({
    kind: "ACI",
    sheet: sheet.name,
    firstRow: 2,
    count: 12,
    columns,
  });
  return {
    name,
    point: "2.4.3",
    description:
      "« Type de structure : ACI / EI », une seule feuille sans colonne de convention : impossible de répartir les personnes entre les deux conventions. Erreur bloquante qui dit comment faire ; aucun rapport attendu.",
    model,
    layouts: [writePeople(sheet, 1, specs, persons)],
    reports: [],
    findings: [
      {
        code: "structure-kind-ambiguous",
        severity: "error",
        sheet: "Structure",
        row: rows["Type de structure"],
        why: "deux types nommés, rien pour répartir les lignes",
      },
    ],
    absentCodes: [...CLEAN_CODES, "structure-kind-unknown"],
  };
}
