import { isDepartmentCode } from "../reference/kinds";
import { INVALID, isEmptyCell, trimCell, type Parsed } from "./outcome";

/**
 * Department code: 01–95, 2A, 2B, 971–976. "1" and 1 → "01", "038" → "38"; "38 - Isère" and "Isère (38)" → "38".
 */
export function parseDepartment(v: unknown): Parsed<string> {
  if (typeof v === "number") {
    if (!Number.isInteger(v)) return INVALID;
    const code = v < 10 && v >= 0 ? `0${v}` : String(v);
    return isDepartmentCode(code) ? code : INVALID;
  }
  if (v === null || v === undefined) return null;
  if (typeof v !== "string") return INVALID;
  if (isEmptyCell(v)) return null;
  const t = trimCell(v).toUpperCase();
  if (t.length > 200) return INVALID;
  const m = /^(0?2A|0?2B|\d{1,3})(?:$|[\s\-–:(])/.exec(t) ?? /\((\d{1,3}|2A|2B)\)\s*$/.exec(t);
  if (!m) return INVALID;
  let code = m[1].length === 1 ? `0${m[1]}` : m[1];
  // ASP writes departments on three digits in AF numbers ("038"): accept that form too.
  if (code.length === 3 && code.charCodeAt(0) === 48) code = code.slice(1);
  return isDepartmentCode(code) ? code : INVALID;
}
