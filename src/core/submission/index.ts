export * from "./schema";
export * from "./period";
export * from "./canonical";
export * from "./receipt";
