/**
 * The hub address, the structure's token and the department key: entered once, kept per user in the
 * browser's localStorage, never in the workbook (a workbook travels; a token must not). Office add-ins
 * key localStorage with Office.context.partitionKey when it is defined.
 */
export interface SendSettings {
  hubUrl: string;
  token: string;
  departmentKey: string;
}

export const EMPTY_SETTINGS: SendSettings = { hubUrl: "", token: "", departmentKey: "" };

export function settingsKey(partitionKey: string | undefined): string {
  return `${partitionKey ? partitionKey + ":" : ""}bilan-iae:send-settings`;
}

export function loadSendSettings(storage: Storage | null, partitionKey: string | undefined): SendSettings {
  const raw = storage?.getItem(settingsKey(partitionKey));
  if (!raw) return EMPTY_SETTINGS;
  try {
    const v = JSON.parse(raw) as Partial<Record<keyof SendSettings, unknown>>;
    const text = (x: unknown) => (typeof x === "string" ? x : "");
    return { hubUrl: text(v.hubUrl), token: text(v.token), departmentKey: text(v.departmentKey) };
  } catch {
    // Damaged entry: the user types the settings again.
    return EMPTY_SETTINGS;
  }
}

export function saveSendSettings(
  storage: Storage | null,
  partitionKey: string | undefined,
  settings: SendSettings,
): void {
  if (!storage)
    throw new SendSettingsError(
      "Le stockage du navigateur est désactivé : les réglages d'envoi ne peuvent pas être retenus.",
    );
  try {
    storage.setItem(settingsKey(partitionKey), JSON.stringify(settings));
  } catch {
    throw new SendSettingsError(
      "Impossible d'enregistrer les réglages d'envoi : le stockage du navigateur est plein ou désactivé.",
    );
  }
}

export function forgetSendSettings(storage: Storage | null, partitionKey: string | undefined): void {
  storage?.removeItem(settingsKey(partitionKey));
}

export function settingsComplete(s: SendSettings): boolean {
  return s.hubUrl.trim() !== "" && s.token.trim() !== "" && s.departmentKey.trim() !== "";
}

/** A French message for the user (recognised by the pane's error formatter). */
export class SendSettingsError extends Error {
  readonly userFacing = true;
  constructor(message: string) {
    super(message);
    this.name = "SendSettingsError";
  }
}
