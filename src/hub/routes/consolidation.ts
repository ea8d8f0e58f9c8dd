import { z } from "zod";
import fp from "fastify-plugin";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { consolidationCsv } from "../../core/report/csv";
import { writeConsolidationXlsx } from "../../xlsx/write-consolidation";
import { consolidationOf } from "../consolidation";
import { audit } from "../db/repositories/audit";
import { actorOf } from "../plugins/auth";
import { structuresStatusOf } from "../status";
import { authProblems, Consolidation, ConsolidationQuery, problem, XlsxBytes } from "../schemas";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const consolidation: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/v1/consolidation",
    {
      config: { access: "department" },
      schema: {
        summary: "Consolidation départementale d'une période (jeton départemental)",
        querystring: ConsolidationQuery,
        response: {
          200: {
            description: "JSON, CSV (Accept: text/csv ou format=csv) ou classeur .xlsx (format=xlsx)",
            content: {
              "application/json": { schema: Consolidation },
              "text/csv": { schema: z.string() },
              [XLSX_TYPE]: { schema: XlsxBytes },
            },
          },
          400: problem("Période absente ou invalide"),
          403: problem("Réservé au Département"),
          ...authProblems,
        },
      },
    },
    async (req, reply) => {
      const { period, format } = req.query;
      const accept = req.headers.accept ?? "";
      const wanted =
        format ?? (/\btext\/csv\b/.test(accept) ? "csv" : /spreadsheetml/.test(accept) ? "xlsx" : "json");
      const c = await consolidationOf(app.hubDb.db, period);
      await audit(app.hubDb, {
        actor: actorOf(req),
        action: "consolidation.read",
        target: period,
        ip: req.ip,
        status: 200,
        details: wanted,
      });
      const name = `consolidation-${period}`;
      if (wanted === "csv") {
        return reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", `attachment; filename="${name}.csv"`)
          .send(consolidationCsv(c));
      }
      if (wanted === "xlsx") {
        // The workbook a department forwards carries the follow-up sheet too (who sent, who is missing).
        const followUp = { source: "hub" as const, status: await structuresStatusOf(app.hubDb.db, period) };
        const bytes = await writeConsolidationXlsx(c, {
          generatedAt: new Date(),
          rulesVersion: app.hubConfig.rules.rulesVersion,
          followUp,
        });
        return reply
          .type(XLSX_TYPE)
          .header("content-disposition", `attachment; filename="${name}.xlsx"`)
          .send(Buffer.from(bytes));
      }
      return reply.type("application/json; charset=utf-8").send(c);
    },
  );
};

export const consolidationRoutes = fp(consolidation, {
  name: "hub-consolidation",
  fastify: "5.x",
  encapsulate: true,
  dependencies: ["hub-db", "hub-auth", "hub-openapi"],
});
