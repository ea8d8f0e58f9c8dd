import { OfficeWorkbook } from "../../src/excel";
import { FakeExcel } from "./fake-excel";

export function workbookOn(
  fake: FakeExcel,
  limits?: ConstructorParameters<typeof OfficeWorkbook>[0]["limits"],
): OfficeWorkbook {
  return new OfficeWorkbook({
    run: fake.run,
    runIn: fake.runIn,
    isSetSupported: fake.isSetSupported,
    limits,
  });
}

/** Deterministic pseudo-random numbers (tests must be reproducible). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const LAST = [
  "Martin",
  "Bernard",
  "Petit",
  "Durand",
  "Leroy",
  "Moreau",
  "Simon",
  "Laurent",
  "Michel",
  "Garcia",
];
const FIRST = ["Léa", "Hugo", "Chloé", "Louis", "Emma", "Nathan", "Inès", "Jules", "Manon", "Adam"];

/** One invented person row of 25 columns, shaped like the canonical people table. */
export function personRow(i: number, rand: () => number): (string | number)[] {
  const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)];
  const exited = rand() < 0.3;
  return [
    `99999${String(1000000 + i).slice(-7)}`,
    pick(LAST),
    pick(FIRST),
    pick(["F", "H"]),
    20000 + Math.floor(rand() * 15000),
    pick(["38000", "38100", "38400", "69003"]),
    pick(["Grenoble", "Échirolles", "Lyon"]),
    pick(["Oui", "Non"]),
    "",
    "Non",
    pick(["Non", "Oui - majoré", "Oui - non majoré"]),
    "Non",
    "Non",
    pick(["Oui", "Non"]),
    pick(["Moins de 6 mois", "De 12 à 23 mois", "24 mois et plus"]),
    pick(["50", "40", "60"]),
    pick(["01", "02", "99"]),
    44927 + Math.floor(rand() * 365),
    45292 + Math.floor(rand() * 365),
    26,
    Math.round(rand() * 120000) / 100,
    Math.round(rand() * 300000) / 100,
    exited ? 45500 + Math.floor(rand() * 100) : "",
    exited ? "1 - CDI" : "",
    "",
  ];
}
