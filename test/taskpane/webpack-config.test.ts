/**
 * The webpack configuration's decisions, checked without running webpack: where office.js comes
 * from, what the production manifest points to, which entries and pages are built.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

type Pattern = { from: string; to: string; transform?: (content: Buffer) => string | Buffer };
type Plugin = {
  patterns?: Pattern[];
  userOptions?: { filename: string; templateParameters: { officeJsSrc: string }; chunks: string[] };
};
type Config = {
  entry: Record<string, string>;
  plugins: Plugin[];
  output: { path: string };
  devServer: { port: number; server?: unknown };
};

const ROOT = path.resolve(__dirname, "../..");

function load(
  env: Record<string, string | undefined>,
  mode: "production" | "development",
  cli: object = { WEBPACK_BUILD: true },
): Config {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const factory = require(path.join(ROOT, "webpack.config.js")) as (e: object, a: object) => Config;
    return factory(cli, { mode });
  } finally {
    process.env = saved;
  }
}

const pages = (c: Config) => c.plugins.flatMap((p) => (p.userOptions ? [p.userOptions] : []));
const patterns = (c: Config) => c.plugins.flatMap((p) => p.patterns ?? []);
const manifestTransform = (c: Config) => patterns(c).find((p) => p.from === "manifest*.xml")?.transform;

const MANIFEST = `<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>
<bt:Url id="Bilan.Indicateurs.Url" DefaultValue="https://localhost:3000/taskpane.html?view=indicateurs"/>`;

describe("webpack.config.js", () => {
  it("production pages load office.js from Microsoft's CDN and nothing is copied from node_modules", () => {
    const c = load({ OFFICE_JS: undefined, ADDIN_BASE_URL: undefined }, "production");
    for (const page of pages(c))
      expect(page.templateParameters.officeJsSrc).toBe(
        "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      );
    expect(patterns(c).some((p) => String(p.to).startsWith("office-js/"))).toBe(false);
  });

  it("OFFICE_JS=local serves office.js with its file-mapping table side by side", () => {
    const c = load({ OFFICE_JS: "local" }, "production");
    for (const page of pages(c)) expect(page.templateParameters.officeJsSrc).toBe("office-js/office.js");
    const copied = patterns(c).map((p) => p.to);
    expect(copied).toEqual(
      expect.arrayContaining(["office-js/office.js", "office-js/o15apptofilemappingtable.js"]),
    );
  });

  it("rewrites https://localhost:3000/ in the copied manifest to ADDIN_BASE_URL (slash added)", () => {
    const c = load({ ADDIN_BASE_URL: "https://bilan.cd38.fr/complement" }, "production");
    const out = String(manifestTransform(c)?.(Buffer.from(MANIFEST)));
    expect(out).toBe(`<SourceLocation DefaultValue="https://bilan.cd38.fr/complement/taskpane.html"/>
<bt:Url id="Bilan.Indicateurs.Url" DefaultValue="https://bilan.cd38.fr/complement/taskpane.html?view=indicateurs"/>`);
  });

  it("refuses an http base URL (Office requires https)", () => {
    expect(() => load({ ADDIN_BASE_URL: "http://bilan.cd38.fr/" }, "production")).toThrow(/https/);
  });

  it("development keeps the localhost manifest, serves on port 3000, and builds both pages", () => {
    const c = load({ ADDIN_BASE_URL: "https://bilan.cd38.fr/" }, "development");
    expect(String(manifestTransform(c)?.(Buffer.from(MANIFEST)))).toBe(MANIFEST);
    expect(c.devServer.port).toBe(3000);
    expect(
      pages(c)
        .map((p) => p.filename)
        .sort(),
    ).toEqual(["commands.html", "taskpane.html"]);
    expect(pages(c).find((p) => p.filename === "taskpane.html")?.chunks).toEqual(["taskpane"]);
    expect(c.entry.taskpane).toBe("./src/taskpane/index.tsx");
  });

  it("the dev server uses office-addin-dev-certs' files (~/.office-addin-dev-certs) when present", () => {
    const home = mkdtempSync(path.join(tmpdir(), "bilan-iae-home-"));
    try {
      const dir = path.join(home, ".office-addin-dev-certs");
      mkdirSync(dir);
      writeFileSync(path.join(dir, "localhost.crt"), "CERT");
      writeFileSync(path.join(dir, "localhost.key"), "KEY");
      writeFileSync(path.join(dir, "ca.crt"), "CA");
      const c = load({ BILAN_IAE_DEV_CERTS_DIR: dir }, "development", { WEBPACK_SERVE: true });
      const server = c.devServer.server as { type: string; options: Record<string, Buffer> };
      expect(server.type).toBe("https");
      expect(Object.fromEntries(Object.entries(server.options).map(([k, v]) => [k, v.toString()]))).toEqual({
        cert: "CERT",
        key: "KEY",
        ca: "CA",
      });
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it("without the certificate files, explains how to create them and falls back to a self-signed https server", () => {
    const home = mkdtempSync(path.join(tmpdir(), "bilan-iae-home-"));
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const c = load({ BILAN_IAE_DEV_CERTS_DIR: path.join(home, "absent") }, "development", {
        WEBPACK_SERVE: true,
      });
      expect(c.devServer.server).toEqual({ type: "https" });
      expect(warn.mock.calls.flat().join("\n")).toContain("npx office-addin-dev-certs install");
    } finally {
      warn.mockRestore();
      rmSync(home, { recursive: true, force: true });
    }
  });
});
