import { computeIndicators } from "../../../src/core/indicators/compute";
import { INDICATOR_KEYS, type IndicatorKey } from "../../../src/core/model/indicators";
import { PERSON_FIELDS, type PersonField } from "../../../src/core/model/fields";
import { DEFAULT_CONFIG } from "../../../src/core/config/defaults";
import { context, d, row, MOTIFS, structure } from "./fixtures";

/** Path length as domain §4.1 defines it, from days counted by hand below. */
const months = (days: number) => (days * 12) / 365.25;

/*
 * A hand-built ACI report, period 2025-01-01 → 2025-12-31, 2 conventioned ETP, 1820 h per ETP (ACI default).
 * Every expectation below was counted by hand from this table (see the comment of each row).
 */
const ROWS = [
  // A: employee, woman, 24 in 2025, QPV, RSA majoré, RQTH, DELD, level 70; 394 days → CDI (durable), examined.
  row({
    identity: "A",
    sex: "F",
    birthYear: 2001,
    qpv: true,
    zrr: false,
    rsa: "OUI-M",
    ass: false,
    aah: false,
    rqth: true,
    ftDuration: "03",
    educationLevel: "70",
    hireDate: d("2024-06-01"),
    hoursWorked: 910,
    exitDate: d("2025-06-30"),
    exitMotif: "3",
  }),
  // B: man, 55, DETLD, ASS, level 50; hired 15 March, out 14 June: too short.
  row({
    identity: "B",
    sex: "H",
    birthYear: 1970,
    qpv: false,
    zrr: null,
    rsa: "NON",
    ass: true,
    aah: false,
    rqth: false,
    ftDuration: "04",
    educationLevel: "50",
    hireDate: d("2025-03-15"),
    hoursWorked: 364,
    exitDate: d("2025-06-14"),
    exitMotif: "10",
  }),
  // C: nothing filled but ZRR, AAH and level 00; hired 15 March, out 15 June (92 days): examined, training (positive).
  row({
    identity: "C",
    zrr: true,
    aah: true,
    educationLevel: "00",
    hireDate: d("2025-03-15"),
    hoursWorked: 546,
    exitDate: d("2025-06-15"),
    exitMotif: "5",
  }),
  // D: 0.5 h only: not an employee, but its hours (and RSA hours) count.
  row({
    identity: "D",
    sex: "F",
    birthYear: 1999,
    qpv: true,
    zrr: false,
    rsa: "OUI",
    rqth: false,
    ftDuration: "01",
    educationLevel: "40",
    hireDate: d("2025-01-10"),
    hoursWorked: 0.5,
  }),
  // E: A's second path (same identity): counted once; the conflicting RSA "NON" does not override A's first row.
  row({
    identity: "A",
    sex: "F",
    birthYear: 2001,
    rsa: "NON",
    hireDate: d("2025-07-01"),
    hoursWorked: 182,
    exitDate: d("2025-12-31"),
    exitMotif: "16",
  }),
  // F: no identity (counted as a person of its own); man, 50, RSA non majoré, level 01; motif missing: examined, unknown category; 212 days.
  row({
    identity: null,
    sex: "H",
    birthYear: 1975,
    qpv: false,
    zrr: false,
    rsa: "OUI-NM",
    rqth: false,
    ftDuration: "00",
    educationLevel: "01",
    hireDate: d("2025-02-01"),
    hoursWorked: 100,
    exitDate: d("2025-09-01"),
    exitMotif: null,
  }),
  // G: hired after the period end: not in this report at all.
  row({
    identity: "G",
    sex: "F",
    birthYear: 1980,
    qpv: true,
    rsa: "OUI",
    hireDate: d("2026-01-05"),
    hoursWorked: 300,
    exitDate: d("2026-02-01"),
    exitMotif: "3",
  }),
  // H: man, 35, level 51; exit dated before the period: not an exit of this period.
  row({
    identity: "H",
    sex: "H",
    birthYear: 1990,
    qpv: false,
    zrr: false,
    rsa: "NON",
    rqth: false,
    ftDuration: "02",
    educationLevel: "51",
    hireDate: d("2023-01-01"),
    hoursWorked: 200,
    exitDate: d("2024-12-15"),
    exitMotif: "3",
  }),
  // I: woman, 40, RSA; "Au chômage" (other), 699 days.
  row({
    identity: "I",
    sex: "F",
    birthYear: 1985,
    qpv: false,
    rsa: "OUI-NM",
    hireDate: d("2024-01-01"),
    hoursWorked: 300,
    exitDate: d("2025-11-30"),
    exitMotif: "7",
  }),
  // J: exactly 1 h (an employee); man, 25, QPV, RSA majoré, DELD; CDD ≥ 6 months (durable), 273 days.
  row({
    identity: "J",
    sex: "H",
    birthYear: 2000,
    qpv: true,
    zrr: false,
    rsa: "OUI-M",
    rqth: false,
    ftDuration: "03",
    hireDate: d("2025-01-01"),
    hoursWorked: 1,
    exitDate: d("2025-10-01"),
    exitMotif: "9",
  }),
];

