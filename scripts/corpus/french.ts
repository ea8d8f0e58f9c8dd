/**
 * French typography for the corpus's texts: no-break space before ":" and inside « », narrow no-break
 * space before ; ! ? and between thousands, no-break space before the unit h, so the descriptions can be written with plain spaces.
 */
export function frenchSpaces(text: string): string {
  return text
    .replace(/« /g, "«\u00a0")
    .replace(/ »/g, "\u00a0»")
    .replace(/ :/g, "\u00a0:")
    .replace(/ ([;!?])/g, "\u202f$1")
    .replace(/(\d) (\d{3})\b/g, "$1\u202f$2")
    .replace(/(\d) h\b/g, "$1\u00a0h");
}
