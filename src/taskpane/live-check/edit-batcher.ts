import type { SheetChange } from "../../core";

/** The pause after the last edit before re-checking: a few quick edits make one re-check. */
export const LIVE_CHECK_DELAY_MS = 800;

/**
 * Collects the edits Excel reports and runs one re-check `delayMs` after the last of a burst. Never two
 * runs at once: edits made during a run are kept and, once their pause is over, make one more run after
 * it. A failing run is reported and the next edits are still re-checked.
 */
export class EditBatcher {
  private pending: SheetChange[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  /** The pause of edits made during a run is over: run again when this one ends. */
  private due = false;
  private stopped = false;

  constructor(
    private readonly run: (changes: SheetChange[]) => Promise<void>,
    private readonly onError: (error: unknown) => void,
    private readonly delayMs = LIVE_CHECK_DELAY_MS,
  ) {}

  add(change: SheetChange): void {
    if (this.stopped) return;
    this.pending.push(change);
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.pauseOver(), this.delayMs);
  }

  /** No more runs; edits not yet re-checked are dropped (the option was turned off, the pane left Excel). */
  stop(): void {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.pending = [];
  }

  get busy(): boolean {
    return this.running;
  }

  private pauseOver(): void {
    this.timer = null;
    if (this.running) this.due = true;
    else void this.drain();
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      do {
        this.due = false;
        const batch = this.pending;
        this.pending = [];
        if (batch.length === 0 || this.stopped) continue;
        try {
          await this.run(batch);
        } catch (error) {
          this.onError(error);
        }
      } while (this.due && !this.stopped);
    } finally {
      this.running = false;
    }
  }
}
