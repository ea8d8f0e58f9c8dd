import { readFileSync } from "node:fs";
import path from "node:path";
import { PRODUCT_VERSION } from "../../src/core";

test("the product version shown by the CLI, the pane and stamped on submissions is package.json's", () => {
  const pkg = JSON.parse(readFileSync(path.resolve(__dirname, "../../package.json"), "utf8")) as {
    version: string;
  };
  expect(PRODUCT_VERSION).toBe(pkg.version);
});
