import fc from "fast-check";
import { nameHash } from "../../../src/core/rules/name-hash";
import { normalizeText } from "../../../src/core/text/normalize";

describe("nameHash", () => {
  it("is equal for names equal after normalisation", () => {
    expect(nameHash("Lefèvre")).toBe(nameHash("LEFEVRE"));
    expect(nameHash("  Éloïse-Marie ")).toBe(nameHash("eloise marie"));
    expect(nameHash("Cœur")).toBe(nameHash("COEUR"));
    expect(nameHash("Læticia")).toBe(nameHash("laeticia"));
    // Decomposed accents (e + combining acute) take the normalizeText path.
    expect(nameHash("Rene\u0301")).toBe(nameHash("René"));
  });

  it("differs for different names (these ones)", () => {
    expect(nameHash("Martin")).not.toBe(nameHash("Martine"));
    expect(nameHash("Jean Paul")).not.toBe(nameHash("Jeanpaul"));
  });

  it("hashes a text like its normalised form, for any mix of Latin-1, œ, marks and separators", () => {
    const chars = fc.constantFrom(..."aAzZ09 -'.,éÉèÈêëÏîôÖùÛçÇñÑæÆœŒøßÿ\u00a0\u202f\u0301\u0308«»°ğİ\t".split(""));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 20 }), (cs) => {
        const s = cs.join("");
        expect(nameHash(s)).toBe(nameHash(normalizeText(s)));
      }),
      { numRuns: 2000 },
    );
  });
});
