import type { DayNumber } from "../model/person";

/** Days from the civil date (proleptic Gregorian), Howard Hinnant's algorithm: no Date object in hot loops. */
export function dayFromYmd(y: number, m: number, d: number): DayNumber {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function ymdFromDay(day: DayNumber): { y: number; m: number; d: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** True when y-m-d is a real calendar date. */
export function isValidYmd(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) &&
    Number.isInteger(m) &&
    Number.isInteger(d) &&
    m >= 1 &&
    m <= 12 &&
    d >= 1 &&
    d <= daysInMonth(y, m)
  );
}

export function isoFromDay(day: DayNumber): string {
  const { y, m, d } = ymdFromDay(day);
  return `${String(y).padStart(4, "0")}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

/**
 * "2025-03-15" → day number; null when not a valid ISO date (exactly YYYY-MM-DD, ASCII digits). Read char by
 * char, without a regular expression or substrings: the hub calls it for every date of every record it receives.
 */
export function dayFromIso(iso: string): DayNumber | null {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return null;
  const y = asciiNumber(iso, 0, 4);
  const mo = asciiNumber(iso, 5, 7);
  const d = asciiNumber(iso, 8, 10);
  if (y < 0 || mo < 0 || d < 0) return null;
  return isValidYmd(y, mo, d) ? dayFromYmd(y, mo, d) : null;
}

/** The number written with ASCII digits s[from..to), or -1 when another character is there. */
function asciiNumber(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** French display: 15/03/2025. */
export function frenchFromDay(day: DayNumber): string {
  const { y, m, d } = ymdFromDay(day);
  return `${d < 10 ? "0" : ""}${d}/${m < 10 ? "0" : ""}${m}/${y}`;
}

/** Same day n calendar months later, clamped to the month's end (15 March + 3 → 15 June; 31 Jan + 1 → 28/29 Feb). */
export function addMonths(day: DayNumber, months: number): DayNumber {
  const { y, m, d } = ymdFromDay(day);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return dayFromYmd(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/**
 * day > addMonths(from, months), decided from the day count when it can be: n calendar months last
 * between 28n and 31n days (whole n ≥ 0), so only spans in between need the calendar.
 */
export function isAfterMonths(day: DayNumber, from: DayNumber, months: number): boolean {
  if (Number.isInteger(months) && months >= 0) {
    const span = day - from;
    if (span > months * 31) return true;
    if (span <= months * 28) return false;
  }
  return day > addMonths(from, months);
}

/** Length in months as domain §4.1 measures paths: days × 12 / 365.25. */
export function monthsBetween(from: DayNumber, to: DayNumber): number {
  return ((to - from) * 12) / 365.25;
}

/** Days between 1899-12-30 (serial 0 of the 1900 system as Excel computes after 1 March 1900) and 1970-01-01. */
const EPOCH_1900 = 25569;
/** Days between 1904-01-01 (serial 0 of the 1904 system) and 1970-01-01. */
const EPOCH_1904 = 24107;

/**
 * Excel serial → day number. The 1900 system keeps Lotus's phantom 29 Feb 1900 (serial 60):
 * serials 1–59 are shifted one day so that serial 1 is 1 January 1900. Fractions (time) are dropped.
 */
export function dayFromSerial(serial: number, date1904 = false): DayNumber {
  const whole = Math.floor(serial);
  if (date1904) return whole - EPOCH_1904;
  return whole < 61 ? whole - EPOCH_1900 + 1 : whole - EPOCH_1900;
}

/** A JS Date (file readers give UTC midnight; Office may give local) → day number of its UTC calendar date. */
export function dayFromDate(date: Date): DayNumber | null {
  const t = date.getTime();
  if (!Number.isFinite(t)) return null;
  // Round to the nearest day so that 23:59:59.999 artefacts of float serials land on the right day.
  return Math.round(t / 86400000);
}
