import { PRODUCT_VERSION } from "../core";

/** Name and version stamped on submissions sent by the CLI (generator). */
export const GENERATOR = { name: "bilan-iae-cli", version: PRODUCT_VERSION } as const;
