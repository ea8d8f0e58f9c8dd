import { INVALID } from "../../../src/core/parse/outcome";
import { parseSex } from "../../../src/core/parse/sex";
import { parseRsa } from "../../../src/core/parse/rsa";
import { parseFtDuration } from "../../../src/core/parse/ft-duration";
import { parseEducationLevel } from "../../../src/core/parse/education";
import { parsePrescriber } from "../../../src/core/parse/prescriber";
import { parseKind } from "../../../src/core/parse/kind";
import { parseDepartment } from "../../../src/core/parse/department";
import { normalizePass, normalizeSiret } from "../../../src/core/parse/identifiers";
import { parsePostalCode, parseTextCell } from "../../../src/core/parse/text";

describe("parseSex", () => {
  it.each(["F", "f", "Femme", "FEMME", "Mme", "MME", "Mme.", "Madame", "Mlle", "Mademoiselle", "Féminin"])(
    "%p → F",
    (v) => expect(parseSex(v)).toBe("F"),
  );
  it.each(["H", "h", "Homme", "M", "M.", "Monsieur", "MR", "Masculin"])("%p → H", (v) =>
    expect(parseSex(v)).toBe("H"),
  );
  it("empty → null, unknown → invalid", () => {
    expect(parseSex(" ")).toBeNull();
    expect(parseSex("X")).toBe(INVALID);
    expect(parseSex("Autre")).toBe(INVALID);
    expect(parseSex(3)).toBe(INVALID);
  });
});

describe("parseRsa", () => {
  it.each([
    ["Non", "NON"],
    ["NON", "NON"],
    ["non", "NON"],
    ["-", "NON"],
    ["Oui", "OUI"],
    ["oui", "OUI"],
    ["X", "OUI"],
    ["Oui - majoré", "OUI-M"],
    ["Oui – majoré", "OUI-M"],
    ["OUI-M", "OUI-M"],
    ["oui-m", "OUI-M"],
    ["Oui - non majoré", "OUI-NM"],
    ["OUI-NM", "OUI-NM"],
    ["Oui non majore", "OUI-NM"],
  ])("%p → %p", (v, x) => expect(parseRsa(v)).toBe(x));
  it("booleans and 1/0", () => {
    expect(parseRsa(true)).toBe("OUI");
    expect(parseRsa(0)).toBe("NON");
  });
  it("empty → null, unknown → invalid", () => {
    expect(parseRsa("")).toBeNull();
    expect(parseRsa("ASS")).toBe(INVALID);
  });
});

describe("parseFtDuration", () => {
  it.each([
    ["Non inscrit", "00"],
    ["NON", "00"],
    ["Moins de 6 mois", "01"],
    ["MOINS DE 6 MOIS", "01"],
    ["De 6 à 11 mois", "02"],
    ["DE 6 A 11 MOIS", "02"],
    ["De 12 à 23 mois", "03"],
    ["DE 12 à 23 MOIS", "03"],
    ["24 mois et plus", "04"],
    ["24 MOIS ET PLUS", "04"],
    ["00", "00"],
    ["01", "01"],
    ["04", "04"],
    ["0", "00"],
    ["3", "03"],
    [4, "04"],
    [0, "00"],
    ["03 - De 12 à 23 mois", "03"],
  ])("%p → %p", (v, x) => expect(parseFtDuration(v)).toBe(x));
  it.each(["05", 5, "Oui", "6 mois", 1.5])("%p is invalid", (v) => expect(parseFtDuration(v)).toBe(INVALID));
});

describe("parseEducationLevel", () => {
  it.each([
    ["00", "00"],
    ["0", "00"],
    [0, "00"],
    ["1", "01"],
    ["01", "01"],
    [10, "10"],
    ["20", "20"],
    ["30", "30"],
    ["40", "40"],
    ["41", "41"],
    ["50", "50"],
    ["51", "51"],
    ["60", "60"],
    [70, "70"],
    ["PERSONNES AVEC QUALIFICATIONS NON CERTIFIANTES", "00"],
    ["Jamais scolarisé", "01"],
    ["TROISIEME CYCLE OU ECOLE D'INGENIEUR", "10"],
    ["Formation de niveau licence", "20"],
    ["FORMATION DE NIVEAU BTS OU DUT", "30"],
    ["Formation de niveau bac", "40"],
    ["BREVET DE TECHNICIEN OU BACCALAUREAT PROFESSIONNEL", "41"],
    ["FORMATION DE NIVEAU CAP OU BEP", "50"],
    ["DIPLÔME OBTENU CAP OU BEP", "51"],
    ["Formation courte d'une durée d'un an", "60"],
    ["PAS DE FORMATION AU DELA DE LA SCOLARITE OBLIG.", "70"],
    ["50 - Formation de niveau CAP ou BEP", "50"],
  ])("%p → %p", (v, x) => expect(parseEducationLevel(v)).toBe(x));
  it.each(["2", "99", "Master 2 en cours", 45])("%p is invalid", (v) =>
    expect(parseEducationLevel(v)).toBe(INVALID),
  );
});

