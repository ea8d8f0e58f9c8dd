/**
 * Education levels, ASP referential shared/iae-reference/asp_ref_niveau_formation_v3.csv
 * (codes 0, 1, 10…70 written on two digits: 00, 01, 10…).
 */
export const EDUCATION_LEVELS: readonly { code: string; label: string; aliases: string[] }[] = [
  {
    code: "00",
    label: "Personnes avec qualifications non certifiantes",
    aliases: ["Qualifications non certifiantes", "Non certifiant"],
  },
  { code: "01", label: "Jamais scolarisé", aliases: ["Jamais scolarisee", "Non scolarisé"] },
  {
    code: "10",
    label: "Troisième cycle ou école d'ingénieur",
    aliases: ["Bac + 5", "Bac+5", "Master", "Doctorat"],
  },
  { code: "20", label: "Formation de niveau licence", aliases: ["Licence", "Bac + 3", "Bac+3"] },
  {
    code: "30",
    label: "Formation de niveau BTS ou DUT",
    aliases: ["BTS", "DUT", "BTS ou DUT", "Bac + 2", "Bac+2"],
  },
  { code: "40", label: "Formation de niveau bac", aliases: ["Niveau bac", "Bac", "Baccalauréat"] },
  {
    code: "41",
    label: "Brevet de technicien ou baccalauréat professionnel",
    aliases: ["Bac pro", "Baccalauréat professionnel", "Brevet de technicien"],
  },
  {
    code: "50",
    label: "Formation de niveau CAP ou BEP",
    aliases: ["Niveau CAP ou BEP", "Niveau CAP BEP", "Niveau CAP", "Niveau BEP"],
  },
  {
    code: "51",
    label: "Diplôme obtenu CAP ou BEP",
    aliases: ["CAP ou BEP obtenu", "CAP obtenu", "BEP obtenu", "CAP", "BEP", "CAP BEP"],
  },
  { code: "60", label: "Formation courte d'une durée d'un an", aliases: ["Formation courte"] },
  {
    code: "70",
    label: "Pas de formation au-delà de la scolarité obligatoire",
    aliases: [
      "Pas de formation au dela de la scolarite oblig.",
      "Sans diplôme",
      "Aucun diplôme",
      "Scolarité obligatoire",
    ],
  },
];
