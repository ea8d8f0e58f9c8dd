import type { TruthKind, TruthPerson, TruthWorkbook } from "../../scripts/examples/truth";

/**
 * Expected indicators computed from the generator's ground truth with plain, independent code that
 * follows domain §4 line by line (no engine import). Values are what the generator put in the cells.
 */
const ANNUAL_HOURS: Record<TruthKind, number> = { ACI: 1820, AI: 1607, EI: 1505, ETTI: 1607, EITI: 1607 };
const BELOW_CAP = ["70", "01", "60"];
const CAP_BEP = ["50", "51"];
const NON_CERTIFIED = ["00"];

function daysBetween(a: string, b: string): number {
  return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400000;
}

/** ACI/EI: exit at least 3 calendar months after hire; AI/ETTI: 150 h since hire (else period hours); EITI: none. */
export function tooShort(kind: TruthKind, p: TruthPerson): boolean {
  if (!p.exit || !p.hire) return false;
  if (kind === "ACI" || kind === "EI") {
    const [y, m, d] = p.hire.split("-").map(Number);
    const lastDay = new Date(Date.UTC(y, m - 1 + 4, 0)).getUTCDate();
    const threshold = new Date(Date.UTC(y, m - 1 + 3, Math.min(d, lastDay))).toISOString().slice(0, 10);
    return p.exit < threshold;
  }
  if (kind === "AI" || kind === "ETTI") return (p.hoursSinceHire ?? p.hours ?? 0) < 150;
  return false;
}