describe("parsePrescriber", () => {
  it.each([
    ["01", "01"],
    ["1", "01"],
    [1, "01"],
    [23, "23"],
    ["99", "99"],
    ["Mission locale", "01"],
    ["CAP emploi", "02"],
    ["Pôle emploi", "03"],
    ["France Travail", "03"],
    ["PLIE - Plan local pour l'insertion et l'emploi", "04"],
    ["Service social du conseil départemental", "05"],
    ["Candidature spontanée", "07"],
    ["SPIP - Service pénitentiaire d'insertion et de probation", "09"],
    ["SPIP", "09"],
    ["CCAS - Centre (inter)communal d'action sociale", "11"],
    ["OACAS - Organisme d'accueil communautaire et d'activité solidaire", "23"],
    ["Non connu", "99"],
    ["Pôle emploi Grenoble Sud", "03"],
    ["Mission locale de Vienne", "01"],
  ])("%p → %p", (v, x) => expect(parsePrescriber(v)).toBe(x));
  it.each(["24", "0", "Association des amis", 98])("%p is invalid", (v) =>
    expect(parsePrescriber(v)).toBe(INVALID),
  );
});

describe("parseKind", () => {
  it.each([
    ["ACI", "ACI"],
    ["aci", "ACI"],
    ["AI", "AI"],
    ["EI", "EI"],
    ["ETTI", "ETTI"],
    ["EITI", "EITI"],
    ["ACI_DC", "ACI"],
    ["ACI_MP", "ACI"],
    ["EI_MP", "EI"],
    ["AI_DC", "AI"],
    ["ETTI_DC", "ETTI"],
    ["EITI_DC", "EITI"],
    ["Atelier et chantier d'insertion", "ACI"],
    ["Chantier d'insertion", "ACI"],
    ["Association intermédiaire", "AI"],
    ["Entreprise d'insertion", "EI"],
    ["Entreprise de travail temporaire d'insertion", "ETTI"],
    ["Entreprise d'insertion par le travail indépendant", "EITI"],
    ["ACI - Les Jardins", "ACI"],
  ])("%p → %p", (v, x) => expect(parseKind(v)).toBe(x));
  it.each(["FDI_DC", "GEIQ", "Association", 3])("%p is unknown", (v) => expect(parseKind(v)).toBe(INVALID));
});

describe("parseDepartment", () => {
  it.each([
    ["38", "38"],
    [38, "38"],
    ["1", "01"],
    [1, "01"],
    ["01", "01"],
    ["2A", "2A"],
    ["2b", "2B"],
    ["95", "95"],
    [971, "971"],
    ["976", "976"],
    ["38 - Isère", "38"],
    ["Isère (38)", "38"],
    ["038", "38"],
    ["02A", "2A"],
  ])("%p → %p", (v, x) => expect(parseDepartment(v)).toBe(x));
  it.each(["20", "96", "00", "977", 0, 38.5, "Isère", "2C"])("%p is invalid", (v) =>
    expect(parseDepartment(v)).toBe(INVALID),
  );
});

describe("PASS IAE and SIRET normalisation", () => {
  it.each([
    ["99999 0001234", "999990001234"],
    ["9999-9000.1234", "999990001234"],
    ["k01234567890", "K01234567890"],
    [" 99999\u00a00001234 ", "999990001234"],
  ])("PASS %p → %p", (v, x) => expect(normalizePass(v)).toBe(x));
  it("PASS: the 12-character check is not the reader's job", () => {
    expect(normalizePass("123")).toBe("123");
    expect(normalizePass("")).toBeNull();
  });
  it.each([
    ["123 456 789 00012", "12345678900012"],
    ["123.456.789.00012", "12345678900012"],
    [12345678900012, "12345678900012"],
    [1.2345678900012e13, "12345678900012"],
    [1234567890001, "01234567890001"],
    ["1.2345678900012E13", "12345678900012"],
  ])("SIRET %p → %p", (v, x) => expect(normalizeSiret(v)).toBe(x));
});

describe("text cells", () => {
  it("postal code numbers keep their leading zero", () => {
    expect(parsePostalCode(1000)).toBe("01000");
    expect(parsePostalCode(38000)).toBe("38000");
    expect(parsePostalCode("38000")).toBe("38000");
    expect(parsePostalCode(12)).toBe(INVALID);
  });
  it("text is trimmed; objects are invalid", () => {
    expect(parseTextCell("  Dupont\u00a0")).toBe("Dupont");
    expect(parseTextCell({})).toBe(INVALID);
    expect(parseTextCell(NaN)).toBe(INVALID);
  });
});
