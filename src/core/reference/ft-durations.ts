import type { FtDuration } from "../model/person";

/**
 * France Travail (ex Pôle emploi) registration durations, ASP referential
 * shared/iae-reference/asp_ref_duree_allocation_emploi_v2.csv (codes 0–4, written 00–04 in the product).
 */
export const FT_DURATIONS: readonly { code: FtDuration; label: string; aliases: string[] }[] = [
  {
    code: "00",
    label: "Non inscrit",
    aliases: [
      "NON",
      "Non inscrite",
      "Non inscrit(e)",
      "Pas inscrit",
      "Non inscrit à France Travail",
      "Non inscrit à Pôle emploi",
    ],
  },
  {
    code: "01",
    label: "Moins de 6 mois",
    aliases: ["MOINS DE 6 MOIS", "- de 6 mois", "0 à 5 mois", "0 à 6 mois", "Inscrit depuis moins de 6 mois"],
  },
  {
    code: "02",
    label: "De 6 à 11 mois",
    aliases: ["DE 6 A 11 MOIS", "6 à 11 mois", "6 à 12 mois", "Entre 6 et 11 mois"],
  },
  {
    code: "03",
    label: "De 12 à 23 mois",
    aliases: ["DE 12 à 23 MOIS", "12 à 23 mois", "12 à 24 mois", "Entre 12 et 23 mois", "DELD"],
  },
  {
    code: "04",
    label: "24 mois et plus",
    aliases: [
      "24 MOIS ET PLUS",
      "24 mois ou plus",
      "Plus de 24 mois",
      "24 mois et +",
      "+ de 24 mois",
      "DETLD",
    ],
  },
];
