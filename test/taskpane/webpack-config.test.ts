/**
 * The webpack configuration's decisions, checked without running webpack: where office.js comes
 * from, what the production manifest points to, which entries and pages are built.
 */
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

function load(env: Record<string, string | undefined>, mode: "production" | "development"): Config {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const factory = require(path.join(ROOT, "webpack.config.js")) as (e: object, a: object) => Config;
    return factory({ WEBPACK_BUILD: true }, { mode });
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
});
