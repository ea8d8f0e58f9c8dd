import { isPeriodKey, periodKey } from "../../../src/core/submission";

test.each([
  ["2025-01-01", "2025-12-31", "2025"],
  ["2024-01-01", "2024-06-30", "2024-S1"],
  ["2024-07-01", "2024-12-31", "2024-S2"],
  ["2025-01-01", "2025-03-31", "2025-Q1"],
  ["2025-04-01", "2025-06-30", "2025-Q2"],
  ["2025-07-01", "2025-09-30", "2025-Q3"],
  ["2025-10-01", "2025-12-31", "2025-Q4"],
  ["2024-02-01", "2024-02-29", "2024-02"],
  ["2025-02-01", "2025-03-31", "2025-02-01_2025-03-31"],
  ["2025-01-02", "2025-12-31", "2025-01-02_2025-12-31"],
  ["2024-07-01", "2025-06-30", "2024-07-01_2025-06-30"],
])("period %s → %s is %s", (start, end, key) => {
  expect(periodKey(start, end)).toBe(key);
  expect(isPeriodKey(key)).toBe(true);
});

test("unreadable or reversed periods have no key", () => {
  expect(periodKey("2025-12-31", "2025-01-01")).toBeNull();
  expect(periodKey("2025-02-30", "2025-12-31")).toBeNull();
});

test("query keys are checked", () => {
  for (const bad of ["25", "2025-Q5", "2025-13", "2025-S3", "hier", "2025;drop", ""])
    expect(isPeriodKey(bad)).toBe(false);
});
