import type { FastifyPluginAsync } from "fastify";
import { consolidationCsv } from "../../core/report/csv";
import { writeConsolidationXlsx } from "../../xlsx/write-consolidation";
import { consolidationOf } from "../consolidation";
import { audit } from "../db/repositories/audit";
import { actorOf } from "../plugins/auth";
import { badRequest } from "../problem";
import { structuresStatusOf } from "../status";
import { periodParam } from "./submissions";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const consolidationRoutes: FastifyPluginAsync = async (app) => {
  app.get("/api/v1/consolidation", { config: { access: "department" } }, async (req, reply) => {
    const period = periodParam(req.query, true) as string;
    const format = (req.query as Record<string, unknown>).format;
    if (format !== undefined && format !== "json" && format !== "csv" && format !== "xlsx") {
      throw badRequest("Paramètre « format » invalide : json, csv ou xlsx.");
    }
    const accept = req.headers.accept ?? "";
    const wanted = format ?? (/\btext\/csv\b/.test(accept) ? "csv" : /spreadsheetml/.test(accept) ? "xlsx" : "json");
    const c = await consolidationOf(app.hubDb.db, period);
    await audit(app.hubDb, { actor: actorOf(req), action: "consolidation.read", target: period, ip: req.ip, status: 200, details: wanted });
    const name = `consolidation-${period}`;
    if (wanted === "csv") {
      return reply.type("text/csv; charset=utf-8").header("content-disposition", `attachment; filename="${name}.csv"`).send(consolidationCsv(c));
    }
    if (wanted === "xlsx") {
      // The workbook a department forwards carries the follow-up sheet too (who sent, who is missing).
      const followUp = { source: "hub" as const, status: await structuresStatusOf(app.hubDb.db, period) };
      const bytes = await writeConsolidationXlsx(c, { generatedAt: new Date(), rulesVersion: app.hubConfig.rules.rulesVersion, followUp });
      return reply.type(XLSX_TYPE).header("content-disposition", `attachment; filename="${name}.xlsx"`).send(Buffer.from(bytes));
    }
    return c;
  });
};
