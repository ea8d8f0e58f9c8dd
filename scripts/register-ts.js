// Lets `node -r ./scripts/register-ts.js scripts/x.ts` run TypeScript scripts: compiles each .ts file
// on require with @swc/core (types stripped, CommonJS out), no build step.
const fs = require("node:fs");
const { transformSync } = require("@swc/core");

require.extensions[".ts"] = function registerTs(module, filename) {
  const source = fs.readFileSync(filename, "utf8");
  const { code } = transformSync(source, {
    filename,
    sourceMaps: "inline",
    module: { type: "commonjs" },
    jsc: { parser: { syntax: "typescript" }, target: "es2022" },
  });
  module._compile(code, filename);
};
