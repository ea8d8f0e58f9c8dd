/** @type {import('jest').Config} */
module.exports = {
  testMatch: ["<rootDir>/test/**/*.test.ts", "<rootDir>/test/**/*.test.tsx"],
  transform: {
    "^.+\\.(t|j)sx?$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", tsx: true },
          transform: { react: { runtime: "automatic" } },
          target: "es2022",
        },
      },
    ],
  },
  testEnvironment: "node",
  moduleNameMapper: {
    // ESM-style relative imports with ".js" (dynamic import() under node16) name the .ts/.tsx sources.
    "^(\\.{1,2}/.*)\\.js$": "$1",
    "^office-addin-manifest$": "<rootDir>/test/support/office-addin-manifest-stub.js",
    "\\.(css|png|svg)$": "<rootDir>/test/support/file-stub.js",
  },
  setupFilesAfterEnv: ["<rootDir>/test/support/dom-setup.js"],
  testTimeout: 30000,
};
