import { createContext, useContext, type ReactNode } from "react";
import { en } from "./en";
import { fr, type StringKey, type Strings } from "./fr";

export type Language = "fr" | "en";

const dictionaries: Record<Language, Strings> = { fr, en };

/** French first; English only when the host (or the page's ?lang=) says English. */
export function languageFrom(displayLanguage: string | null | undefined): Language {
  return displayLanguage && displayLanguage.toLowerCase().startsWith("en") ? "en" : "fr";
}

export type Translate = (key: StringKey, params?: Record<string, string | number>) => string;

export function translator(language: Language): Translate {
  const dict = dictionaries[language];
  return (key, params) => {
    const text = dict[key];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  };
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
