import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { parseExitMotifCsv } from "../../../src/core/config/motif-csv";
import { createMotifIndex, motifIndexFor, motifKey } from "../../../src/core/config/motifs";
import { UserError, type UserErrorLike } from "../../../src/core/errors/user-error";
import { DEFAULT_EXIT_MOTIFS } from "../../../src/core/config/exit-motifs";
import { DEFAULT_CONFIG } from "../../../src/core/config/defaults";

/** A verbatim copy of shared/spec/exit-motifs.csv, so the test runs on a clone without the spec folder. */
const FIXTURE = join(__dirname, "fixtures", "exit-motifs.csv");
const SPEC = "/work/shared/spec/exit-motifs.csv";

describe("parseExitMotifCsv", () => {
  it("the shipped default table equals a parse of the spec's exit-motifs.csv", () => {
    expect(parseExitMotifCsv(readFileSync(FIXTURE, "utf8"))).toEqual(DEFAULT_EXIT_MOTIFS);
    expect(DEFAULT_CONFIG.exitMotifs).toBe(DEFAULT_EXIT_MOTIFS);
  });

  (existsSync(SPEC) ? it : it.skip)(
    "the test copy is the spec's file, byte for byte (skipped outside the project machine)",
    () => {
      expect(readFileSync(FIXTURE, "utf8")).toBe(readFileSync(SPEC, "utf8"));
    },
  );

  it("reads a BOM, CRLF line ends, blank lines, spaces and columns in another order", () => {
    const csv =
      "\uFEFFlabel;category;code;aliases\r\n\r\n Au chômage ; other ; 7 ;Chômage| Demandeur d'emploi \r\nSortie automatique;withdrawn;;\r\n";
    expect(parseExitMotifCsv(csv)).toEqual([
      {
        code: "7",
        label: "Au chômage",
        aliases: ["Chômage", "Demandeur d'emploi"],
        category: "other",
        confidence: "medium",
      },
      { code: null, label: "Sortie automatique", aliases: [], category: "withdrawn", confidence: "medium" },
    ]);
  });

  it("refuses an unknown category, naming the line and the value", () => {
    const csv = "code;label;aliases;category;confidence\n3;CDI;;durable;high\n4;Création;;lasting;high\n";
    try {
      parseExitMotifCsv(csv, "motifs-38.csv");
      throw new Error("accepted");
    } catch (e) {
      expect(e).toBeInstanceOf(UserError);
      expect((e as UserError).code).toBe("config.invalid");
      expect((e as UserErrorLike<"config.invalid">).params.problems).toEqual([
        "ligne 3 : catégorie « lasting » inconnue (attendu : durable, transition, positive, other, withdrawn)",
      ]);
      expect((e as UserError).message).toContain("motifs-38.csv");
    }
  });

  it("refuses a line without label and a header without the needed columns", () => {
    expect(() => parseExitMotifCsv("code;label;aliases;category\n3;;;durable\n")).toThrow(
      /ligne 2 : libellé manquant/,
    );
    expect(() => parseExitMotifCsv("numero;libelle\n3;CDI\n")).toThrow(/^Configuration invalide/);
    expect(() => parseExitMotifCsv("")).toThrow(/première ligne/);
  });
});

describe("createMotifIndex", () => {
  const index = createMotifIndex(DEFAULT_EXIT_MOTIFS);
  const cdi = DEFAULT_EXIT_MOTIFS.find((m) => m.code === "3");

  it.each<[string, unknown]>([
    ["code", "3"],
    ["code with a leading zero", "03"],
    ["code with spaces", " 3 "],
    ["number", 3],
    ["label", "Embauche en CDI non aidé"],
    ["alias", "CDI non aidé"],
    ["code and label", "3 - Embauche en CDI non aidé"],
    ["code in brackets", "(3) CDI"],
    ["label without accents, in capitals", "EMBAUCHE EN CDI NON AIDE"],
    ["alias with other punctuation", "cdi  non-aidé."],
  ])("finds a motif by %s", (_how, raw) => {
    expect(index.match(raw)).toBe(cdi);
  });

  it("finds motifs without a code by label", () => {
    const auto = index.match("sortie AUTOMATIQUE");
    expect(auto?.code).toBeNull();
    expect(auto?.category).toBe("withdrawn");
    expect(index.byKey(motifKey(auto!))).toBe(auto);
  });

  it("returns null for anything unknown", () => {
    for (const raw of [
      "99",
      99,
      "Partie en vacances",
      "",
      "   ",
      null,
      undefined,
      3.5,
      -3,
      true,
      {},
      new Date(0),
    ]) {
      expect(index.match(raw)).toBeNull();
    }
  });

  it("keys motifs by code, else by label", () => {
    expect(index.byKey("3")).toBe(cdi);
    expect(index.byKey("03")).toBeUndefined();
    expect(motifKey(cdi!)).toBe("3");
  });

  it("marks only qualifying training", () => {
    expect(DEFAULT_EXIT_MOTIFS.filter((m) => m.qualifyingTraining).map((m) => m.code)).toEqual(["5"]);
  });
});

describe("motifIndexFor", () => {
  it("builds one index per motif table and a separate one for another table", () => {
    const index = motifIndexFor(DEFAULT_EXIT_MOTIFS);
    expect(motifIndexFor(DEFAULT_EXIT_MOTIFS)).toBe(index);
    const own = DEFAULT_EXIT_MOTIFS.map((m) =>
      m.code === "3" ? { ...m, aliases: [...m.aliases, "cdi maison"] } : m,
    );
    const other = motifIndexFor(own);
    expect(other).not.toBe(index);
    expect(other.match("CDI maison")?.code).toBe("3");
    expect(index.match("CDI maison")).toBeNull();
  });
});