const EXPECTED: Record<IndicatorKey, number | null> = {
  employees: 7, // A, B, C, F, H, I, J
  women: 2, // A, I
  men: 4, // B, F, H, J
  sexUnknown: 1, // C
  rsa: 4, // A, F, I, J
  rsaUnknown: 1, // C
  qpv: 2, // A, J
  qpvUnknown: 1, // C
  zrr: 1, // C
  zrrUnknown: 2, // B, I
  under26: 2, // A 24, J 25
  age50plus: 2, // B 55, F 50
  ageUnknown: 1, // C
  deld: 2, // A, J
  detld: 1, // B
  ftUnknown: 2, // C, I
  rqth: 1, // A
  rqthUnknown: 2, // C, I
  ass: 1, // B
  aah: 1, // C
  levelBelowCap: 2, // A 70, F 01
  levelCapBep: 2, // B 50, H 51
  levelNonCertified: 1, // C 00
  shareWomen: 2 / 7,
  shareRsa: 4 / 7,
  shareQpv: 2 / 7,
  shareZrr: 1 / 7,
  shareUnder26: 2 / 7,
  shareAge50plus: 2 / 7,
  shareDeld: 2 / 7,
  shareDetld: 1 / 7,
  shareRqth: 1 / 7,
  hoursWorked: 2603.5, // 910+364+546+0.5+182+100+200+300+1
  fte: 2603.5 / 1820,
  fteRsa: 1311.5 / 1820, // A 910, D 0.5, F 100, I 300, J 1
  fteConventioned: 2,
  fteRealisationRate: 2603.5 / 1820 / 2,
  exits: 7, // A, B, C, E, F, I, J (H before the period, G not in the report)
  exitsWithdrawn: 1, // E (long illness)
  exitsTooShort: 1, // B
  exitsExamined: 5, // A, C, F, I, J
  exitsDurable: 2, // A, J
  exitsTransition: 0,
  exitsPositive: 1, // C
  exitsOther: 1, // I
  exitsUnknownCategory: 1, // F
  rateDurable: 2 / 5,
  rateTransition: 0,
  ratePositive: 1 / 5,
  rateDynamic: 3 / 5,
  exitsToTraining: 1, // C (motif 5, qualifying training)
  rateTraining: 1 / 5,
  rsaExitsDurableOrTraining: 2, // A, J (C trains but its RSA is not filled; I is RSA but unemployed)
  averagePathMonths: months((394 + 92 + 212 + 699 + 273) / 5),
};

describe("computeIndicators on a hand-counted report", () => {
  const result = computeIndicators(ROWS, context({ fteConventioned: 2 }));

  it("returns every indicator key and nothing else", () => {
    expect(Object.keys(result).sort()).toEqual([...INDICATOR_KEYS].sort());
  });

  it.each(INDICATOR_KEYS.map((k) => [k]))("%s", (key) => {
    const expected = EXPECTED[key as IndicatorKey];
    const actual = result[key as IndicatorKey];
    if (expected === null) expect(actual).toBeNull();
    else expect(actual).toBeCloseTo(expected, 12);
  });

  it("shares stay between 0 and 1 and Unknown counts never exceed employees", () => {
    for (const k of INDICATOR_KEYS.filter((k) => k.startsWith("share"))) {
      expect(result[k]).toBeGreaterThanOrEqual(0);
      expect(result[k]).toBeLessThanOrEqual(1);
    }
    expect((result.women ?? 0) + (result.men ?? 0) + (result.sexUnknown ?? 0)).toBe(result.employees);
  });
});

