// i18next set up once, French first. Every string the UI shows comes from fr.ts / en.ts.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { fr, type Catalog } from './fr';
import { en } from './en';

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
  resources: { fr: { translation: fr }, en: { translation: en } },
  lng: 'fr',
  fallbackLng: 'fr',
  supportedLngs: ['fr', 'en'],
  // React escapes what it renders; escaping here too would show "&amp;" in names.
  interpolation: { escapeValue: false },
  // Resources are bundled: no reason to wait a tick before the first render.
  initAsync: false,
  returnNull: false,
});

export { i18n };
export {     localeOf, useFormat } from './format';
