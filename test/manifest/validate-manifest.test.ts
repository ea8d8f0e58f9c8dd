import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { VIEWS } from "../../src/taskpane/views";

const root = path.resolve(__dirname, "..", "..");
const script = path.join(root, "scripts", "validate-manifest.js");
const original = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validateManifest, pngSize } = require(script) as {
  validateManifest: (xml: string, o: { rootDir: string }) => string[];
  pngSize: (b: Buffer) => { width: number; height: number } | null;
};

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Runs `node scripts/validate-manifest.js` on a modified copy, as `npm run validate` would. */
function runOn(xml: string, name: string): { status: number | null; out: string } {
  const file = path.join(tmp, `${name}.xml`);
  fs.writeFileSync(file, xml);
  const r = spawnSync(process.execPath, [script, file], { cwd: root, encoding: "utf8" });
  return { status: r.status, out: r.stdout + r.stderr };
}

function replaceOnce(xml: string, from: string | RegExp, to: string): string {
  const changed = xml.replace(from, to);
  expect(changed).not.toBe(xml); // the mutation must really happen, or the test proves nothing
  return changed;
}

test("the real manifest passes", () => {
  const r = runOn(original, "ok");
  expect(r.out).toContain("Manifeste valide");
  expect(r.status).toBe(0);
});

test("a broken icon path fails, naming the file", () => {
  const r = runOn(
    replaceOnce(
      original,
      'id="Bilan.Icon.32" DefaultValue="https://localhost:3000/assets/icon-32.png"',
      'id="Bilan.Icon.32" DefaultValue="https://localhost:3000/assets/icone-32.png"',
    ),
    "icon",
  );
  expect(r.status).toBe(1);
  expect(r.out).toContain("fichier d'icône introuvable assets/icone-32.png");
});

test("an icon of the wrong pixel size fails", () => {
  const r = runOn(
    replaceOnce(
      original,
      'id="Bilan.Icon.80" DefaultValue="https://localhost:3000/assets/icon-80.png"',
      'id="Bilan.Icon.80" DefaultValue="https://localhost:3000/assets/icon-64.png"',
    ),
    "size",
  );
  expect(r.status).toBe(1);
  expect(r.out).toContain("mesure 64×64 px, attendu 80 px");
});

test("an http URL fails", () => {
  const r = runOn(
    replaceOnce(
      original,
      '<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>',
      '<SourceLocation DefaultValue="http://localhost:3000/taskpane.html"/>',
    ),
    "http",
  );
  expect(r.status).toBe(1);
  expect(r.out).toContain("URL non https dans <SourceLocation>");
});

test("a missing requirement set fails", () => {
  const r = runOn(replaceOnce(original, /\s*<Requirements>[\s\S]*?<\/Requirements>/, ""), "req");
  expect(r.status).toBe(1);
  expect(r.out).toContain("ensemble de conditions requises absent");
});

test("a bad GUID fails", () => {
  const r = runOn(
    replaceOnce(original, /<Id>[^<]*<\/Id>/, "<Id>6f1d2c84-3b7a-4e59-9a0c-5d2e8b41f7a</Id>"),
    "guid",
  );
  expect(r.status).toBe(1);
  expect(r.out).toContain("<Id> doit être un GUID");
});

test("a description over 250 characters fails, a display name over 125 too", () => {
  const long = "x".repeat(251);
  let r = runOn(
    replaceOnce(original, /<Description DefaultValue="[^"]*"/, `<Description DefaultValue="${long}"`),
    "desc",
  );
  expect(r.status).toBe(1);
  expect(r.out).toContain("<Description> dépasse 250 caractères (251)");
  r = runOn(
    replaceOnce(
      original,
      /<DisplayName DefaultValue="[^"]*"/,
      `<DisplayName DefaultValue="${"y".repeat(126)}"`,
    ),
    "name",
  );
  expect(r.out).toContain("<DisplayName> dépasse 125 caractères (126)");
});

test("malformed XML, element order, version, resource ids and dangling resids are reported", () => {
  const opts = { rootDir: root };
  expect(validateManifest(original.replace("</ProviderName>", "</Provider>"), opts)[0]).toMatch(
    /^XML mal formé : balise fermante <\/Provider>/,
  );
  expect(validateManifest(original.replace("Bilan IAE est prêt", "A & B"), opts)[0]).toMatch(
    /caractère « & » non échappé/,
  );

  const swapped = original.replace(
    /(\s*<Version>[^<]*<\/Version>)(\s*<ProviderName>[^<]*<\/ProviderName>)/,
    "$2$1",
  );
  expect(swapped).not.toBe(original);
  expect(validateManifest(swapped, opts)).toContain(
    "élément <Version> mal placé (ligne 5) : il doit venir avant <ProviderName>",
  );

  expect(
    validateManifest(original.replace("<Version>1.0.0.0</Version>", "<Version>1.0</Version>"), opts),
  ).toContain("<Version> doit être au format n.n.n.n, trouvé « 1.0 »");

  const longId = "Bilan.Un.Identifiant.Beaucoup.Trop.Long";
  const renamed = original.split('"Bilan.Verifier.Tip"').join(`"${longId}"`);
  expect(validateManifest(renamed, opts)).toContain(
    `identifiant de ressource trop long (${longId.length} > 32) : « ${longId} »`,
  );

  const dangling = original.replace(
    '<Description resid="Bilan.Envoyer.Tip"/>',
    '<Description resid="Bilan.Absent"/>',
  );
  expect(
    validateManifest(dangling, opts).some((p) => p.startsWith("resid « Bilan.Absent » introuvable")),
  ).toBe(true);
});

test("committed icons are PNGs of the sizes their names say", () => {
  for (const size of [16, 32, 64, 80, 128]) {
    const buf = fs.readFileSync(path.join(root, "assets", `icon-${size}.png`));
    expect(pngSize(buf)).toEqual({ width: size, height: size });
  }
});

test("every ?view= the manifest opens (ribbon buttons, help links) is a view of the pane", () => {
  const wanted = [...original.matchAll(/taskpane\.html\?view=([\w-]+)/g)].map((m) => m[1]);
  expect(new Set(wanted)).toEqual(new Set(["verifier", "indicateurs", "envoyer", "consolider", "aide"]));
  for (const id of wanted) expect(VIEWS.map((v) => v.id)).toContain(id);
});