const without = (...fields: PersonField[]) => PERSON_FIELDS.filter((f) => !fields.includes(f));

describe("absent column → null, present but empty → Unknown count", () => {
  const rows = [
    row({ identity: "1", sex: "F", hoursWorked: 10, hireDate: d("2025-01-01") }),
    row({ identity: "2", sex: "H", hoursWorked: 10, hireDate: d("2025-01-01") }),
  ];

  it("a QPV column absent gives null count, null Unknown and null share", () => {
    const r = computeIndicators(rows, context({}, without("qpv")));
    expect(r.qpv).toBeNull();
    expect(r.qpvUnknown).toBeNull();
    expect(r.shareQpv).toBeNull();
    expect(r.employees).toBe(2);
  });

  it("a QPV column present but empty gives 0 residents, 2 not filled, a 0 share", () => {
    const r = computeIndicators(rows, context());
    expect(r.qpv).toBe(0);
    expect(r.qpvUnknown).toBe(2);
    expect(r.shareQpv).toBe(0);
  });

  it.each<[PersonField[], IndicatorKey[]]>([
    [["sex"], ["women", "men", "sexUnknown", "shareWomen"]],
    [["rsa"], ["rsa", "rsaUnknown", "shareRsa", "fteRsa", "rsaExitsDurableOrTraining"]],
    [["zrr"], ["zrr", "zrrUnknown", "shareZrr"]],
    [
      ["birthDate", "birthYear"],
      ["under26", "age50plus", "ageUnknown", "shareUnder26", "shareAge50plus"],
    ],
    [["ftDuration"], ["deld", "detld", "ftUnknown", "shareDeld", "shareDetld"]],
    [["rqth"], ["rqth", "rqthUnknown", "shareRqth"]],
    [["ass"], ["ass"]],
    [["aah"], ["aah"]],
    [["educationLevel"], ["levelBelowCap", "levelCapBep", "levelNonCertified"]],
  ])("without %j: %j are null", (absent, keys) => {
    const all = computeIndicators(rows, context());
    const r = computeIndicators(rows, context({}, without(...absent)));
    for (const k of keys) {
      expect(all[k]).not.toBeNull();
      expect(r[k]).toBeNull();
    }
    expect(r.employees).toBe(2);
  });

  it("a birth-year column alone is enough for ages", () => {
    const r = computeIndicators(
      [row({ birthYear: 2000, hoursWorked: 5 })],
      context({}, without("birthDate")),
    );
    expect(r.under26).toBe(1);
  });

  it("without an hours column the population is unknown: employees and person counts are null", () => {
    const r = computeIndicators(rows, context({}, without("hoursWorked")));
    expect(r.employees).toBeNull();
    expect(r.women).toBeNull();
    expect(r.shareWomen).toBeNull();
    expect(r.hoursWorked).toBeNull();
    expect(r.fte).toBeNull();
  });

  it("without an exit-date column every exit indicator is null", () => {
    const r = computeIndicators(rows, context({}, without("exitDate")));
    for (const k of INDICATOR_KEYS.filter((k) => k.startsWith("exit") || k.startsWith("rate")))
      expect(r[k]).toBeNull();
    expect(r.averagePathMonths).toBeNull();
  });

  it("without an exit-reason column only the dated exits are counted", () => {
    const withExit = [
      row({ identity: "1", hoursWorked: 500, hireDate: d("2024-01-01"), exitDate: d("2025-05-01") }),
    ];
    const r = computeIndicators(withExit, context({}, without("exitReason")));
    expect(r.exits).toBe(1);
    for (const k of [
      "exitsWithdrawn",
      "exitsTooShort",
      "exitsExamined",
      "exitsDurable",
      "exitsUnknownCategory",
      "rateDynamic",
      "averagePathMonths",
    ] as const) {
      expect(r[k]).toBeNull();
    }
  });

  it("without a period end, ages cannot be measured: null", () => {
    const r = computeIndicators([row({ birthYear: 2000, hoursWorked: 5 })], context({ periodEnd: null }));
    expect(r.under26).toBeNull();
    expect(r.shareUnder26).toBeNull();
    expect(r.employees).toBe(1);
  });
});

