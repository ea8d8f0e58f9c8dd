import { spawn, type ChildProcess } from "node:child_process";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { BIN, ROOT } from "../support/dist";

/**
 * Runs the real CLI, asynchronously: the recording proxy lives in this process, and a synchronous spawn would
 * block its event loop while the CLI waits for it.
 */
export function cli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; out: string; err: string }> {
  const e: Record<string, string | undefined> = { ...process.env, BILAN_IAE_DEBUG: "", ...env };
  delete e.DATABASE_URL;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: e,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out, err }));
  });
}

export function lastLine(s: string): string {
  return s.trim().split("\n").pop()!.trim();
}

/** `bilan-iae hub serve` as a child process on a free loopback port, on a SQLite file. */
export async function startHub(
  dbFile: string,
  port = 0,
  extraEnv: Record<string, string> = {},
): Promise<{ child: ChildProcess; url: string; stop: () => Promise<void> }> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    HUB_LOG_LEVEL: "silent",
    HUB_RATE_LIMIT_PER_TOKEN: "100000",
    HUB_RATE_LIMIT_PER_IP: "100000",
    ...extraEnv,
  };
  delete env.DATABASE_URL;
  const child = spawn(
    process.execPath,
    [BIN, "hub", "serve", "--port", String(port), "--host", "127.0.0.1", "--db", dbFile],
    { cwd: ROOT, env, stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hub did not start: ${stderr}`)), 60_000);
    child.stderr!.on("data", (d: Buffer) => {
      stderr += d.toString();
      const m = /à l'écoute sur (http:\/\/\S+)/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`hub exited (${code}): ${stderr}`));
    });
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return { child, url, stop };
}

/**
 * A proxy on loopback in front of the hub that records every request body the client sends and can lose the
 * hub's next answer (the request reaches the hub and is stored, but the client never hears back).
 */
export async function recordingProxy(target: () => string) {
  const bodies: string[] = [];
  let dropNext = false;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      if (body.length) bodies.push(body.toString("utf8"));
      const up = new URL(req.url ?? "/", target());
      const fwd = request(
        up,
        { method: req.method, headers: { ...req.headers, host: up.host } },
        (hubRes) => {
          const parts: Buffer[] = [];
          hubRes.on("data", (c: Buffer) => parts.push(c));
          hubRes.on("end", () => {
            if (dropNext && req.method === "POST") {
              dropNext = false;
              res.socket?.destroy();
              return;
            }
            res.writeHead(hubRes.statusCode ?? 502, hubRes.headers);
            res.end(Buffer.concat(parts));
          });
        },
      );
      fwd.on("error", () => res.socket?.destroy());
      fwd.end(body);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bodies,
    loseNextAnswer: () => {
      dropNext = true;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
