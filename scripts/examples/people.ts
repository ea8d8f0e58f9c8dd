import type { Prng } from "./prng";
import type { TruthCategory, TruthKind, TruthPerson } from "./truth";

/** Invented names (no real person). */
const FIRST_F = ["Amandine", "Brigitte", "Chloé", "Djamila", "Élodie", "Fatou", "Gwenaëlle", "Inès", "Josiane", "Karima", "Lucie", "Maëlys", "Nadia", "Océane", "Paulette", "Rokia", "Sylvie", "Thi Hoa", "Vanessa", "Yasmina"];
const FIRST_H = ["Abdel", "Bastien", "Cédric", "Dimitri", "Étienne", "Fabrice", "Gaëtan", "Hamid", "Issa", "Jérôme", "Kévin", "Loïc", "Mamadou", "Nicolas", "Olivier", "Pascal", "Rachid", "Sébastien", "Thierry", "Yann"];
const LAST = ["Arnoult", "Benhamou", "Chaput", "Delorme", "Estève", "Faure-Lacoste", "Gaillard", "Hoarau", "Issartel", "Jacquemin", "Keïta", "Lemoine", "Marchetti", "N'Diaye", "Olivier", "Perrin", "Quéré", "Rouvière", "Sanchez", "Tessier", "Urbain", "Vidal", "Wagner", "Yilmaz", "Zerrouki", "Bonnefoy", "Coulibaly", "Duchêne", "Ferrand", "Grosjean"];

export interface GenMotif {
  code: string;
  label: string;
  category: TruthCategory;
  qualifyingTraining?: boolean;
}

/** The generator's own motif list (codes and labels of shared/spec/exit-motifs.csv it uses). */
export const MOTIFS: Record<string, GenMotif> = {
  "3": { code: "3", label: "Embauche en CDI non aidé", category: "durable" },
  "4": { code: "4", label: "Création ou reprise d'entreprise à son compte", category: "durable" },
  "9": { code: "9", label: "Embauche en CDD (sans aide publique à l'emploi) d'une durée de 6 mois et plus", category: "durable" },
  "10": { code: "10", label: "Embauche en CDD (sans aide publique à l'emploi) de moins de 6 mois (hors IAE)", category: "transition" },
  "14": { code: "14", label: "En contrat aidé pour une durée déterminée par un autre employeur (hors IAE)", category: "transition" },
  "2": { code: "2", label: "Embauche pour une durée déterminée dans une autre structure IAE", category: "positive" },
  "5": { code: "5", label: "Entrée en formation qualifiante ou poursuite de formation qualifiante", category: "positive", qualifyingTraining: true },
  "6": { code: "6", label: "Inactif", category: "other" },
  "7": { code: "7", label: "Au chômage", category: "other" },
  "16": { code: "16", label: "Congés de longue durée (maternité, maladie)", category: "withdrawn" },
};

const NORMAL_MOTIFS = ["3", "3", "4", "9", "9", "10", "10", "14", "2", "5", "5", "6", "7", "7"];

export const EDU_CODES = ["00", "01", "10", "20", "30", "40", "41", "50", "50", "51", "51", "60", "70", "70", "70"];
export const PRESCRIBER_CODES = ["01", "02", "03", "03", "03", "04", "05", "05", "06", "07"];

// Day numbers (days since 1970-01-01 UTC): the generator's own date arithmetic.
export function day(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / 86400000;
}
export function iso(dayNumber: number): string {
  return new Date(dayNumber * 86400000).toISOString().slice(0, 10);
}
/** Same day of month, n calendar months later (clamped to the month's last day). */
export function plusMonths(dayNumber: number, n: number): number {
  const d = new Date(dayNumber * 86400000);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + n;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), last)) / 86400000;
}
const round2 = (x: number) => Math.round(x * 100) / 100;

export interface PersonOptions {
  kind: TruthKind;
  periodStart: string;
  periodEnd: string;
  row: number;
  pass: string;
  exitShare: number;
  /** Allow deliberately short (not examined) and withdrawn exits. */
  shortExitShare?: number;
  withdrawnShare?: number;
}

