/* Task pane and ribbon commands of the Excel add-in.
 * Modelled on OfficeDev/Office-Addin-TaskPane-React, with strict TypeScript through ts-loader,
 * code splitting (ExcelJS-based file mode and heavy views load on demand) and a "file mode" build
 * that serves office.js locally (tests, machines without internet).
 *
 *   npm run build                     production, office.js from Microsoft's CDN,
 *                                     https://localhost:3000/ rewritten to $ADDIN_BASE_URL in the manifest
 *   OFFICE_JS=local npm run build     same, office.js copied from @microsoft/office-js (file mode / tests)
 *   npm run dev-server                HTTPS on https://localhost:3000 with office-addin-dev-certs' certificates
 */
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const urlDev = "https://localhost:3000/";
const officeJsCdn = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const officeJsDist = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");

/** The manifest's production base URL: must be https and end with a slash. */
function productionBaseUrl() {
  const raw = process.env.ADDIN_BASE_URL;
  if (!raw) return null;
  const url = raw.endsWith("/") ? raw : `${raw}/`;
  if (!/^https:\/\//.test(url)) {
    throw new Error(`ADDIN_BASE_URL doit commencer par https:// (Office refuse les adresses http) : ${raw}`);
  }
  return url;
}

/** office-addin-dev-certs' files, or webpack-dev-server's self-signed certificate with an explanation. */
function httpsServer() {
  // BILAN_IAE_DEV_CERTS_DIR: another folder holding the same three files (tests, shared machines).
  const certDir = process.env.BILAN_IAE_DEV_CERTS_DIR || path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { cert: "localhost.crt", key: "localhost.key", ca: "ca.crt" };
  const paths = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.join(certDir, f)]));
  if (Object.values(paths).every((p) => fs.existsSync(p))) {
    return {
      type: "https",
      options: {
        cert: fs.readFileSync(paths.cert),
        key: fs.readFileSync(paths.key),
        ca: fs.readFileSync(paths.ca),
      },
    };
  }
  console.warn(
    [
      `Certificats de développement introuvables dans ${certDir}.`,
      "Pour qu'Excel fasse confiance au serveur https://localhost:3000, créez-les avec :",
      "  npx office-addin-dev-certs install",
      "(sous Linux l'étape d'approbation demande sudo ; sous Windows et Mac, acceptez l'invite).",
      "En attendant, le serveur utilise un certificat auto-signé que le navigateur signalera.",
    ].join("\n"),
  );
  return { type: "https" };
}

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const localOfficeJs = process.env.OFFICE_JS === "local" || Boolean(env.officeJsLocal);
  const baseUrl = dev ? null : productionBaseUrl();
  const officeJsSrc = localOfficeJs ? "office-js/office.js" : officeJsCdn;

  const copyPatterns = [
    { from: "assets", to: "assets", noErrorOnMissing: true },
    {
      from: "manifest*.xml",
      to: "[name][ext]",
      noErrorOnMissing: true,
      transform(content) {
        if (!baseUrl) return content;
        return content
          .toString()
          .replace(new RegExp(urlDev.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"), "g"), baseUrl);
      },
    },
  ];
  if (localOfficeJs) {
    // office.js needs its file-mapping table next to it (or Office.onReady never fires) and its strings.
    copyPatterns.push(
      { from: path.join(officeJsDist, "office.js"), to: "office-js/office.js" },
      {
        from: path.join(officeJsDist, "o15apptofilemappingtable.js"),
        to: "office-js/o15apptofilemappingtable.js",
      },
      { from: path.join(officeJsDist, "en-us"), to: "office-js/en-us" },
      { from: path.join(officeJsDist, "fr-fr"), to: "office-js/fr-fr" },
    );
  }

  const entry = { taskpane: "./src/taskpane/index.tsx", commands: "./src/commands/commands.ts" };

  return {
    mode: dev ? "development" : "production",
    // Production maps are opt-in (SOURCE_MAPS=1): they triple the build time on small machines.
    devtool: dev ? "eval-source-map" : process.env.SOURCE_MAPS ? "source-map" : false,
    entry,
    output: {
      // ADDIN_OUT_DIR lets the end-to-end test build elsewhere without touching dist/addin.
      path: path.resolve(__dirname, process.env.ADDIN_OUT_DIR || "dist/addin"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "chunks/[name].[contenthash:8].js",
      publicPath: "auto",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // Dynamic import() paths carry ".js" (TypeScript node16 resolution); they name .ts/.tsx sources.
      extensionAlias: { ".js": [".ts", ".tsx", ".js"], ".mjs": [".mts", ".mjs"] },
      // The lean .xlsx reader never touches Node's filesystem in the browser.
      fallback: { fs: false, path: false, os: false, stream: false, crypto: false },
    },
    module: {
      rules: [
        {
          // .mts: the ES modules that need import.meta (the Web Worker of the Consolider view).
          test: /\.(m?ts|tsx)$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              configFile: path.resolve(__dirname, "tsconfig.web.json"),
              onlyCompileBundledFiles: true,
            },
          },
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico|svg)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext]" },
        },
      ],
    },
    plugins: [
      new CopyWebpackPlugin({ patterns: copyPatterns }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        templateParameters: { officeJsSrc },
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        templateParameters: { officeJsSrc },
      }),
    ],
    performance: { hints: false },
    optimization: { splitChunks: { chunks: "async" } },
    devServer: {
      hot: false,
      // Loopback only: the dev server is for this machine's Excel or browser, not the network.
      host: "localhost",
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      headers: { "Access-Control-Allow-Origin": "*" },
      server: env.WEBPACK_SERVE ? httpsServer() : undefined,
      static: false,
    },
  };
};
