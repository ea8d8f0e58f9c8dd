import { createContext, useContext, type ReactNode } from "react";
import { en } from "./en";
import { fr, type StringKey, type Strings } from "./fr";
import { formatMessage } from "./format";

export type Language = "fr" | "en";

const dictionaries: Record<Language, Strings> = { fr, en };

/** French first; English only when the host (or the page's ?lang=) says English. */
export function languageFrom(displayLanguage: string | null | undefined): Language {
  return displayLanguage && displayLanguage.toLowerCase().startsWith("en") ? "en" : "fr";
}

/**
 * The pane's language: ?lang= first, then Office's display language (in Excel), then the first of the
 * browser's languages the pane speaks (file mode); French when none is French or English.
 */
export function chooseLanguage(
  param: string | null,
  officeLanguage: string | null,
  browserLanguages: readonly string[],
): Language {
  if (param) return languageFrom(param);
  if (officeLanguage) return languageFrom(officeLanguage);
  const spoken = browserLanguages.find((l) => /^(fr|en)\b/i.test(l));
  return languageFrom(spoken ?? null);
}

/** A string by key in the pane's language; `language` lets helpers word what has no key (errors by code). */
export type Translate = ((key: StringKey, params?: Record<string, string | number>) => string) & {
  language: Language;
};

export function translator(language: Language): Translate {
  const dict = dictionaries[language];
  return Object.assign(
    (key: StringKey, params?: Record<string, string | number>) => formatMessage(dict[key], params, language),
    {
      language,
    },
  );
}

interface I18n {
  language: Language;
  t: Translate;
}

const I18nContext = createContext<I18n>({ language: "fr", t: translator("fr") });

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  return (
    <I18nContext.Provider value={{ language, t: translator(language) }}>{children}</I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
