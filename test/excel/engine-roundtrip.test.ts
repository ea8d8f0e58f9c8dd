import { analyzeOne } from "../support/analyze-one";

import { ERROR_FILL } from "../../src/excel";
import { FakeExcel } from "./fake-excel";
import { workbookOn } from "./helpers";

test("findings of the real engine on a table starting at B3 point at the right cells, and highlight them", async () => {
  const fake = new FakeExcel();
  fake.model.addSheet("Structure").put(0, 0, [
    ["SIRET", "12345678900011"],
    ["Raison sociale", "Atelier du Lac"],
    ["Type de structure", "ACI"],
    ["Département", "38"],
    ["Début de période", 45658],
    ["Fin de période", 46022],
  ]);
  // Header on row 3, first column B: the used range starts at B3.
  fake.model.addSheet("Salariés").put(2, 1, [
    [
      "Sexe",
      "Date de naissance",
      "Résident QPV",
      "Bénéficiaire du RSA",
      "Date d'embauche",
      "Heures travaillées",
    ],
    ["F", 32874, "Oui", "Non", 45300, 1200],
    ["Z", 35000, "Non", "Non", 45400, 800], // invalid sex in B5
  ]);
  const wb = workbookOn(fake);
  const data = await wb.read();
  expect(data.sheets[1].origin).toEqual({ row: 2, col: 1 });
  const analysis = analyzeOne(data);
  const sex = analysis.report.issues.find((f) => f.field === "sex" && f.severity === "error");
  expect(sex).toMatchObject({ sheet: "Salariés", cell: "B5" });

  await wb.highlight(analysis.report.issues);
  expect(fake.model.sheet("Salariés").fill("B5").color).toBe(ERROR_FILL);
  await wb.select(sex!.sheet!, sex!.cell!);
  expect(fake.model.selection).toEqual({ sheet: "Salariés", address: "B5" });
  await wb.clearHighlights();
  expect(fake.model.sheet("Salariés").fills.size).toBe(0);
});