describe("employees", () => {
  it("counts a person with several rows once, summing their hours for the 1 h threshold", () => {
    const r = computeIndicators(
      [
        row({ identity: "P", sex: "F", hoursWorked: 0.6 }),
        row({ identity: "P", sex: "F", hoursWorked: 0.6 }),
        row({ identity: "Q", sex: "H", hoursWorked: 0.9 }),
      ],
      context(),
    );
    expect(r.employees).toBe(1);
    expect(r.women).toBe(1);
    expect(r.men).toBe(0);
    expect(r.hoursWorked).toBeCloseTo(2.1, 9);
  });

  it("counts rows without identity as distinct persons", () => {
    const r = computeIndicators([row({ hoursWorked: 10 }), row({ hoursWorked: 10 })], context());
    expect(r.employees).toBe(2);
  });

  it("fills a blank attribute of a person's first row from a later row, never overriding", () => {
    const r = computeIndicators(
      [
        row({ identity: "P", qpv: null, rsa: "OUI-M", hoursWorked: 10 }),
        row({ identity: "P", qpv: true, rsa: "NON", hoursWorked: 10 }),
      ],
      context(),
    );
    expect(r.qpv).toBe(1);
    expect(r.qpvUnknown).toBe(0);
    expect(r.rsa).toBe(1);
  });

  it("excludes rows hired after the period end from every count and sum", () => {
    const r = computeIndicators(
      [
        row({
          identity: "late",
          hireDate: d("2026-01-01"),
          hoursWorked: 100,
          exitDate: d("2025-12-31"),
          exitMotif: "3",
        }),
      ],
      context(),
    );
    expect(r.employees).toBe(0);
    expect(r.hoursWorked).toBe(0);
    expect(r.exits).toBe(0);
  });

  it("a hire on the last day of the period belongs to the report", () => {
    const r = computeIndicators([row({ hireDate: d("2025-12-31"), hoursWorked: 7 })], context());
    expect(r.employees).toBe(1);
  });

  it("shares are null when there is no employee", () => {
    const r = computeIndicators([], context());
    expect(r.employees).toBe(0);
    expect(r.women).toBe(0);
    expect(r.shareWomen).toBeNull();
  });

  it("uses the configured age limits", () => {
    const config = { ...DEFAULT_CONFIG, age: { ...DEFAULT_CONFIG.age, youngUnder: 30, seniorFrom: 45 } };
    const r = computeIndicators(
      [row({ birthYear: 1996, hoursWorked: 5 }), row({ birthYear: 1980, hoursWorked: 5 })],
      { structure: structure(), fieldsPresent: PERSON_FIELDS, config, motifs: MOTIFS },
    );
    expect(r.under26).toBe(1); // 29 < 30
    expect(r.age50plus).toBe(1); // 45 ≥ 45
  });

  it("uses the configured education levels, a code listed in two levels counting in both", () => {
    // "41" moved below CAP and also counted as non-certified; "XY" (not an ASP code: rows rebuilt from
    // records carry what was sent) listed too.
    const education = { belowCap: ["41", "XY"], capBep: ["50"], nonCertified: ["41"] };
    const config = { ...DEFAULT_CONFIG, education };
    const codes = ["41", "41", "XY", "50", "70", null];
    const r = computeIndicators(
      codes.map((educationLevel) => row({ educationLevel, hoursWorked: 5 })),
      { structure: structure(), fieldsPresent: PERSON_FIELDS, config, motifs: MOTIFS },
    );
    expect([r.levelBelowCap, r.levelCapBep, r.levelNonCertified]).toEqual([3, 1, 2]);
  });

  it("counts a sex other than F and H (sent by an older client) as unknown, whatever its character", () => {
    // "Æ" shares its low seven bits with "F": it must not be read as one.
    const sexes = ["F", "H", "X", "Æ", "FF", null] as never[];
    const r = computeIndicators(
      sexes.map((sex) => row({ sex, hoursWorked: 5 })),
      context(),
    );
    expect([r.women, r.men, r.sexUnknown]).toEqual([1, 1, 4]);
  });

  it("ignores negative hours in sums", () => {
    const r = computeIndicators([row({ hoursWorked: -50 }), row({ hoursWorked: 20 })], context());
    expect(r.hoursWorked).toBe(20);
    expect(r.employees).toBe(1);
  });

  it("removes floating noise from hour sums", () => {
    const r = computeIndicators([row({ hoursWorked: 0.1 }), row({ hoursWorked: 0.2 })], context());
    expect(r.hoursWorked).toBe(0.3);
  });
});

