import type { DayNumber } from "../model/person";
import { dayFromDate, dayFromSerial, dayFromYmd, isValidYmd } from "../dates/day-number";
import { INVALID, isEmptyCell, type Parsed } from "./outcome";
import { isBlankChar } from "../text/normalize";
import { MONTHS } from "../reference/months";
import { normalizeText } from "../text/normalize";

/** Years outside this range are typing mistakes (domain §2.3). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;
const MIN_DAY = dayFromYmd(MIN_YEAR, 1, 1);
const MAX_DAY = dayFromYmd(MAX_YEAR, 12, 31);

/**
 * Two-digit years: 00–29 → 2000–2029, 30–99 → 1930–1999. This is Excel's own rule for typed
 * two-digit years (cut-off 2029), so "15/03/25" means what the user saw Excel accept.
 */
export function expandTwoDigitYear(yy: number): number {
  return yy < 30 ? 2000 + yy : 1900 + yy;
}

/**
 * A date cell → day number. Accepts Excel serials (1900 system with Lotus's phantom 29/02/1900, or the
 * 1904 system), Date objects, and French text dates: dd/mm/yyyy, dd/mm/yy, dd-mm-yyyy, dd.mm.yyyy,
 * yyyy-mm-dd (day first always; single-digit day/month accepted; a trailing time is ignored).
 */
export function parseDateCell(v: unknown, date1904 = false): Parsed<DayNumber> {
  if (typeof v === "number") return dayFromSerialChecked(v, date1904);
  if (typeof v === "string") {
    if (isEmptyCell(v)) return null;
    return dayFromText(v);
  }
  if (v === null || v === undefined) return null;
  if (v instanceof Date) {
    const d = dayFromDate(v);
    return d !== null && d >= MIN_DAY && d <= MAX_DAY ? d : INVALID;
  }
  return INVALID;
}

function dayFromSerialChecked(serial: number, date1904: boolean): Parsed<DayNumber> {
  if (!Number.isFinite(serial) || serial < (date1904 ? 0 : 1)) return INVALID;
  // Serial 60 of the 1900 system is Lotus's 29/02/1900, a day that never existed.
  if (!date1904 && Math.floor(serial) === 60) return INVALID;
  const d = dayFromSerial(serial, date1904);
  return d >= MIN_DAY && d <= MAX_DAY ? d : INVALID;
}

/** Hand-written scanner: no regex, no allocation on the hot path. */
export function dayFromText(s: string): Parsed<DayNumber> {
  let i = 0;
  const n = s.length;
  if (n > 40) return INVALID;
  while (i < n && isBlankChar(s.charCodeAt(i))) i++;
  // First number.
  let a = 0;
  let aLen = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    a = a * 10 + (c - 48);
    aLen++;
    i++;
  }
  if (aLen === 0 || i >= n) return INVALID;
  const sep = s.charCodeAt(i);
  if (sep !== 47 /* / */ && sep !== 45 /* - */ && sep !== 46 /* . */)
    return aLen <= 2 ? dayFromMonthName(s) : INVALID;
  i++;
  let b = 0;
  let bLen = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    b = b * 10 + (c - 48);
    bLen++;
    i++;
  }
  if (bLen === 0 && aLen <= 2) return dayFromMonthName(s);
  if (bLen === 0 || bLen > 2 || i >= n || s.charCodeAt(i) !== sep) return INVALID;
  i++;
  let c3 = 0;
  let cLen = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    c3 = c3 * 10 + (c - 48);
    cLen++;
    i++;
  }
  if (cLen === 0) return INVALID;
  if (!tailIsTimeOrBlank(s, i)) return INVALID;
  let y: number;
  let m: number;
  let d: number;
  if (aLen === 4 && sep === 45 && cLen <= 2) {
    // ISO yyyy-mm-dd (the only year-first form accepted).
    y = a;
    m = b;
    d = c3;
  } else if (aLen <= 2 && (cLen === 4 || cLen === 2)) {
    d = a;
    m = b;
    y = cLen === 2 ? expandTwoDigitYear(c3) : c3;
  } else {
    return INVALID;
  }
  if (y < MIN_YEAR || y > MAX_YEAR || !isValidYmd(y, m, d)) return INVALID;
  return dayFromYmd(y, m, d);
}