export function expectedIndicators(t: TruthWorkbook): Record<string, number | null> {
  const has = (f: string) => t.columns.includes(f);
  const endYear = Number(t.periodEnd.slice(0, 4));
  // Employees: distinct persons (PASS) with at least 1 hour in the period, hired by the period end.
  const employees = new Map<string, TruthPerson>();
  for (const p of t.persons) {
    if ((p.hours ?? 0) >= 1 && (p.hire === null || p.hire <= t.periodEnd)) employees.set(p.pass ?? `${p.lastName}|${p.firstName}|${p.birth}`, p);
  }
  const emp = [...employees.values()];
  const n = emp.length;
  const count = (pred: (p: TruthPerson) => boolean) => emp.filter(pred).length;
  const share = (field: string, c: number) => (has(field) ? (n === 0 ? null : c / n) : null);
  const byCol = (field: string, c: number) => (has(field) ? c : null);

  const women = count((p) => p.sex === "F");
  const rsa = count((p) => p.rsa !== null && p.rsa !== "NON");
  const qpv = count((p) => p.qpv === true);
  const zrr = count((p) => p.zrr === true);
  const birthYear = (p: TruthPerson) => (p.birth ? Number(p.birth.slice(0, 4)) : null);
  const under26 = count((p) => birthYear(p) !== null && endYear - (birthYear(p) as number) < 26);
  const age50 = count((p) => birthYear(p) !== null && endYear - (birthYear(p) as number) >= 50);
  const deld = count((p) => p.ft === "03");
  const detld = count((p) => p.ft === "04");
  const rqth = count((p) => p.rqth === true);
  const hours = t.persons.reduce((s, p) => s + (p.hours !== null && p.hours > 0 ? p.hours : 0), 0);
  const rsaHours = t.persons.reduce((s, p) => s + (p.rsa !== null && p.rsa !== "NON" && p.hours !== null && p.hours > 0 ? p.hours : 0), 0);
  const annual = ANNUAL_HOURS[t.kind];
  const fte = hours / annual;

  const exits = t.persons.filter((p) => p.exit !== null && p.exit >= t.periodStart && p.exit <= t.periodEnd);
  const withdrawn = exits.filter((p) => p.category === "withdrawn");
  const short = exits.filter((p) => p.category !== "withdrawn" && tooShort(t.kind, p));
  const examined = exits.filter((p) => p.category !== "withdrawn" && !tooShort(t.kind, p));
  const cat = (c: string) => examined.filter((p) => p.category === c).length;
  const rate = (c: number) => (examined.length === 0 ? null : c / examined.length);
  const durable = cat("durable");
  const transition = cat("transition");
  const positive = cat("positive");
  const paths = examined.filter((p) => p.hire !== null).map((p) => (daysBetween(p.hire as string, p.exit as string) * 12) / 365.25);

  const indicators: Record<string, number | null> = {
    employees: n,
    women: byCol("sex", women),
    men: byCol("sex", count((p) => p.sex === "H")),
    sexUnknown: byCol("sex", count((p) => p.sex === null)),
    rsa: byCol("rsa", rsa),
    rsaUnknown: byCol("rsa", count((p) => p.rsa === null)),
    qpv: byCol("qpv", qpv),
    qpvUnknown: byCol("qpv", count((p) => p.qpv === null)),
    zrr: byCol("zrr", zrr),
    zrrUnknown: byCol("zrr", count((p) => p.zrr === null)),
    under26,
    age50plus: age50,
    ageUnknown: count((p) => birthYear(p) === null),
    deld: byCol("ftDuration", deld),
    detld: byCol("ftDuration", detld),
    ftUnknown: byCol("ftDuration", count((p) => p.ft === null)),
    rqth: byCol("rqth", rqth),
    rqthUnknown: byCol("rqth", count((p) => p.rqth === null)),
    ass: byCol("ass", count((p) => p.ass === true)),
    aah: byCol("aah", count((p) => p.aah === true)),
    levelBelowCap: byCol("educationLevel", count((p) => p.edu !== null && BELOW_CAP.includes(p.edu))),
    levelCapBep: byCol("educationLevel", count((p) => p.edu !== null && CAP_BEP.includes(p.edu))),
    levelNonCertified: byCol("educationLevel", count((p) => p.edu !== null && NON_CERTIFIED.includes(p.edu))),
    shareWomen: share("sex", women),
    shareRsa: share("rsa", rsa),
    shareQpv: share("qpv", qpv),
    shareZrr: share("zrr", zrr),
    shareUnder26: n === 0 ? null : under26 / n,
    shareAge50plus: n === 0 ? null : age50 / n,
    shareDeld: share("ftDuration", deld),
    shareDetld: share("ftDuration", detld),
    shareRqth: share("rqth", rqth),
    hoursWorked: hours,
    fte,
    fteRsa: has("rsa") ? rsaHours / annual : null,
    fteConventioned: t.fteConventioned,
    fteRealisationRate: t.fteConventioned ? fte / t.fteConventioned : null,
    exits: exits.length,
    exitsWithdrawn: withdrawn.length,
    exitsTooShort: short.length,
    exitsExamined: examined.length,
    exitsDurable: durable,
    exitsTransition: transition,
    exitsPositive: positive,
    exitsOther: cat("other"),
    exitsUnknownCategory: exits.filter((p) => p.category === null).length,
    rateDurable: rate(durable),
    rateTransition: rate(transition),
    ratePositive: rate(positive),
    rateDynamic: rate(durable + transition + positive),
    exitsToTraining: examined.filter((p) => p.qualifyingTraining).length,
    rateTraining: rate(examined.filter((p) => p.qualifyingTraining).length),
    rsaExitsDurableOrTraining: examined.filter((p) => p.rsa !== null && p.rsa !== "NON" && (p.category === "durable" || p.qualifyingTraining)).length,
    averagePathMonths: paths.length === 0 ? null : paths.reduce((s, x) => s + x, 0) / paths.length,
  };
  // §2.4.8: with no exit-date column the exit indicators cannot be computed: null, never 0.
  if (!has("exitDate")) for (const k of EXIT_KEYS) indicators[k] = null;
  return indicators;
}

/** The indicators that depend on the exit date (domain §4.1, §4.2). */
export const EXIT_KEYS = [
  "exits",
  "exitsWithdrawn",
  "exitsTooShort",
  "exitsExamined",
  "exitsDurable",
  "exitsTransition",
  "exitsPositive",
  "exitsOther",
  "exitsUnknownCategory",
  "rateDurable",
  "rateTransition",
  "ratePositive",
  "rateDynamic",
  "exitsToTraining",
  "rateTraining",
  "rsaExitsDurableOrTraining",
  "averagePathMonths",
];
