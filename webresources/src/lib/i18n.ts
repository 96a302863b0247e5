/**
 * en/es texts. The language comes from userSettings.languageId (an LCID): the low 10 bits
 * are the primary language, and 0x0A is Spanish for every Spanish LCID (3082, 1034, 2058, ...).
 */
export type Language = "en" | "es";

const PrimaryLanguageMask = 0x3ff;
const PrimaryLanguageSpanish = 0x0a;

export function languageFromLcid(lcid: number | undefined): Language {
  if (lcid === undefined) return "en";
  return (lcid & PrimaryLanguageMask) === PrimaryLanguageSpanish ? "es" : "en";
}

/** The current user's language, read from the global context (no Web API call). */
export function userLanguage(xrm: Pick<Xrm.XrmStatic, "Utility"> = Xrm): Language {
  return languageFromLcid(xrm.Utility.getGlobalContext().userSettings.languageId);
}

/** BCP 47 tag for Intl formatting and the `lang` attribute. */
export function localeOf(language: Language): string {
  return language === "es" ? "es-ES" : "en-US";
}

/** Replaces {name} placeholders; values are plain text and are never parsed as markup. */
export function format(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = values[key];
    return value === undefined ? whole : String(value);
  });
}

/**
 * Texts of one feature in both languages. Each feature keeps its own small catalog so a bundle
 * carries only the texts it shows; the Spanish table must have exactly the English keys.
 */
export interface Catalog<T extends Readonly<Record<string, string>>> {
  readonly en: T;
  readonly es: Readonly<Record<keyof T, string>>;
}

/** Identity at runtime; at compile time it makes the Spanish table match the English keys exactly. */
export function defineCatalog<T extends Readonly<Record<string, string>>>(catalog: Catalog<T>): Catalog<T> {
  return catalog;
}

export function textsFor<T extends Readonly<Record<string, string>>>(catalog: Catalog<T>, language: Language): Readonly<Record<keyof T, string>> {
  return language === "es" ? catalog.es : catalog.en;
}

/** An English text and its Spanish twin: the tuple makes a missing twin a compile error. */
export type TextPair = readonly [en: string, es: string];

/**
 * The texts of a catalog written as pairs, in one language. Each key is written once instead of once per language,
 * which matters for the panel's bundle budget.
 */
export function pairsFor<K extends string>(pairs: Readonly<Record<K, TextPair>>, language: Language): Readonly<Record<K, string>> {
  const index = language === "es" ? 1 : 0;
  return Object.fromEntries(Object.entries<TextPair>(pairs).map(([key, pair]) => [key, pair[index]])) as Record<K, string>;
}
