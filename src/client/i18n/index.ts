// i18next set up once, French first. Every string the UI shows comes from the catalogs: the first
// screens' (fr.ts, in the first chunk) and the other screens' (screens.fr.ts, loaded with them).
import i18n from 'i18next';
import { fr, type Catalog } from './fr';

export type Language = 'fr' | 'en';
export const LANGUAGES: readonly Language[] = ['fr', 'en'];

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalog };
    returnNull: false;
  }
}

void i18n.init({
  // English is its own chunk, loaded when chosen (switchLanguage): most tablets never need it.
  resources: { fr: { translation: fr } },
  lng: 'fr',
  fallbackLng: 'fr',
  supportedLngs: ['fr', 'en'],
  // React escapes what it renders; escaping here too would show "&amp;" in names.
  interpolation: { escapeValue: false },
  // French is bundled: no reason to wait a tick before the first render.
  initAsync: false,
  returnNull: false,
});

let screenStrings: Promise<void> | null = null;

/**
 * Adds the other screens' French (and English, once chosen) to the first screens': awaited before
 * any of those screens is shown. A chunk that cannot be had is asked for again next time.
 */
export function loadScreenStrings(): Promise<void> {
  screenStrings ??= import('./screens.fr').then(
    ({ screensFr }) => void i18n.addResourceBundle('fr', 'translation', screensFr, true, false),
    (err: unknown) => {
      screenStrings = null;
      throw err;
    },
  );
  return screenStrings;
}

/** Loads the language's catalog if it is not yet here (precached like every chunk), then switches to it. */
export async function switchLanguage(language: Language): Promise<void> {
  if (language === 'en' && !i18n.hasResourceBundle('en', 'translation')) {
    const [{ en }, { screensEn }] = await Promise.all([import('./en'), import('./screens.en')]);
    i18n.addResourceBundle('en', 'translation', en, true, false);
    i18n.addResourceBundle('en', 'translation', screensEn, true, false);
  }
  await i18n.changeLanguage(language);
}

export { localeOf, useFormat } from './format';
export { useTranslation } from './use-translation';
