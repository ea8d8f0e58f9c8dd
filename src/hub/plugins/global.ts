import type { FastifyPluginAsync } from "fastify";

/**
 * Marks a plugin as not encapsulated (what fastify-plugin does): its decorators and hooks apply to the
 * whole app. Used for cross-cutting concerns (db, errors, auth, security).
 */
export function global<T extends FastifyPluginAsync<never>>(plugin: T): T {
  (plugin as unknown as Record<symbol, boolean>)[Symbol.for("skip-override")] = true;
  return plugin;
}
