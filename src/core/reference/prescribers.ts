/**
 * Prescribers ("orienteurs"), ASP referential shared/iae-reference/asp_ref_orienteur_v5.csv
 * (codes 1–23 and 99, written on two digits: 01…23, 99). Aliases add today's names
 * (France Travail for Pôle emploi) and the acronyms users type.
 */
export const PRESCRIBERS: readonly { code: string; label: string; aliases: string[] }[] = [
  { code: "01", label: "Mission locale", aliases: ["ML"] },
  { code: "02", label: "CAP emploi", aliases: [] },
  { code: "03", label: "Pôle emploi", aliases: ["France Travail", "FT", "PE", "Pole emploi France Travail"] },
  {
    code: "04",
    label: "PLIE - Plan local pour l'insertion et l'emploi",
    aliases: ["PLIE", "PLI", "Plan local pour l'insertion et l'emploi"],
  },
  {
    code: "05",
    label: "Service social du conseil départemental",
    aliases: ["Conseil départemental", "Département", "CD", "Service social du département", "Référent RSA"],
  },
  {
    code: "06",
    label: "Autre prescripteur habilité au niveau local",
    aliases: ["Autre prescripteur habilité", "Prescripteur habilité"],
  },
  {
    code: "07",
    label: "Candidature spontanée",
    aliases: ["Spontanée", "Candidature spontanee", "Démarche personnelle"],
  },
  {
    code: "08",
    label: "Orienteur (prescripteur non habilité)",
    aliases: ["Orienteur", "Prescripteur non habilité"],
  },
  {
    code: "09",
    label: "SPIP - Service pénitentiaire d'insertion et de probation",
    aliases: ["SPIP", "Service pénitentiaire d'insertion et de probation"],
  },
  {
    code: "10",
    label: "PJJ - Protection judiciaire de la jeunesse",
    aliases: ["PJJ", "Protection judiciaire de la jeunesse"],
  },
  {
    code: "11",
    label: "CCAS - Centre (inter)communal d'action sociale",
    aliases: ["CCAS", "CIAS", "Centre communal d'action sociale"],
  },
  {
    code: "12",
    label: "CHRS - Centre d'hébergement et de réinsertion sociale",
    aliases: ["CHRS", "Centre d'hébergement et de réinsertion sociale"],
  },
  {
    code: "13",
    label: "CIDFF - Centre d'information sur les droits des femmes et des familles",
    aliases: ["CIDFF", "Centre d'information sur les droits des femmes et des familles"],
  },
  {
    code: "14",
    label: "Service ou club de prévention",
    aliases: ["Club de prévention", "Service de prévention"],
  },
  {
    code: "15",
    label: "AFPA - Agence nationale pour la formation professionnelle des adultes",
    aliases: ["AFPA", "Agence nationale pour la formation professionnelle des adultes"],
  },
  {
    code: "16",
    label: "PIJ-BIJ - Point/Bureau information jeunesse",
    aliases: ["PIJ", "BIJ", "PIJ BIJ", "Point information jeunesse", "Bureau information jeunesse"],
  },
  {
    code: "17",
    label: "CAF - Caisse d'allocation familiale",
    aliases: ["CAF", "Caisse d'allocations familiales", "Caisse d'allocation familiale"],
  },
  {
    code: "18",
    label: "CADA - Centre d'accueil de demandeurs d'asile",
    aliases: ["CADA", "Centre d'accueil de demandeurs d'asile"],
  },
  { code: "19", label: "ASE - Aide sociale à l'enfance", aliases: ["ASE", "Aide sociale à l'enfance"] },
  {
    code: "20",
    label: "CAVA - Centre d'adaptation à la vie active",
    aliases: ["CAVA", "Centre d'adaptation à la vie active"],
  },
  {
    code: "21",
    label: "CPH - Centre provisoire d'hébergement",
    aliases: ["CPH", "Centre provisoire d'hébergement"],
  },
  {
    code: "22",
    label: "CHU - Centre d'hébergement d'urgence",
    aliases: ["CHU", "Centre d'hébergement d'urgence"],
  },
  {
    code: "23",
    label: "OACAS - Organisme d'accueil communautaire et d'activité solidaire",
    aliases: ["OACAS", "Organisme d'accueil communautaire et d'activité solidaire"],
  },
  { code: "99", label: "Non connu", aliases: ["Inconnu", "Non renseigné", "NC"] },
];
