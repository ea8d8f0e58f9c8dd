import { KINDS } from "../model/kinds";

const CATEGORIES = ["durable", "transition", "positive", "other", "withdrawn"];
const CONFIDENCES = ["high", "medium", "low"];

/** Returns French problems for a merged configuration (empty when valid). */
export function validateConfig(c: unknown): string[] {
  const p: string[] = [];
  const cfg = c as Record<string, unknown>;
  const num = (path: string, v: unknown, min: number, max = Infinity, strictMin = false) => {
    if (typeof v !== "number" || !Number.isFinite(v) || (strictMin ? v <= min : v < min) || v > max) {
      p.push(
        `« ${path} » doit être un nombre ${strictMin ? ">" : "≥"} ${min}${max < Infinity ? ` et ≤ ${max}` : ""} (trouvé : ${JSON.stringify(v)})`,
      );
    }
  };
  const obj = (path: string, v: unknown): Record<string, unknown> => {
    if (typeof v !== "object" || v === null || Array.isArray(v)) {
      p.push(`« ${path} » doit être un objet`);
      return {};
    }
    return v as Record<string, unknown>;
  };
  const kinds = (path: string, v: unknown) => {
    if (!Array.isArray(v) || v.some((k) => !(KINDS as readonly string[]).includes(k))) {
      p.push(`« ${path} » doit être une liste de types parmi ${KINDS.join(", ")}`);
    }
  };
  const strings = (path: string, v: unknown) => {
    if (!Array.isArray(v) || v.some((k) => typeof k !== "string"))
      p.push(`« ${path} » doit être une liste de textes`);
  };

  if (typeof cfg.rulesVersion !== "string" || cfg.rulesVersion.trim() === "")
    p.push("« rulesVersion » doit être un texte");
  const hours = obj("annualHoursPerFte", cfg.annualHoursPerFte);
  for (const k of KINDS) num(`annualHoursPerFte.${k}`, hours[k], 0, 10000, true);
  const stay = obj("minimumStay", cfg.minimumStay);
  for (const k of KINDS) {
    const s = stay[k];
    if (s === null) continue;
    const so = obj(`minimumStay.${k}`, s);
    const keys = Object.keys(so).join(",");
    if (keys === "months") num(`minimumStay.${k}.months`, so.months, 0, 120);
    else if (keys === "hours") num(`minimumStay.${k}.hours`, so.hours, 0, 100000);
    else
      p.push(
        `« minimumStay.${k} » doit être { "months": n }, { "hours": n } ou null (une seule des deux durées)`,
      );
  }
  const age = obj("age", cfg.age);
  num("age.min", age.min, 0, 120);
  num("age.max", age.max, 0, 150);
  num("age.youngUnder", age.youngUnder, 0, 120);
  num("age.seniorFrom", age.seniorFrom, 0, 120);
  if (typeof age.min === "number" && typeof age.max === "number" && age.min >= age.max)
    p.push("« age.min » doit être inférieur à « age.max »");
  const wh = obj("weeklyHours", cfg.weeklyHours);
  num("weeklyHours.min", wh.min, 0, 168);
  num("weeklyHours.max", wh.max, 0, 168, true);
  kinds("weeklyHours.minKinds", wh.minKinds);
  const ct = obj("contract", cfg.contract);
  num("contract.minMonths", ct.minMonths, 0, 600);
  num("contract.maxMonths", ct.maxMonths, 0, 600, true);
  num("contract.maxMonthsWithDerogation", ct.maxMonthsWithDerogation, 0, 600, true);
  kinds("contract.minKinds", ct.minKinds);
  num("maxHoursPerWeek", cfg.maxHoursPerWeek, 0, 168, true);
  num("period.maxDays", obj("period", cfg.period).maxDays, 1, 3660);
  num("unknownExitShareMax", cfg.unknownExitShareMax, 0, 1);
  strings("noNewsMotifCodes", cfg.noNewsMotifCodes);
  num("findingsCapPerRule", cfg.findingsCapPerRule, 1, 1e7);
  const targets = obj("targets", cfg.targets);
  for (const [k, v] of Object.entries(targets)) num(`targets.${k}`, v, 0, 1);
  const edu = obj("education", cfg.education);
  strings("education.belowCap", edu.belowCap);
  strings("education.capBep", edu.capBep);
  strings("education.nonCertified", edu.nonCertified);

  if (!Array.isArray(cfg.exitMotifs) || cfg.exitMotifs.length === 0) {
    p.push("« exitMotifs » doit être une liste non vide de motifs de sortie");
  } else {
    const seen = new Set<string>();
    cfg.exitMotifs.forEach((m: unknown, i: number) => {
      const mo = obj(`exitMotifs[${i}]`, m);
      if (mo.code !== null && typeof mo.code !== "string")
        p.push(`« exitMotifs[${i}].code » doit être un texte ou null`);
      if (typeof mo.label !== "string" || mo.label.trim() === "")
        p.push(`« exitMotifs[${i}].label » est obligatoire`);
      if (!Array.isArray(mo.aliases) || mo.aliases.some((a) => typeof a !== "string"))
        p.push(`« exitMotifs[${i}].aliases » doit être une liste de textes`);
      if (!CATEGORIES.includes(mo.category as string))
        p.push(
          `« exitMotifs[${i}].category » doit valoir ${CATEGORIES.join(", ")} (trouvé : ${JSON.stringify(mo.category)})`,
        );
      if (!CONFIDENCES.includes(mo.confidence as string))
        p.push(`« exitMotifs[${i}].confidence » doit valoir high, medium ou low`);
      const key =
        typeof mo.code === "string" && mo.code !== "" ? `code:${mo.code}` : `label:${String(mo.label)}`;
      if (seen.has(key))
        p.push(`motif de sortie en double : ${key.replace("code:", "code ").replace("label:", "")}`);
      seen.add(key);
    });
  }
  return p;
}
