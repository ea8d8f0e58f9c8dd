// @ts-check
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");
const prettier = require("eslint-config-prettier");

const nodeBuiltins = require("node:module").builtinModules;

module.exports = tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "examples/**", "test-output/**", "docs/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: "module" },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Errors must reach the user or the log, never be swallowed in console.log.
      "no-console": ["error", { allow: ["error", "warn"] }],
      "no-empty": ["error", { allowEmptyCatch: false }],
    },
  },
  {
    // The domain is pure: no Office, DOM, Node or network import, and nothing of ours outside core.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [...nodeBuiltins, ...nodeBuiltins.map((m) => `node:${m}`)].map((name) => ({
            name,
            message: "src/core must stay pure: no Node import.",
          })),
          patterns: [
            {
              group: [
                "../../*",
                "exceljs",
                "react",
                "react-*",
                "@fluentui/*",
                "@microsoft/*",
                "office-*",
                "fastify*",
                "@fastify/*",
                "kysely",
                "pg",
                "better-sqlite3",
                "node:*",
              ],
              message: "src/core must stay pure: no Office, DOM, Node, network or outer-layer import.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        "window",
        "document",
        "Office",
        "Excel",
        "process",
        "require",
        "fetch",
        "localStorage",
      ],
    },
  },
  {
    files: ["**/*.js"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        __dirname: "readonly",
        __filename: "readonly",
        console: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        setInterval: "readonly",
        clearInterval: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["scripts/**", "bench/**", "bin/**", "src/cli/**", ".ci/**"],
    rules: { "no-console": "off" },
  },
);
