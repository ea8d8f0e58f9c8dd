export * from "./schema";
export * from "./period";
export * from "./canonical";
export * from "./receipt";
export { PERSON_KEY_PATTERN } from "./record-fields";
