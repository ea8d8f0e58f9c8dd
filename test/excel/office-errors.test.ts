import { officeErrorCode, officeErrorMessage, toOfficeUserError } from "../../src/excel";
import { UserError } from "../../src/core/errors/user-error";
import { FakeOfficeError } from "./fake-excel";

test.each([
  [
    "InvalidOperationInCellEditMode",
    "Une cellule est en cours de modification dans Excel. Appuyez sur Entrée ou Échap",
  ],
  ["RequestPayloadSizeLimitExceeded", "trop volumineuse (limite de 5 Mo d'Excel sur le web)"],
  ["ItemNotFound", "Excel ne trouve pas la feuille ou la cellule demandée"],
  ["GeneralException", "Excel a rencontré une erreur interne"],
  ["AccessDenied", "protégé ou ouvert en lecture seule"],
])("%s becomes a French sentence", (code, expected) => {
  const message = officeErrorMessage(
    new FakeOfficeError(code, "English text from Office"),
    "Lecture du classeur",
  );
  expect(message.startsWith("Lecture du classeur : ")).toBe(true);
  expect(message).toContain(expected);
  expect(message).not.toContain("English text from Office");
});

test("an unknown code is named, with Office's message, never a stack trace", () => {
  const message = officeErrorMessage(new FakeOfficeError("BrandNewCode", "Something odd"));
  expect(message).toBe(
    "Excel a renvoyé une erreur inattendue (BrandNewCode) : Something odd. Recommencez ; si le problème persiste, signalez-le.",
  );
  expect(officeErrorMessage("boom")).toContain(": boom.");
  expect(officeErrorCode({ code: 42 })).toBeNull();
});

test("toOfficeUserError keeps the code and the cause, and passes our own errors through", () => {
  const original = new FakeOfficeError("ItemNotFound");
  const wrapped = toOfficeUserError(original, "Sélection");
  expect(wrapped).toBeInstanceOf(UserError);
  expect(wrapped.code).toBe("office.ItemNotFound");
  expect(wrapped.params).toEqual({ action: "Sélection" });
  expect((wrapped as UserError).cause).toBe(original);
  const odd = toOfficeUserError(new FakeOfficeError("BrandNewCode", "Something odd"));
  expect([odd.code, odd.params]).toEqual([
    "office.unexpected",
    { officeCode: "BrandNewCode", detail: "Something odd" },
  ]);
  const ours = new UserError("limit.too-many-cells", { cells: 2, max: 1, sheet: "S", range: "A1:B1" });
  expect(toOfficeUserError(ours, "x")).toBe(ours);
});
