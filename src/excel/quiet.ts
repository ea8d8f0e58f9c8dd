/** Optional APIs, detected once with isSetSupported (the manifest only promises ExcelApi 1.9). */
export interface OfficeFeatures {
  /** context.runtime.enableEvents — ExcelApi 1.8. */
  events: boolean;
  /** application.suspendScreenUpdatingUntilNextSync — ExcelApi 1.9. */
  screenUpdating: boolean;
}

/**
 * Runs `write` in one batch with events disabled and screen updating suspended, then syncs.
 * Events are re-enabled in the same batch; if the batch fails before that, a second sync
 * re-enables them so the pane's own handlers never stay off.
 */
export async function withQuietWrites(
  context: Excel.RequestContext,
  features: OfficeFeatures,
  previousEvents: boolean | null,
  write: () => void,
): Promise<void> {
  let restored = !features.events;
  try {
    if (features.events) context.runtime.enableEvents = false;
    if (features.screenUpdating) context.workbook.application.suspendScreenUpdatingUntilNextSync();
    write();
    if (features.events) context.runtime.enableEvents = previousEvents ?? true;
    await context.sync();
    restored = true;
  } finally {
    if (!restored) {
      context.runtime.enableEvents = previousEvents ?? true;
      // The original error is the one the user must see; a failure here is only logged.
      await context
        .sync()
        .catch((e: unknown) => console.error("Bilan IAE : réactivation des événements Excel impossible", e));
    }
  }
}
