/** Name and version stamped on submissions (generator) and printed by --version. */
export const VERSION = "0.1.0";
export const GENERATOR = { name: "bilan-iae-cli", version: VERSION } as const;
