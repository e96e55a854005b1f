// Our strings' reader over rosetta (issue 15: i18next was 15 KB gzipped of the first load, for what
// we use of it). rosetta finds a dotted key in a language's catalog and fills its {{x}}; what the
// catalogs need beyond that is here: the plural forms (key_one, key_other, chosen by the language's
// rules with `count`), French read where an English string is missing, catalogs merged section by
// section as the screens' strings arrive, and a word to the screens when the language changes.
// Nothing is escaped: React escapes what it renders, escaping here too would show "&amp;" in names.
import rosetta from 'rosetta';

type Table = { [key: string]: string | Table };
type Params = Record<string, unknown>;

/** Section by section: a later catalog adds keys to a section without dropping the ones already in. */
function merged(into: Table, more: Table): Table {
  const out: Table = { ...into };
  for (const [k, v] of Object.entries(more)) {
    const had = out[k];
    out[k] = typeof v === 'object' && typeof had === 'object' ? merged(had, v) : v;
  }
  return out;
}

export interface Translator<Lang extends string> {
  readonly language: Lang;
  /** The string for `key` in the tablet's language (or `lang`); the key itself if no catalog has it. */
  t(key: string, params?: Params, lang?: Lang): string;
  /** Adds strings to a language's catalog, merged into what is there. */
  addStrings(lang: Lang, table: object): void;
  hasStrings(lang: Lang): boolean;
  changeLanguage(lang: Lang): void;
  onLanguageChanged(listener: () => void): () => void;
}

export function createTranslator<Lang extends string>(fallback: Lang): Translator<Lang> {
  const r = rosetta<Table>();
  r.locale(fallback);
  let language = fallback;
  const listeners = new Set<() => void>();
  const rules = new Map<string, Intl.PluralRules>();
  const pluralOf = (lang: string, count: number) => {
    let pr = rules.get(lang);
    if (!pr) rules.set(lang, (pr = new Intl.PluralRules(lang)));
    return pr.select(count);
  };

  // rosetta answers '' for a key it lacks, and the section itself for a key that names one.
  const found = (key: string, params: Params | undefined, lang: string): string | undefined => {
    const s: unknown = r.t(key, params, lang);
    return typeof s === 'string' && s !== '' ? s : undefined;
  };
  const inLanguage = (key: string, params: Params | undefined, lang: string): string | undefined => {
    const count = params?.count;
    if (typeof count === 'number') {
      return found(`${key}_${pluralOf(lang, count)}`, params, lang) ?? found(`${key}_other`, params, lang) ?? found(key, params, lang);
    }
    return found(key, params, lang);
  };

  return {
    get language() {
      return language;
    },
    t(key, params, lang = language) {
      return inLanguage(key, params, lang) ?? (lang === fallback ? undefined : inLanguage(key, params, fallback)) ?? key;
    },
    addStrings(lang, table) {
      // rosetta's set merges only the top level (Object.assign): the sections are merged here.
      r.set(lang, merged(r.table(lang) ?? {}, table as Table));
    },
    hasStrings(lang) {
      return r.table(lang) !== undefined;
    },
    changeLanguage(lang) {
      if (lang === language) return;
      language = lang;
      r.locale(lang);
      for (const l of [...listeners]) l();
    },
    onLanguageChanged(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