export function makePerson(rng: Prng, o: PersonOptions): TruthPerson {
  const ps = day(o.periodStart);
  const pe = day(o.periodEnd);
  const sex = rng.chance(0.45) ? "F" : "H";
  const age = rng.int(18, 62);
  const birthYear = Number(o.periodEnd.slice(0, 4)) - age;
  const birth = iso(day(`${birthYear}-01-01`) + rng.int(0, 364));
  const hoursKind = o.kind === "AI" || o.kind === "ETTI";
  let hire = rng.int(ps - 300, pe - 70);
  let exit: number | null = null;
  let motif: GenMotif | null = null;
  const r = rng.next();
  if (r < (o.shortExitShare ?? 0)) {
    // A short path: exit a few weeks after hire, inside the period (not examined).
    hire = rng.int(ps + 10, pe - 60);
    exit = hire + rng.int(14, 40);
    motif = MOTIFS[rng.pick(NORMAL_MOTIFS)];
  } else if (r < (o.shortExitShare ?? 0) + (o.withdrawnShare ?? 0)) {
    exit = rng.int(Math.max(hire + 30, ps + 5), pe - 5);
    motif = MOTIFS["16"];
  } else if (r < (o.shortExitShare ?? 0) + (o.withdrawnShare ?? 0) + o.exitShare) {
    const earliest = Math.max(plusMonths(hire, 3) + 5, ps + 5);
    if (earliest <= pe - 5) {
      exit = rng.int(earliest, pe - 5);
      motif = MOTIFS[rng.pick(NORMAL_MOTIFS)];
    }
  }
  const weekly = o.kind === "ACI" || o.kind === "EI" ? rng.pick([24, 26, 30, 35]) : rng.pick([20, 24, 30, 35]);
  const from = Math.max(hire, ps);
  const to = Math.min(exit ?? pe, pe);
  const presentDays = to - from + 1;
  const hours = Math.max(1, round2((presentDays / 7) * weekly * (0.7 + rng.next() * 0.25)));
  const before = hire < ps ? round2(((ps - hire) / 7) * weekly * 0.8) : 0;
  const isShort = exit !== null && exit - hire < 60;
  const hoursSinceHire = hoursKind ? round2(hours + before) : null;
  // Examined AI/ETTI exits need 150 h since hire; guarantee it unless the exit is short on purpose.
  const fixedSince = hoursKind && !isShort && hoursSinceHire !== null && hoursSinceHire < 150 ? 150 + before : hoursSinceHire;
  const qpv = rng.chance(0.25);
  const rsaDraw = rng.next();
  return {
    row: o.row,
    pass: o.pass,
    lastName: rng.pick(LAST),
    firstName: rng.pick(sex === "F" ? FIRST_F : FIRST_H),
    sex,
    birth,
    qpv,
    zrr: rng.chance(0.1),
    rsa: rsaDraw < 0.45 ? "NON" : rsaDraw < 0.55 ? "OUI-M" : "OUI-NM",
    ass: rng.chance(0.1),
    aah: rng.chance(0.05),
    rqth: rng.chance(0.12),
    ft: rng.pick(["00", "01", "02", "03", "03", "04", "04"] as const),
    edu: rng.pick(EDU_CODES),
    hire: iso(hire),
    contractEnd: iso(plusMonths(hire, 12)),
    exit: exit === null ? null : iso(exit),
    motifCode: motif?.code ?? null,
    category: motif?.category ?? null,
    qualifyingTraining: motif?.qualifyingTraining ?? false,
    hours,
    hoursSinceHire: fixedSince,
    weekly,
  };
}

/** A valid SIRET: 13 random digits and the Luhn check digit. */
export function makeSiret(rng: Prng, prefix = ""): string {
  let s = prefix;
  while (s.length < 13) s += String(rng.int(0, 9));
  for (let c = 0; c <= 9; c++) if (luhnOk(s + c)) return s + c;
  throw new Error("unreachable");
}

export function luhnOk(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** PASS IAE: "99999" + 7 digits (all digits: no pass-format warning). */
export function makePass(n: number, salt: number): string {
  return `99999${String((salt * 7919 + n * 104729) % 10_000_000).padStart(7, "0")}`;
}
