import type { CliIo } from "./io";

/**
 * "Lecture 3/12 : fichier.xlsx…" on stderr: one rewritten line on a terminal, plain lines otherwise.
 * Only when the work is long enough to deserve it (many files or big ones); never on stdout.
 */
export class Progress {
  private wroteTty = false;
  constructor(
    private readonly io: CliIo,
    private readonly enabled: boolean,
  ) {}

  step(index: number, total: number, file: string): void {
    if (!this.enabled) return;
    const line = `Lecture ${index}/${total} : ${file}…`;
    if (this.io.errIsTty) {
      this.io.err(`\r\x1b[2K${line}`);
      this.wroteTty = true;
    } else {
      this.io.err(`${line}\n`);
    }
  }

  done(): void {
    if (this.wroteTty) this.io.err("\r\x1b[2K");
    this.wroteTty = false;
  }
}

/** Many files or a big one (more than ~5 MB compressed, i.e. tens of thousands of rows). */
export function progressWanted(fileCount: number, totalBytes: number): boolean {
  return fileCount >= 4 || totalBytes > 5 * 1024 * 1024;
}
