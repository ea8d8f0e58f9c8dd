import type { OutboxEntry, OutboxStore } from "../../client";

/** When the browser's storage is disabled: the outbox lasts as long as the pane (the message says so). */
export class MemoryOutboxStore implements OutboxStore {
  readonly location = "la mémoire du volet (perdue à sa fermeture : le stockage du navigateur est désactivé)";
  private entries: OutboxEntry[] = [];
  async load(): Promise<OutboxEntry[]> {
    return this.entries;
  }
  async save(entries: OutboxEntry[]): Promise<void> {
    this.entries = entries;
  }
}
