import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyServerOptions } from "fastify";
import { loggerOptions } from "./logging";
import { DEFAULT_HUB_CONFIG, type HubConfig, type HubConfigOverrides } from "./config";
import type { HubDb } from "./db/connect";
import { dbPlugin } from "./plugins/db";
import { errorsPlugin } from "./plugins/errors";
import { jsonBodyPlugin } from "./plugins/json-body";
import { gracefulClosePlugin } from "./plugins/graceful-close";
import { securityPlugin } from "./plugins/security";
import { authPlugin } from "./plugins/auth";
import { submissionsRoutes } from "./routes/submissions";
import { consolidationRoutes } from "./routes/consolidation";
import { statusRoutes } from "./routes/status";
import { healthRoutes } from "./routes/health";
import { settingsRoutes } from "./routes/settings";
import { openApiPlugin } from "./plugins/openapi";
import { documentsRoutes } from "./routes/documents";

export interface BuildHubOptions {
  db: HubDb;
  config?: HubConfigOverrides;
  /** false (no log), true (pino to stdout), pino options, or a logger instance; URLs are redacted in every case (logging.ts). */
  logger?: boolean | FastifyServerOptions["logger"] | FastifyBaseLogger;
  /** Close the database when the server closes (default true). */
  closeDb?: boolean;
}

/** The hub application (not listening): one plugin per concern, everything injectable for tests. */
export async function buildHub(options: BuildHubOptions): Promise<FastifyInstance> {
  const given = options.config;
  const config: HubConfig = {
    ...DEFAULT_HUB_CONFIG,
    ...given,
    rateLimit: { ...DEFAULT_HUB_CONFIG.rateLimit, ...given?.rateLimit },
    connections: { ...DEFAULT_HUB_CONFIG.connections, ...given?.connections },
    quotas: { ...DEFAULT_HUB_CONFIG.quotas, ...given?.quotas },
  };
  const { idleTimeoutMs, keepAliveTimeoutMs, requestTimeoutMs, maxConnections } = config.connections;
  const serverOptions: FastifyServerOptions = {
    ...loggerOptions(options.logger),
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy as FastifyServerOptions["trustProxy"],
    // Secure JSON parsing: __proto__ and constructor.prototype keys are refused (400), not merged.
    onProtoPoisoning: "error",
    onConstructorPoisoning: "error",
    return503OnClosing: true,
    forceCloseConnections: "idle",
    connectionTimeout: idleTimeoutMs,
    keepAliveTimeout: keepAliveTimeoutMs,
    requestTimeout: requestTimeoutMs,
  };
  const app: FastifyInstance = Fastify(serverOptions);
  // Node refuses a headers timeout longer than the request timeout; beyond the cap, new sockets are closed at once.
  app.server.headersTimeout = Math.min(app.server.headersTimeout, requestTimeoutMs);
  app.server.maxConnections = maxConnections;
  // JSON only: Fastify also parses text/plain by default, which would turn a wrong content type into a 422.
  app.removeContentTypeParser("text/plain");
  await app.register(jsonBodyPlugin);
  await app.register(gracefulClosePlugin);
  await app.register(dbPlugin, { hubDb: options.db, hubConfig: config, closeDb: options.closeDb ?? true });
  await app.register(errorsPlugin);
  await app.register(securityPlugin, { config });
  await app.register(authPlugin);
  await app.register(openApiPlugin);
  await app.register(healthRoutes);
  await app.register(documentsRoutes);
  await app.register(submissionsRoutes);
  await app.register(consolidationRoutes);
  await app.register(statusRoutes);
  await app.register(settingsRoutes);
  return app;
}