describe("ETP", () => {
  const rows = [row({ hoursWorked: 1607, rsa: "OUI" }), row({ hoursWorked: 1607, rsa: "NON" })];

  it("uses the structure's annual hours when given", () => {
    const r = computeIndicators(rows, context({ annualHoursPerFte: 1607, fteConventioned: 4 }));
    expect(r.fte).toBe(2);
    expect(r.fteRsa).toBe(1);
    expect(r.fteRealisationRate).toBe(0.5);
  });

  it("falls back to the kind's default (AI 1607)", () => {
    expect(computeIndicators(rows, context({ kind: "AI" })).fte).toBe(2);
  });

  it("is null without annual hours nor kind, and the realisation rate is null without conventioned ETP", () => {
    const r = computeIndicators(rows, context({ kind: null }));
    expect(r.fte).toBeNull();
    expect(r.fteRsa).toBeNull();
    expect(computeIndicators(rows, context({ fteConventioned: 0 })).fteRealisationRate).toBeNull();
    expect(computeIndicators(rows, context({ fteConventioned: null })).fteRealisationRate).toBeNull();
  });
});

describe("exits and the minimum stay", () => {
  const exitRow = (
    hire: string,
    exit: string,
    motif: string | null,
    extra: Partial<Parameters<typeof row>[0]> = {},
  ) =>
    row({
      identity: "x",
      hoursWorked: 100,
      hireDate: d(hire),
      exitDate: d(exit),
      exitMotif: motif,
      ...extra,
    });

  it("ACI: hired 15 March, out 14 June is too short; out 15 June is examined", () => {
    const short = computeIndicators([exitRow("2025-03-15", "2025-06-14", "3")], context());
    expect([short.exits, short.exitsTooShort, short.exitsExamined]).toEqual([1, 1, 0]);
    const ok = computeIndicators([exitRow("2025-03-15", "2025-06-15", "3")], context());
    expect([ok.exits, ok.exitsTooShort, ok.exitsExamined, ok.exitsDurable]).toEqual([1, 0, 1, 1]);
  });

  it("EI uses the same 3 months", () => {
    const r = computeIndicators([exitRow("2025-03-15", "2025-06-14", "3")], context({ kind: "EI" }));
    expect(r.exitsTooShort).toBe(1);
  });

  it("AI: 149 h since hire is too short, 150 h is examined", () => {
    const r149 = computeIndicators(
      [exitRow("2025-01-01", "2025-01-05", "3", { hoursSinceHire: 149 })],
      context({ kind: "AI" }),
    );
    expect([r149.exitsTooShort, r149.exitsExamined]).toEqual([1, 0]);
    const r150 = computeIndicators(
      [exitRow("2025-01-01", "2025-01-05", "3", { hoursSinceHire: 150 })],
      context({ kind: "AI" }),
    );
    expect([r150.exitsTooShort, r150.exitsExamined]).toEqual([0, 1]);
  });

  it("ETTI: without hours since hire, the period's hours decide", () => {
    const r = computeIndicators(
      [exitRow("2024-01-01", "2025-06-01", "3", { hoursWorked: 149.5 })],
      context({ kind: "ETTI" }),
    );
    expect(r.exitsTooShort).toBe(1);
  });

  it("a withdrawn exit is withdrawn whatever its length", () => {
    const r = computeIndicators(
      [exitRow("2025-03-15", "2025-03-20", "17"), exitRow("2020-01-01", "2025-06-01", "96")],
      context(),
    );
    expect([r.exits, r.exitsWithdrawn, r.exitsTooShort, r.exitsExamined]).toEqual([2, 2, 0, 0]);
  });

  it("EITI has no minimum stay", () => {
    const r = computeIndicators([exitRow("2025-03-15", "2025-03-16", "3")], context({ kind: "EITI" }));
    expect([r.exitsTooShort, r.exitsExamined]).toEqual([0, 1]);
  });

  it("rates are null when nothing is examined, and the average path too", () => {
    const r = computeIndicators([exitRow("2025-03-15", "2025-04-01", "3")], context());
    expect(r.exitsExamined).toBe(0);
    for (const k of [
      "rateDurable",
      "rateTransition",
      "ratePositive",
      "rateDynamic",
      "averagePathMonths",
    ] as const) {
      expect(r[k]).toBeNull();
    }
  });

  it("a missing or unknown motif stays in the denominator, counted apart: a blank motif never raises a rate", () => {
    const rows = [
      exitRow("2024-01-01", "2025-05-01", "3"),
      exitRow("2024-01-01", "2025-05-01", null),
      exitRow("2024-01-01", "2025-05-01", "zzz"),
    ];
    const r = computeIndicators(rows, context());
    expect(r.exitsExamined).toBe(3);
    expect(r.exitsUnknownCategory).toBe(2);
    expect(r.rateDurable).toBeCloseTo(1 / 3, 12);
  });

  it("exits on the first and the last day of the period belong to it; the day after does not", () => {
    const r = computeIndicators(
      [
        exitRow("2020-01-01", "2025-01-01", "7"),
        exitRow("2020-01-01", "2025-12-31", "7"),
        exitRow("2020-01-01", "2026-01-01", "7"),
      ],
      context(),
    );
    expect(r.exits).toBe(2);
  });

  it("counts an RSA exit to qualifying training only when examined", () => {
    const r = computeIndicators(
      [
        exitRow("2024-01-01", "2025-05-01", "5", { rsa: "OUI-NM" }), // examined training
        exitRow("2025-03-15", "2025-04-01", "5", { rsa: "OUI-NM" }), // too short
        exitRow("2024-01-01", "2025-05-01", "3", { rsa: "NON" }), // durable but not RSA
        exitRow("2024-01-01", "2025-05-01", "10", { rsa: "OUI" }), // RSA, transition
      ],
      context(),
    );
    expect(r.rsaExitsDurableOrTraining).toBe(1);
  });

  it("averages path months only over examined exits with a hire date", () => {
    const r = computeIndicators(
      [
        exitRow("2025-01-01", "2025-07-01", "3"), // 181 days
        row({ hoursWorked: 10, hireDate: null, exitDate: d("2025-07-01"), exitMotif: "3" }), // examined, no hire date
        exitRow("2025-06-01", "2025-06-10", "3"), // too short: not averaged
        exitRow("2025-08-01", "2025-07-01", "3", { identity: "y" }), // exit before hire: too short in an ACI
      ],
      context(),
    );
    expect(r.exitsExamined).toBe(2);
    expect(r.averagePathMonths).toBeCloseTo(months(181), 12);
  });

  it("leaves an exit dated before its hire out of the average (EITI: no minimum stay, so it is examined)", () => {
    const r = computeIndicators(
      [exitRow("2025-01-01", "2025-01-31", "3"), exitRow("2025-08-01", "2025-07-01", "3", { identity: "y" })],
      context({ kind: "EITI" }),
    );
    expect(r.exitsExamined).toBe(2);
    expect(r.averagePathMonths).toBeCloseTo(months(30), 12);
  });
});
