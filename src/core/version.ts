/** The product's version, one for the add-in, the CLI and the hub (a test keeps it equal to package.json's). */
export const PRODUCT_VERSION = "0.1.0";
