/** Month names and abbreviations, normalised (lower case, no accents), French first, English too. */
export const MONTHS: ReadonlyMap<string, number> = new Map<string, number>([
  ["janvier", 1], ["janv", 1], ["jan", 1], ["january", 1],
  ["fevrier", 2], ["fevr", 2], ["fev", 2], ["feb", 2], ["february", 2],
  ["mars", 3], ["mar", 3], ["march", 3],
  ["avril", 4], ["avr", 4], ["apr", 4], ["april", 4],
  ["mai", 5], ["may", 5],
  ["juin", 6], ["jun", 6], ["june", 6],
  ["juillet", 7], ["juil", 7], ["jul", 7], ["july", 7],
  ["aout", 8], ["aou", 8], ["aug", 8], ["august", 8],
  ["septembre", 9], ["sept", 9], ["sep", 9], ["september", 9],
  ["octobre", 10], ["oct", 10], ["october", 10],
  ["novembre", 11], ["nov", 11], ["november", 11],
  ["decembre", 12], ["dec", 12], ["december", 12],
]);
