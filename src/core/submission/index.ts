export * from "./schema";
export * from "./period";
export * from "./canonical";
