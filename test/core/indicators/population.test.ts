import fc from "fast-check";
import { computeIndicators } from "../../../src/core/indicators/compute";
import { employeeKeys, periodOf } from "../../../src/core/indicators/population";
import { dayFromYmd } from "../../../src/core/dates/day-number";
import { context, row, structure } from "./fixtures";

describe("employeeKeys", () => {
  it("keys exactly the persons computeIndicators counts as employees", () => {
    const arbRow = fc
      .record({
        id: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
        hire: fc.option(fc.integer({ min: dayFromYmd(2024, 6, 1), max: dayFromYmd(2026, 3, 1) }), {
          nil: null,
        }),
        hours: fc.option(
          fc.oneof(fc.integer({ min: -3, max: 5 }), fc.double({ min: 0, max: 2, noNaN: true })),
          { nil: null },
        ),
      })
      .map((r) =>
        row({ identity: r.id === null ? null : `p${r.id}`, hireDate: r.hire, hoursWorked: r.hours }),
      );
    fc.assert(
      fc.property(fc.array(arbRow, { maxLength: 40 }), (rows) => {
        const { keys, unkeyed } = employeeKeys(rows, periodOf(structure()).end);
        expect(new Set(keys).size).toBe(keys.length);
        expect(keys.length + unkeyed).toBe(computeIndicators(rows, context()).employees);
      }),
      { numRuns: 500 },
    );
  });

  it("keeps every row without a period end", () => {
    const rows = [row({ identity: "a", hireDate: dayFromYmd(2030, 1, 1), hoursWorked: 3 })];
    expect(employeeKeys(rows, null)).toEqual({ keys: ["a"], unkeyed: 0 });
  });
});
