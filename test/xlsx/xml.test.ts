import { forEachElement, textOfRuns, unescapeOoxml, unescapeXml } from "../../src/xlsx/xml";

describe("XML helpers (linear scanners)", () => {
  it("decode entities and OOXML escapes, leaving what is not one", () => {
    expect(unescapeXml("a &amp; b &lt;&gt;&quot;&apos; &#233;&#xE9; &unknown; & &#xZZ; &#1114112; &;")).toBe(
      "a & b <>\"' éé &unknown; & &#xZZ;  &;",
    );
    expect(unescapeXml("&amp;lt;")).toBe("&lt;");
    expect(unescapeOoxml("a_x000D_b_x00_c_x0041__x")).toBe("a\rb_x00_cA_x");
  });

  it("find elements by local name in order, skipping comments, with quoted > in attributes", () => {
    const seen: [string, string, string | null][] = [];
    forEachElement(
      '<r><!-- <si>no</si> --><x:si a=">"><t>1</t></x:si><si/><si>2</si></r>',
      ["si"],
      (name, attrs, content) => {
        seen.push([name, attrs, content]);
      },
    );
    expect(seen).toEqual([
      ["si", ' a=">"', "<t>1</t>"],
      ["si", "", null],
      ["si", "", "2"],
    ]);
  });

  it("rich text runs joined, phonetic runs left out", () => {
    expect(
      textOfRuns(
        '<r><t>Du</t></r><r><rPr/><t xml:space="preserve">pont &amp; fils</t></r><rPh sb="0"><t>デュ</t></rPh>',
      ),
    ).toBe("Dupont & fils");
  });
});
