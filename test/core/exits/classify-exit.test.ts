import { DEFAULT_CONFIG } from "../../../src/core/config/defaults";
import { motifIndexFor } from "../../../src/core/config/motifs";
import { addMonths, dayFromYmd, isAfterMonths } from "../../../src/core/dates/day-number";
import { classifyExit, exitContext, isTooShort } from "../../../src/core/exits/classify-exit";
import type { RulesConfig } from "../../../src/core/model/config";

describe("isTooShort", () => {
  it("decides as the calendar does (exit before hire + N months), bounds or not", () => {
    const hires: number[] = [];
    for (let d = dayFromYmd(2023, 12, 1); d <= dayFromYmd(2025, 3, 31); d += 1) hires.push(d);
    for (const months of [0, 1, 2, 3, 4, 6, 12, 24]) {
      const config = {
        ...DEFAULT_CONFIG,
        minimumStay: { ...DEFAULT_CONFIG.minimumStay, ACI: { months } },
      } as RulesConfig;
      const ctx = { kind: "ACI" as const, config };
      for (const hire of hires) {
        const limit = addMonths(hire, months);
        for (const exit of [
          hire - 1,
          hire,
          hire + months * 28 - 1,
          hire + months * 28,
          limit - 1,
          limit,
          limit + 1,
          hire + months * 31,
        ]) {
          const row = {
            hireDate: hire,
            exitDate: exit,
            exitMotif: null,
            hoursWorked: null,
            hoursSinceHire: null,
          };
          expect(isTooShort(row, ctx)).toBe(exit < limit);
        }
      }
    }
  });
});

describe("classifyExit", () => {
  it("gives the same answers every time (shared, frozen objects)", () => {
    const ctx = exitContext(
      "ACI",
      dayFromYmd(2025, 1, 1),
      dayFromYmd(2025, 12, 31),
      DEFAULT_CONFIG,
      motifIndexFor(DEFAULT_CONFIG.exitMotifs),
    );
    const row = {
      hireDate: dayFromYmd(2024, 1, 1),
      exitDate: dayFromYmd(2025, 6, 1),
      exitMotif: null,
      hoursWorked: 100,
      hoursSinceHire: null,
    };
    const a = classifyExit(row, ctx);
    expect(a).toEqual({ status: "examined", category: null });
    expect(Object.isFrozen(a)).toBe(true);
    expect(classifyExit({ ...row, exitDate: null }, ctx)).toEqual({ status: "none" });
    expect(classifyExit({ ...row, exitDate: dayFromYmd(2026, 1, 1) }, ctx)).toEqual({ status: "outside" });
  });
});

describe("isAfterMonths", () => {
  it("is day > addMonths(from, months), bounds or not", () => {
    for (let from = dayFromYmd(2023, 12, 1); from <= dayFromYmd(2025, 3, 31); from += 1) {
      for (const months of [0, 1, 2, 6, 12, 24, 36]) {
        const limit = addMonths(from, months);
        for (const day of [
          from - 1,
          from,
          from + months * 28,
          from + months * 28 + 1,
          limit - 1,
          limit,
          limit + 1,
          from + months * 31,
          from + months * 31 + 1,
        ]) {
          expect(isAfterMonths(day, from, months)).toBe(day > limit);
        }
      }
    }
  });
});
