import type { CheckProgress } from "./protocol";

/** Least time between two progress messages, so a fast reader does not flood the page with renders. */
export const PROGRESS_INTERVAL_MS = 100;

/**
 * Passes on at most one progress every `intervalMs`, but always a change of phase or sheet (the label changes)
 * and the first. `flush` sends the last one held back (a sheet's final count).
 */
export function throttleProgress(
  send: (p: CheckProgress) => void,
  intervalMs = PROGRESS_INTERVAL_MS,
  now: () => number = () => Date.now(),
): { push(p: CheckProgress): void; flush(): void } {
  let last: CheckProgress | null = null;
  let sentAt = -Infinity;
  let pending: CheckProgress | null = null;
  const emit = (p: CheckProgress) => {
    last = p;
    pending = null;
    sentAt = now();
    send(p);
  };
  return {
    push(p) {
      if (last === null || p.phase !== last.phase || p.sheet !== last.sheet) return emit(p);
      if (now() - sentAt >= intervalMs) return emit(p);
      pending = p;
    },
    flush() {
      if (pending) emit(pending);
    },
  };
}
