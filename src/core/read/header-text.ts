import { dayFromDate, dayFromSerial, ymdFromDay } from "../dates/day-number";
import { trimCell } from "../parse/outcome";

const MONTH_NAMES = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];
/** Serials of 01/01/2000 and 31/12/2100: a number in a header row within them is a month header ("janv.-25"). */
const HEADER_SERIAL_MIN = 36526;
const HEADER_SERIAL_MAX = 73415;

/**
 * Header text of a cell: strings (trimmed, bounded); a date (Date object or serial, as monthly hours
 * columns headed "janv.-25" arrive) becomes "janvier 2025" so that it matches as a monthly column.
 */
export function headerText(v: unknown, date1904: boolean): string | null {
  if (typeof v === "string") {
    if (v.length > 300) return null;
    const t = trimCell(v);
    return t === "" ? null : t;
  }
  let d: number | null = null;
  if (
    typeof v === "number" &&
    Number.isInteger(v) &&
    v >= HEADER_SERIAL_MIN - (date1904 ? 1462 : 0) &&
    v <= HEADER_SERIAL_MAX
  ) {
    d = dayFromSerial(v, date1904);
  } else if (v instanceof Date) {
    d = dayFromDate(v);
  }
  if (d === null) return null;
  const { y, m } = ymdFromDay(d);
  return y >= 2000 && y <= 2100 ? `${MONTH_NAMES[m - 1]} ${y}` : null;
}
