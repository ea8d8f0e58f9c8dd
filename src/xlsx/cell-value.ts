import type { CellValue } from "../core";
import { dayFromSerial } from "../core";
import { firstElement, textOfRuns, unescapeOoxml, unescapeXml } from "./xml";

/** What a cell's `t` attribute says it holds; an unknown or absent type reads as a number, as in Excel. */
export const enum CellType {
  Number,
  Shared,
  Str,
  InlineStr,
  Error,
  Bool,
  Date,
}

export function cellTypeOf(t: string | null): CellType {
  switch (t) {
    case "s":
      return CellType.Shared;
    case "str":
      return CellType.Str;
    case "inlineStr":
      return CellType.InlineStr;
    case "e":
      return CellType.Error;
    case "b":
      return CellType.Bool;
    case "d":
      return CellType.Date;
    default:
      return CellType.Number;
  }
}

/** What a sheet's values are decoded against. */
export interface ValueContext {
  sharedStrings: readonly string[];
  /** Per cell style index (the `s` attribute): true when its number format is a date. */
  dateStyles: readonly boolean[];
  date1904: boolean;
}

export function serialToDate(serial: number, date1904: boolean): Date {
  const day = dayFromSerial(serial, date1904);
  const frac = serial - Math.floor(serial);
  return new Date(Math.round((day + frac) * 86400000));
}

/** Text of an inline string cell's body (<is> runs). */
export function inlineString(body: string): string {
  const is = firstElement(body, "is");
  return is?.content ? textOfRuns(is.content) : "";
}

/**
 * The formula of a cell body: the text of its <f> element without a leading "=", "" when the element is
 * empty (a shared formula's other cells), or null when the cell has no formula.
 */
export function formulaOf(body: string): string | null {
  if (body.indexOf("f") < 0) return null;
  const f = firstElement(body, "f");
  if (f === null) return null;
  const text = f.content === null ? "" : unescapeXml(f.content);
  return text.charCodeAt(0) === 61 /* = */ ? text.slice(1) : text;
}

/** The still-escaped text of a cell body's <v> element, or null when it has none. */
export function rawValueOf(body: string): string | null {
  const vs = body.indexOf("<v>");
  if (vs >= 0) {
    const ve = body.indexOf("</v>", vs + 3);
    return ve < 0 ? null : body.slice(vs + 3, ve);
  }
  const v = firstElement(body, "v");
  return v?.content ?? null;
}

/**
 * A cell's value from its <v> text, as Office.js Range.values gives it (errors as "#N/A"…, formulas as
 * their cached result), except that date-formatted numbers become Date objects. `style` is the cell's
 * style index (NaN or -1 when it has none or an unreadable one).
 */
export function valueOfRaw(type: CellType, style: number, raw: string, ctx: ValueContext): CellValue {
  switch (type) {
    case CellType.Shared:
      return ctx.sharedStrings[Number(raw)] ?? "";
    case CellType.Str:
      return unescapeOoxml(unescapeXml(raw));
    case CellType.Error:
      return unescapeXml(raw).trim();
    case CellType.Bool:
      return raw.trim() === "1" || raw.trim().toLowerCase() === "true";
    case CellType.Date: {
      const t = raw.trim();
      const d = new Date(t.length === 10 ? `${t}T00:00:00Z` : t);
      return Number.isFinite(d.getTime()) ? d : unescapeXml(raw);
    }
    default: {
      const n = Number(raw);
      if (raw.trim() === "" || !Number.isFinite(n)) return unescapeXml(raw);
      return numberValue(n, style, ctx);
    }
  }
}

/** A number, or its date when the cell's style is a date format (and the serial is a date at all). */
export function numberValue(n: number, style: number, ctx: ValueContext): CellValue {
  if (style < 0 || ctx.dateStyles[style] !== true) return n;
  const d = serialToDate(n, ctx.date1904);
  return Number.isNaN(d.getTime()) ? n : d;
}
