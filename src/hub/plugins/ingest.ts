import type { FastifyPluginAsync } from "fastify";
import { IngestPool } from "../ingest/ingest-pool";
import { global } from "./global";

declare module "fastify" {
  interface FastifyInstance {
    /** Parses and prepares submission bodies off the event loop. */
    hubIngest: IngestPool;
  }
}

/** The ingest threads, with the department's rules; stopped with the server. */
export const ingestPlugin = global(async (app) => {
  const pool = new IngestPool(app.hubConfig.rules, app.hubConfig.ingestThreads);
  app.decorate("hubIngest", pool);
  app.addHook("onClose", async () => pool.close());
}) as FastifyPluginAsync;
