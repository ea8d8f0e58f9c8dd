import type { FastifyPluginAsync } from "fastify";
import fp from "fastify-plugin";

/**
 * On close (Ctrl-C, SIGTERM), the requests already being handled finish and get their answer, with
 * `Connection: close`: Fastify reaps the connections idle when closing starts, but one that turns idle after
 * its last answer would otherwise keep the process alive for the whole keep-alive timeout (HUB_KEEP_ALIVE_TIMEOUT_MS).
 */
const gracefulClose: FastifyPluginAsync = async (app) => {
  let closing = false;
  app.addHook("preClose", async () => {
    closing = true;
  });
  app.addHook("onSend", async (_req, reply) => {
    if (closing) void reply.header("connection", "close");
  });
};
export const gracefulClosePlugin = fp(gracefulClose, { name: "hub-graceful-close", fastify: "5.x" });