/**
 * Slow path for text cells with a month name ("15 mars 2025", "15-mars-25", "1er janvier 2025"), as
 * CSV exports and text-formatted cells hold them. Day first; the year on 2 or 4 digits.
 */
function dayFromMonthName(s: string): Parsed<DayNumber> {
  const m = /^\s*(\d{1,2})(?:er)?[\s\-./]+([A-Za-zÀ-ÿ.]+?)\.?[\s\-./]+(\d{4}|\d{2})\s*$/.exec(s);
  if (!m) return INVALID;
  const month = MONTHS.get(normalizeText(m[2]));
  if (month === undefined) return INVALID;
  const d = Number(m[1]);
  const y = m[3].length === 2 ? expandTwoDigitYear(Number(m[3])) : Number(m[3]);
  if (y < MIN_YEAR || y > MAX_YEAR || !isValidYmd(y, month, d)) return INVALID;
  return dayFromYmd(y, month, d);
}

/** After the date: nothing, or a time ("15/03/2025 00:00", "2025-03-15T00:00:00Z") that we drop. */
function tailIsTimeOrBlank(s: string, i: number): boolean {
  const n = s.length;
  if (i >= n) return true;
  const c0 = s.charCodeAt(i);
  if (!isBlankChar(c0) && c0 !== 84 /* T */) return false;
  for (let j = i + 1; j < n; j++) {
    const c = s.charCodeAt(j);
    const ok =
      (c >= 48 && c <= 57) ||
      c === 58 ||
      c === 46 ||
      c === 90 /* Z */ ||
      c === 43 ||
      c === 45 ||
      isBlankChar(c);
    if (!ok) return false;
  }
  return true;
}

/**
 * A birth-year cell: a whole number 1900–2100 (number or text), or a date (its year is taken).
 * Small numbers are not serials here: 1985 means the year 1985.
 */
export function parseYearCell(v: unknown, date1904 = false): Parsed<number> {
  if (typeof v === "number") {
    if (Number.isInteger(v) && v >= MIN_YEAR && v <= MAX_YEAR) return v;
    // A full date typed into the year column arrives as a serial (12/07/1985 → 31241): take its year.
    // Below 10 000 (1927) a number is a mistyped year, not a date.
    if (v < 10000) return INVALID;
    const d = parseDateCell(v, date1904);
    return typeof d === "number" ? yearOfDay(d) : INVALID;
  }
  if (typeof v === "string") {
    if (isEmptyCell(v)) return null;
    const t = v.trim();
    if (t.length === 4) {
      let y = 0;
      for (let i = 0; i < 4; i++) {
        const c = t.charCodeAt(i);
        if (c < 48 || c > 57) return INVALID;
        y = y * 10 + (c - 48);
      }
      return y >= MIN_YEAR && y <= MAX_YEAR ? y : INVALID;
    }
    const d = dayFromText(t);
    return typeof d === "number" ? yearOfDay(d) : INVALID;
  }
  if (v === null || v === undefined) return null;
  const d = parseDateCell(v, date1904);
  return typeof d === "number" ? yearOfDay(d) : INVALID;
}

/** Day numbers of 1 January for 1899…2101: the year of a day is one table probe, no Date, no division chain. */
const YEAR_BASE = MIN_YEAR - 1;
const JAN1 = new Int32Array(MAX_YEAR - YEAR_BASE + 2);
for (let k = 0; k < JAN1.length; k++) JAN1[k] = dayFromYmd(YEAR_BASE + k, 1, 1);

/** Calendar year of a day number. */
export function yearOfDay(day: DayNumber): number {
  if (day >= JAN1[0] && day < JAN1[JAN1.length - 1]) {
    // 365.2425 days a year on average: the estimate is off by at most one.
    let k = Math.floor((day - JAN1[0]) / 365.2425);
    if (JAN1[k] > day) k--;
    else if (JAN1[k + 1] <= day) k++;
    return YEAR_BASE + k;
  }
  let y = Math.floor(day / 365.2425) + 1970;
  if (dayFromYmd(y, 1, 1) > day) y--;
  else if (dayFromYmd(y + 1, 1, 1) <= day) y++;
  return y;
}
