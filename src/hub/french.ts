/**
 * French typography for messages written with plain spaces: a no-break space before « : ; ! ? » and inside
 * guillemets, so that a line never breaks between a word and its punctuation.
 */
export function frenchSpacing(text: string): string {
  return text.replace(/ ([:;!?»])/g, "\u00a0$1").replace(/« /g, "«\u00a0");
}
