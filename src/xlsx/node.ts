/** Node-only entry points of the .xlsx adapter (file paths). */
export { readXlsxFile } from "./read-file";
export * from "./index";
