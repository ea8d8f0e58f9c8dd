import { readError } from "./errors";

const MB = 1024 * 1024;

/**
 * What a workbook may cost to read, checked while inflating (before the memory is spent), the same in Node
 * and in the browser. Sized from the largest legitimate report: a 100 000-row sheet is about 100 MB of XML
 * and its shared strings a few tens of MB; each limit leaves that room at least twice, and together they keep
 * a read under about 600 MB of memory.
 */
export const READ_LIMITS = {
  /** The .xlsx file itself: a 100 000-row report is a few MB zipped. */
  fileBytes: 128 * MB,
  /** Zip entries: a workbook has a few per sheet; the central directory is read whole before anything else. */
  entries: 10_000,
  /** Sheets listed by the workbook. */
  sheets: 1_000,
  /** One worksheet, inflated: twice the XML of a 100 000-row sheet (it is streamed, not kept). */
  worksheetBytes: 256 * MB,
  /** sharedStrings, styles, workbook, relationships, tables, inflated: kept whole as text while read. */
  partBytes: 64 * MB,
  /** Everything inflated from one file. */
  totalBytes: 512 * MB,
  /**
   * Inflated / compressed past which a part is a bomb. Deflate tops out near 1 032:1, so a bomb sits close to
   * it; spreadsheet XML stays under ~100:1 (even styled empty rows, whose numbers change from row to row).
   */
  ratio: 500,
  /** …once the part is past this size (a small part of one repeated character is harmless). */
  ratioFloorBytes: 8 * MB,
  /** Shared strings: a 100 000-row report with ten distinct text columns has a million. */
  sharedStrings: 2_000_000,
  /** Cell formats (Excel itself stops at 64 000). */
  cellFormats: 100_000,
  /** Custom number formats (Excel keeps a few hundred). */
  numberFormats: 10_000,
} as const;

export type ReadLimits = { -readonly [K in keyof typeof READ_LIMITS]: number };

/** A part, in French, for messages: "la partie xl/sharedStrings.xml (textes partagés)" (always "la partie": one agreement). */
export function partLabel(path: string, sheet?: string): string {
  if (sheet !== undefined) return `la partie ${path} (feuille « ${sheet} »)`;
  const lower = path.toLowerCase();
  if (lower === "xl/sharedstrings.xml") return `la partie ${path} (textes partagés)`;
  if (lower === "xl/styles.xml") return `la partie ${path} (styles)`;
  if (lower === "xl/workbook.xml") return `la partie ${path} (liste des feuilles)`;
  return `la partie ${path}`;
}

const mb = (bytes: number) => `${Math.round(bytes / MB).toLocaleString("fr-FR")} Mo`;

/** Counts the bytes inflated from one file, part by part, and stops at the first limit passed. */
export class InflateMeter {
  private total = 0;

  constructor(
    readonly file: string,
    readonly limits: ReadLimits = { ...READ_LIMITS },
  ) {}

  /** A meter for one part: `max` its own limit, `compressed` its size in the zip (0 when unknown). */
  part(label: string, max: number, compressed: number): (bytes: number) => void {
    let inflated = 0;
    return (bytes: number) => {
      inflated += bytes;
      this.total += bytes;
      if (inflated > max)
        throw readError("part-too-large", this.file, `${label} dépasse ${mb(max)} une fois décompressée`);
      if (this.total > this.limits.totalBytes)
        throw readError(
          "content-too-large",
          this.file,
          `plus de ${mb(this.limits.totalBytes)} une fois décompressé`,
        );
      if (
        compressed > 0 &&
        inflated > this.limits.ratioFloorBytes &&
        inflated > compressed * this.limits.ratio
      ) {
        const ratio = Math.floor(inflated / compressed).toLocaleString("fr-FR");
        throw readError(
          "compression-bomb",
          this.file,
          `${label} : ${mb(inflated)} décompressés depuis ${compressed.toLocaleString("fr-FR")} octets, soit plus de ${ratio} pour 1`,
        );
      }
    };
  }
}
