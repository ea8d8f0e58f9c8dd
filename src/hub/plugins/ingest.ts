import type { FastifyPluginAsync } from "fastify";
import { IngestPool } from "../ingest/ingest-pool";
import fp from "fastify-plugin";

declare module "fastify" {
  interface FastifyInstance {
    /** Parses and prepares submission bodies off the event loop. */
    hubIngest: IngestPool;
  }
}

/** The ingest threads, with the department's rules; stopped with the server. */
const ingest: FastifyPluginAsync = async (app) => {
  const pool = new IngestPool(app.hubConfig.rules, app.hubConfig.ingestThreads);
  app.decorate("hubIngest", pool);
  app.addHook("onClose", async () => pool.close());
};
export const ingestPlugin = fp(ingest, { name: "hub-ingest", fastify: "5.x", dependencies: ["hub-db"] });
