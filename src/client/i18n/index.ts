// i18next set up once, French first. Every string the UI shows comes from fr.ts / en.ts.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
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

void i18n.use(initReactI18next).init({
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

/** Loads the language's catalog if it is not yet here (precached like every chunk), then switches to it. */
export async function switchLanguage(language: Language): Promise<void> {
  if (!i18n.hasResourceBundle(language, 'translation')) {
    const { en } = await import('./en');
    i18n.addResourceBundle('en', 'translation', en);
  }
  await i18n.changeLanguage(language);
}

export { localeOf, useFormat } from './format';
