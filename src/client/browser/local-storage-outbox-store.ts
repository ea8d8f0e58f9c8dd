import type { OutboxEntry, OutboxStore } from "../outbox";

/**
 * The task pane's outbox, in localStorage. Office add-ins must key localStorage with
 * Office.context.partitionKey (when defined) so two add-in instances never read each other's data.
 */
export class LocalStorageOutboxStore implements OutboxStore {
  readonly location = "ce navigateur (stockage local du complément)";
  private readonly key: string;

  constructor(
    private readonly storage: Storage,
    partitionKey: string | undefined,
  ) {
    this.key = `${partitionKey ? partitionKey + ":" : ""}bilan-iae:outbox`;
  }

  async load(): Promise<OutboxEntry[]> {
    const raw = this.storage.getItem(this.key);
    if (!raw) return [];
    try {
      const data = JSON.parse(raw) as { entries?: OutboxEntry[] };
      return Array.isArray(data.entries) ? data.entries : [];
    } catch {
      throw new Error(
        "La boîte d'envoi du complément est endommagée : videz-la depuis l'onglet Envoyer puis renvoyez le bilan.",
      );
    }
  }

  async save(entries: OutboxEntry[]): Promise<void> {
    try {
      this.storage.setItem(this.key, JSON.stringify({ version: 1, entries }));
    } catch {
      throw new Error(
        "Impossible d'enregistrer la boîte d'envoi : le stockage du navigateur est plein ou désactivé.",
      );
    }
  }
}
