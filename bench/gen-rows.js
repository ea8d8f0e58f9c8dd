// Deterministic 100 000-row canonical people table (cell arrays, as the .xlsx reader gives them).
const HEADERS = [
  "N° PASS IAE",
  "Nom",
  "Prénom",
  "Sexe",
  "Date de naissance",
  "Code postal",
  "Commune",
  "Résident QPV",
  "Code QPV",
  "Résident ZRR",
  "Bénéficiaire du RSA",
  "Allocataire ASS",
  "Allocataire AAH",
  "RQTH",
  "Inscription France Travail",
  "Niveau de formation",
  "Prescripteur",
  "Date d'embauche",
  "Date de fin de contrat",
  "Durée hebdomadaire",
  "Heures travaillées",
  "Heures depuis l'embauche",
  "Date de sortie",
  "Motif de sortie",
  "Dérogation",
];
const FT = ["Non inscrit", "Moins de 6 mois", "De 6 à 11 mois", "De 12 à 23 mois", "24 mois et plus"];
const EDU = ["00", "01", "10", "20", "30", "40", "41", "50", "51", "60", "70"];
const RSA = ["Non", "Oui - majoré", "Oui - non majoré"];
const MOTIFS = [
  "3 - Embauche en CDI non aidé",
  "10 - Embauche en CDD (sans aide publique à l'emploi) de moins de 6 mois (hors IAE)",
  "5 - Entrée en formation qualifiante ou poursuite de formation qualifiante",
  "7 - Au chômage",
  "Au chômage",
];
const NAMES = [
  "Martin",
  "Bernard",
  "Petit",
  "Durand",
  "Leroy",
  "Moreau",
  "Simon",
  "Laurent",
  "Lefèvre",
  "Michel",
];
const FIRST = ["Léa", "Hugo", "Chloé", "Lucas", "Inès", "Nathan", "Emma", "Louis", "Jade", "Adam"];

function prng(seed) {
  let s = seed >>> 0;
  return () => {
    let t = (s = (s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const day = (y, m, d) => new Date(Date.UTC(y, m - 1, d));

function rows(n, seed = 42) {
  const r = prng(seed);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const out = [HEADERS];
  for (let i = 0; i < n; i++) {
    const hire = day(2024, 1 + Math.floor(r() * 12), 1 + Math.floor(r() * 28));
    const exits = r() < 0.3;
    const exit = exits ? day(2025, 7 + Math.floor(r() * 6), 1 + Math.floor(r() * 28)) : "";
    out.push([
      String(100000000000 + i),
      // Unique names: the bench measures a clean file, not 3 000 duplicate findings.
      `${pick(NAMES)} ${i.toString(36).toUpperCase()}`,
      pick(FIRST),
      r() < 0.45 ? "F" : "H",
      day(1960 + Math.floor(r() * 45), 1 + Math.floor(r() * 12), 1 + Math.floor(r() * 28)),
      "38000",
      "Grenoble",
      r() < 0.25 ? "Oui" : "Non",
      "",
      r() < 0.1 ? "Oui" : "Non",
      pick(RSA),
      r() < 0.1 ? "Oui" : "Non",
      "Non",
      r() < 0.1 ? "Oui" : "Non",
      pick(FT),
      pick(EDU),
      "03",
      hire,
      day(hire.getUTCFullYear() + 1, hire.getUTCMonth() + 1, hire.getUTCDate()),
      26,
      Math.round((200 + r() * 1200) * 100) / 100,
      "",
      exit,
      exits ? pick(MOTIFS) : "",
      "",
    ]);
  }
  return out;
}

const STRUCTURE = [
  ["Information", "Valeur"],
  ["SIRET :", "48031712895944"],
  ["Raison sociale :", "Structure de banc d'essai"],
  ["Type de structure :", "ACI"],
  ["N° d'annexe financière", "ACI038250012A0M0"],
  ["Département :", "38"],
  ["Début de période :", day(2025, 1, 1)],
  ["Fin de période :", day(2025, 12, 31)],
];

module.exports = { rows, HEADERS, STRUCTURE };
