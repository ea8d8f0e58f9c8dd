import type { MappedField } from "../../../src/core/model/fields";
import { count, d, issues, rows, run } from "./row-factory";

// Column A: PASS, B: last name, C: first name, D: birth date.
const FIELDS: MappedField[] = ["passNumber", "lastName", "firstName", "birthDate"];

describe("pass-format", () => {
  it("accepts 12 digits, ignoring spaces, dots and dashes", () => {
    const report = run({
      fields: FIELDS,
      rows: rows({ passNumber: "999990012345" }, { passNumber: "99999 0012.34-6" }),
    });
    expect(count(report, "pass-format")).toBe(0);
  });

  it("errors when not 12 letters or digits", () => {
    const report = run({
      fields: FIELDS,
      rows: rows({ passNumber: "99999001234" }, { passNumber: "99999_0012345" }),
    });
    const found = issues(report, "pass-format");
    expect(found).toEqual([
      expect.objectContaining({
        severity: "error",
        sheet: "Salariés",
        cell: "A2",
        row: 2,
        column: 1,
        field: "passNumber",
        value: "99999001234",
      }),
      expect.objectContaining({ severity: "error", cell: "A3", value: "99999_0012345" }),
    ]);
    expect(found[0].message).toContain("12 lettres ou chiffres");
  });

  it("warns when it holds letters", () => {
    const report = run({ fields: FIELDS, rows: rows({ passNumber: "99999ABC1234" }) });
    expect(issues(report, "pass-format")).toEqual([
      expect.objectContaining({ severity: "warning", cell: "A2", value: "99999ABC1234" }),
    ]);
  });

  it("does not run without a PASS column and skips empty cells", () => {
    expect(count(run({ fields: ["lastName"], rows: rows({ passNumber: "1" }) }), "pass-format")).toBe(0);
    expect(count(run({ fields: FIELDS, rows: rows({ passNumber: null }) }), "pass-format")).toBe(0);
  });
});

describe("duplicate-person", () => {
  const born = d("1990-04-12");

  it("errors on the second row with the same PASS, naming the first row", () => {
    const report = run({
      fields: FIELDS,
      rows: rows(
        { passNumber: "999990000001", lastName: "Martinez", firstName: "Inès", birthDate: born },
        { passNumber: "999990000002" },
        { passNumber: "99999 000 0001" },
        { passNumber: "999990000001" },
      ),
    });
    const found = issues(report, "duplicate-person");
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({
      severity: "error",
      cell: "A4",
      row: 4,
      column: 1,
      field: "passNumber",
      value: "99999 000 0001",
    });
    expect(found[0].message).toContain("ligne 2");
    // The third occurrence still names the first row.
    expect(found[1]).toMatchObject({ cell: "A5", row: 5 });
    expect(found[1].message).toContain("ligne 2");
    expect(found[1].message).not.toContain("ligne 4");
  });

  it("errors on same last name + first name + birth date (case and accents ignored), never showing the name", () => {
    const report = run({
      fields: FIELDS,
      rows: rows(
        { lastName: "Lefèvre", firstName: "Éloïse", birthDate: born },
        { lastName: "Lefèvre", firstName: "Éloïse", birthDate: d("1990-04-13") },
        { lastName: "LEFEVRE ", firstName: "eloise", birthDate: born },
      ),
    });
    const found = issues(report, "duplicate-person");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      cell: "B4",
      row: 4,
      field: "lastName",
      value: "nom + prénom + date de naissance identiques à la ligne 2",
    });
    expect(found[0].message).toContain("ligne 2");
    expect(found[0].message.toLowerCase()).not.toContain("lef");
    expect(found[0].message.toLowerCase()).not.toContain("elo");
  });

  it("catches the same person under two different PASS numbers", () => {
    const report = run({
      fields: FIELDS,
      rows: rows(
        { passNumber: "999990000001", lastName: "Nguyen", firstName: "Paul", birthDate: born },
        { passNumber: "999990000009", lastName: "Nguyen", firstName: "Paul", birthDate: born },
      ),
    });
    expect(issues(report, "duplicate-person")).toEqual([
      expect.objectContaining({ cell: "B3", field: "lastName" }),
    ]);
  });

  it("reports a row once when both the PASS and the name match", () => {
    const same = { passNumber: "999990000001", lastName: "Nguyen", firstName: "Paul", birthDate: born };
    expect(count(run({ fields: FIELDS, rows: rows(same, same) }), "duplicate-person")).toBe(1);
  });

  it("needs the three identity values", () => {
    const report = run({
      fields: FIELDS,
      rows: rows(
        { lastName: "Nguyen", firstName: "Paul", birthDate: null },
        { lastName: "Nguyen", firstName: "Paul", birthDate: null },
      ),
    });
    expect(count(report, "duplicate-person")).toBe(0);
  });

  it("does not compare malformed PASS values (already pass-format errors)", () => {
    const report = run({
      fields: FIELDS,
      rows: rows({ passNumber: "EN COURS" }, { passNumber: "EN COURS" }),
    });
    expect(count(report, "duplicate-person")).toBe(0);
    expect(count(report, "pass-format", "error")).toBe(2);
  });

  it("a name met a third time still names the first row", () => {
    const person = { lastName: "Diallo", firstName: "Awa", birthDate: born };
    const found = issues(
      run({
        fields: FIELDS,
        rows: rows(person, { lastName: "Diallo", firstName: "Moussa", birthDate: born }, person, person),
      }),
      "duplicate-person",
    );
    expect(found.map((f) => [f.row, f.value])).toEqual([
      [4, "nom + prénom + date de naissance identiques à la ligne 2"],
      [5, "nom + prénom + date de naissance identiques à la ligne 2"],
    ]);
  });

  it("at the cap, lists the first duplicates in row order, by PASS and by name alike", () => {
    const a = { passNumber: "999990000001", lastName: "Nguyen", firstName: "Paul", birthDate: born };
    const b = { passNumber: "999990000002", lastName: "Petit", firstName: "Léa", birthDate: born };
    const report = run({
      fields: FIELDS,
      // Row 3 repeats row 2 by name (another PASS), row 4 repeats row 2 by PASS, rows 5 and 6 the same again.
      rows: rows(
        a,
        { ...a, passNumber: "999990000003" },
        { ...b, passNumber: a.passNumber },
        { ...a, passNumber: "999990000004" },
        { ...b, passNumber: a.passNumber },
      ),
      config: { findingsCapPerRule: 2 },
    });
    expect(issues(report, "duplicate-person").map((f) => [f.row, f.field])).toEqual([
      [3, "lastName"],
      [4, "passNumber"],
    ]);
    expect(report.rules.find((r) => r.code === "duplicate-person")).toMatchObject({ count: 4, listed: 2 });
  });

  it("lists up to the cap and keeps the true count", () => {
    const twelveDuplicates = rows(...Array.from({ length: 13 }, () => ({ passNumber: "999990000001" })));
    const report = run({ fields: FIELDS, rows: twelveDuplicates, config: { findingsCapPerRule: 5 } });
    expect(issues(report, "duplicate-person")).toHaveLength(5);
    expect(report.rules.find((r) => r.code === "duplicate-person")).toMatchObject({ count: 12, listed: 5 });
    expect(report.counts.error).toBe(12);
  });
});
