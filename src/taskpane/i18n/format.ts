/**
 * Message formatting for the pane: plural forms chosen by Intl.PluralRules, numbers grouped by
 * Intl.NumberFormat ("29 960" with a narrow no-break space in French), and French typography
 * (no-break spaces before : ; ! ? % and inside « ») applied to our own templates.
 *
 * Template syntax, a small subset of ICU MessageFormat:
 *   "{name}"                                         a parameter (numbers are grouped)
 *   "{count, plural, =0 {aucun} one {# erreur} other {# erreurs}}"   "#" is the formatted count
 */
export type MessageLanguage = "fr" | "en";
export type MessageParams = Record<string, string | number>;

const LOCALES: Record<MessageLanguage, string> = { fr: "fr-FR", en: "en-US" };

export function formatCount(value: number, language: MessageLanguage): string {
  return new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 2 }).format(value);
}

/**
 * No-break spaces where French typography wants them, so « and : never start a line. A space already
 * there becomes the right no-break space; none is added where the text has none (URLs, "10:42").
 */
export function frenchTypography(text: string): string {
  return text
    .replace(/« /g, "«\u00a0")
    .replace(/ »/g, "\u00a0»")
    .replace(/ ([;!?])/g, "\u202f$1")
    .replace(/ ([:%])/g, "\u00a0$1");
}

// "{name, plural, …}" with its branches "key {text}" (no nested braces inside a branch's text).
const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const BRANCH = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

export function formatMessage(
  template: string,
  params: MessageParams | undefined,
  language: MessageLanguage,
): string {
  const text = language === "fr" ? frenchTypography(template) : template;
  if (!params) return text;
  const show = (v: string | number) => (typeof v === "number" ? formatCount(v, language) : v);
  const rules = new Intl.PluralRules(LOCALES[language]);
  return text
    .replace(PLURAL, (whole, name: string, body: string) => {
      const value = params[name];
      if (typeof value !== "number") return whole;
      const branches = new Map<string, string>();
      for (const m of body.matchAll(BRANCH)) branches.set(m[1], m[2]);
      const chosen =
        branches.get(`=${value}`) ?? branches.get(rules.select(value)) ?? branches.get("other") ?? whole;
      return chosen.replace(/#/g, formatCount(value, language));
    })
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? show(params[name]) : whole));
}
