/**
 * The browser's localStorage and Office's partition key, for the settings kept per user (never in a
 * workbook). Office add-ins must key localStorage with Office.context.partitionKey when it is defined.
 */
export function browserStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Storage disabled by policy: settings cannot be kept, the views say so when saving.
    return null;
  }
}

export function officePartitionKey(): string | undefined {
  const office = (globalThis as { Office?: { context?: { partitionKey?: string } } }).Office;
  return office?.context?.partitionKey || undefined;
}
