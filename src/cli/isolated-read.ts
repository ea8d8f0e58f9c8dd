import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { RulesConfig } from "../core";
import { readErrorMessage } from "../xlsx/errors";
import { consolidationPart, unexpectedPartError, type PartResult } from "./consolidation-part";
import type { InputFile } from "./files";
import type { ReadJob } from "./read-worker";

/** Memory and time one file may take, each file in its own worker: one bad file cannot take the others down. */
export interface IsolationLimits {
  /** V8 old-generation heap of the worker, MB. */
  memoryMb: number;
  timeoutMs: number;
}

/**
 * Defaults: a 100 000-row report reads in a few seconds and a few hundred MB; the reading limits stop a hostile
 * file long before these, which are the net for what they did not foresee.
 */
export const DEFAULT_ISOLATION: IsolationLimits = { memoryMb: 1024, timeoutMs: 120_000 };

/** Limits from BILAN_IAE_READ_MEMORY_MB and BILAN_IAE_READ_TIMEOUT_S, when set to positive numbers. */
export function isolationFrom(env: Record<string, string | undefined>): IsolationLimits {
  const num = (raw: string | undefined) => {
    const n = Number(raw);
    return raw !== undefined && Number.isFinite(n) && n > 0 ? n : null;
  };
  return {
    memoryMb: num(env.BILAN_IAE_READ_MEMORY_MB) ?? DEFAULT_ISOLATION.memoryMb,
    timeoutMs: (num(env.BILAN_IAE_READ_TIMEOUT_S) ?? DEFAULT_ISOLATION.timeoutMs / 1000) * 1000,
  };
}

/** The compiled worker beside this module (dist/cli); absent when running from the TypeScript sources (tests of the sources). */
const WORKER = join(__dirname, "read-worker.js");

/**
 * Reads one file into its consolidation part in a worker thread with its own heap limit and a timeout: a file
 * that exhausts either ends as an error result naming the limit, the process and the other files go on.
 */
export async function readIsolated(
  input: InputFile,
  config: RulesConfig,
  maxRows: number,
  limits: IsolationLimits,
): Promise<PartResult> {
  if (!existsSync(WORKER)) return consolidationPart(input, config, maxRows);
  const job: ReadJob = { input, config, maxRows };
  return new Promise((resolve) => {
    const worker = new Worker(WORKER, {
      workerData: job,
      resourceLimits: {
        maxOldGenerationSizeMb: limits.memoryMb,
        maxYoungGenerationSizeMb: Math.min(64, limits.memoryMb / 4),
      },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const settle = (r: PartResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
      void worker.terminate();
    };
    const fail = (reason: "read-timeout" | "read-memory", detail: string) =>
      settle({ ok: false, error: { reason, message: readErrorMessage(reason, input.display, detail) } });
    const timer = setTimeout(
      () => fail("read-timeout", `plus de ${Math.round(limits.timeoutMs / 1000).toLocaleString("fr-FR")} s`),
      limits.timeoutMs,
    );
    worker.on("message", (r: PartResult) => settle(r));
    worker.on("error", (e: Error & { code?: string }) => {
      if (e.code === "ERR_WORKER_OUT_OF_MEMORY")
        fail("read-memory", `plus de ${limits.memoryMb.toLocaleString("fr-FR")} Mo de mémoire`);
      else settle({ ok: false, error: unexpectedPartError(input.display, e.message) });
    });
    worker.on("exit", (code) => {
      if (!settled)
        settle({
          ok: false,
          error: {
            reason: "unexpected",
            message: `La lecture de « ${input.display} » s'est arrêtée sans résultat (code ${code}). Signalez-le à l'équipe Bilan IAE.`,
          },
        });
    });
  });
}
