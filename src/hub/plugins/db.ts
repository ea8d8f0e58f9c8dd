import type { FastifyPluginAsync } from "fastify";
import fp from "fastify-plugin";
import type { HubDb } from "../db/connect";
import type { HubConfig } from "../config";

declare module "fastify" {
  interface FastifyInstance {
    hubDb: HubDb;
    hubConfig: HubConfig;
  }
}

/** Makes the database and configuration available to routes; closes the database with the server when asked. */
const db: FastifyPluginAsync<{ hubDb: HubDb; hubConfig: HubConfig; closeDb: boolean }> = async (
  app,
  opts,
) => {
  app.decorate("hubDb", opts.hubDb);
  app.decorate("hubConfig", opts.hubConfig);
  if (opts.closeDb) app.addHook("onClose", async () => opts.hubDb.close());
};
export const dbPlugin = fp(db, { name: "hub-db", fastify: "5.x" });
