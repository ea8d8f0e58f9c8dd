import { matchHeader, monthOfHeader } from "../../../src/core/read/match-header";

const fieldOf = (h: string) => matchHeader(h)?.field ?? null;

describe("matchHeader: synonyms of departments' forms", () => {
  it.each([
    ["N° PASS IAE", "passNumber"],
    ["Numéro d'agrément", "passNumber"],
    ["Nom", "lastName"],
    ["Nom de famille", "lastName"],
    ["Prénom", "firstName"],
    ["Sexe", "sex"],
    ["Civilité", "sex"],
    ["Genre", "sex"],
    ["Date de naissance", "birthDate"],
    ["Né(e) le", "birthDate"],
    ["Année de naissance", "birthYear"],
    ["Code postal", "postalCode"],
    ["CP", "postalCode"],
    ["Commune de résidence", "commune"],
    ["Code INSEE commune", "commune"],
    ["Résident QPV", "qpv"],
    ["Résidence QPV", "qpv"],
    ["Quartier prioritaire (QPV)", "qpv"],
    ["Code QPV", "qpvCode"],
    ["ZRR", "zrr"],
    ["Bénéficiaire du RSA", "rsa"],
    ["Bénéficiaire RSA à l'embauche", "rsa"],
    ["bRSA", "rsa"],
    ["Allocataire ASS", "ass"],
    ["AAH", "aah"],
    ["Travailleur handicapé (RQTH)", "rqth"],
    ["Durée d'inscription à France Travail / Pôle emploi", "ftDuration"],
    ["Niveau de qualification", "educationLevel"],
    ["Niveau de formation", "educationLevel"],
    ["Prescripteur", "prescriber"],
    ["Nom du prescripteur", "prescriber"],
    ["Date d'embauche", "hireDate"],
    ["Date d'entrée dans la structure", "hireDate"],
    ["Date de fin de contrat", "contractEndDate"],
    ["Durée hebdomadaire", "weeklyHours"],
    ["Heures travaillées", "hoursWorked"],
    ["Nb d'heures travaillées sur la période", "hoursWorked"],
    ["Heures depuis l'embauche", "hoursSinceHire"],
    ["Heures cumulées", "hoursSinceHire"],
    ["Date de sortie", "exitDate"],
    ["Motif de sortie", "exitReason"],
    ["Situation à la sortie", "exitReason"],
    ["Dérogation", "derogation"],
    ["  DATE D’EMBAUCHE : ", "hireDate"],
  ])("%p → %p", (header, field) => {
    expect(fieldOf(header)).toBe(field);
  });

  it("the longest matching name wins", () => {
    // "Code QPV" contains "QPV" (qpv) and is "Code QPV" (qpvCode).
    expect(fieldOf("Code QPV")).toBe("qpvCode");
    // "Heures depuis l'embauche" contains "Heures"-like names and "Embauche".
    expect(fieldOf("Heures depuis l'embauche")).toBe("hoursSinceHire");
    // "Motif de sortie" contains "Sortie" (exitDate, whole-header only) but is the motif.
    expect(fieldOf("Motif de sortie")).toBe("exitReason");
  });

  it("a date header never maps to a non-date field", () => {
    expect(fieldOf("Date de fin du PASS IAE")).toBeNull();
    expect(fieldOf("Date d'ouverture du RSA")).toBeNull();
    expect(fieldOf("PASS IAE valide jusqu'au")).toBeNull();
    expect(fieldOf("Fin de validité du PASS")).toBeNull();
  });

  it("unknown headers stay unknown", () => {
    expect(fieldOf("Âge")).toBeNull();
    expect(fieldOf("Observations")).toBeNull();
    expect(fieldOf("Heures 13")).toBeNull();
    expect(fieldOf("Qualification du poste")).toBeNull();
    expect(fieldOf("Temps de travail annuel")).toBeNull();
  });

  it.each([
    "NIR",
    "N° de sécurité sociale",
    "Numéro de sécu",
    "NSS",
    "N° INSEE",
    "Numéro de sécurité sociale (NIR)",
  ])("%p is sensitive", (h) => {
    expect(fieldOf(h)).toBe("sensitive");
  });
});

describe("monthly hours columns", () => {
  it.each([
    ["Heures janvier", 1],
    ["Heures Janvier", 1],
    ["Heures février", 2],
    ["Heures août", 8],
    ["Heures décembre", 12],
    ["Heures 01", 1],
    ["Heures 1", 1],
    ["Heures 12", 12],
    ["H. janv.", 1],
    ["Heures jan 2025", 1],
    ["Heures sept. 2025", 9],
    ["Nb heures mars", 3],
    ["Janvier", 1],
    ["Janvier 2025", 1],
  ])("%p → month %p", (h, m) => {
    const r = matchHeader(h);
    expect(r).toEqual({ field: "hoursMonth", month: m, name: expect.any(String) });
  });

  it.each(["heures 12 mois", "heures 13", "01", "2025", "heures", "date janvier"])(
    "%p is not a monthly column",
    (h) => {
      expect(monthOfHeader(h)).toBeNull();
    },
  );
});
