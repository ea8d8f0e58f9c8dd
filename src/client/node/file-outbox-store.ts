import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import type { OutboxEntry, OutboxStore } from "../outbox";

/** Default place of the CLI's outbox; BILAN_IAE_OUTBOX overrides it. */
export function defaultOutboxPath(): string {
  return process.env.BILAN_IAE_OUTBOX || join(homedir(), ".bilan-iae", "outbox.json");
}

/**
 * The CLI's outbox: one JSON file, replaced atomically (write then rename) so a crash mid-write never
 * loses the queue. It holds no token and no personal data (payloads are pseudonymous).
 */
export class FileOutboxStore implements OutboxStore {
  constructor(readonly location: string = defaultOutboxPath()) {}

  async load(): Promise<OutboxEntry[]> {
    if (!existsSync(this.location)) return [];
    let text: string;
    try {
      text = readFileSync(this.location, "utf8");
    } catch (e) {
      throw new Error(`Boîte d'envoi illisible (${this.location}) : ${(e as Error).message}`);
    }
    try {
      const data = JSON.parse(text) as { entries?: OutboxEntry[] };
      return Array.isArray(data.entries) ? data.entries : [];
    } catch {
      throw new Error(
        `Boîte d'envoi endommagée (${this.location}) : le fichier n'est pas du JSON valide. Déplacez-le puis renvoyez les bilans concernés.`,
      );
    }
  }

  async save(entries: OutboxEntry[]): Promise<void> {
    mkdirSync(dirname(this.location), { recursive: true, mode: 0o700 });
    const tmp = `${this.location}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ version: 1, entries }, null, 1), { mode: 0o600 });
    renameSync(tmp, this.location);
  }
}
