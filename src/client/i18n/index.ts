// The translator set up once, French first (instance.ts). Every string the UI shows comes from the
// catalogs: the first screens' (fr.ts, in the first chunk) and the other screens' (screens.fr.ts,
// loaded with them).
import { i18n, type Language } from './instance';

export type { Language };
export const LANGUAGES: readonly Language[] = ['fr', 'en'];
export type { TFunction, TranslationKey } from './keys';

let screenStrings: Promise<void> | null = null;

/**
 * Adds the other screens' French (and English, once chosen) to the first screens': awaited before
 * any of those screens is shown. A chunk that cannot be had is asked for again next time.
 */
export function loadScreenStrings(): Promise<void> {
  screenStrings ??= import('./screens.fr').then(
    ({ screensFr }) => i18n.addStrings('fr', screensFr),
    (err: unknown) => {
      screenStrings = null;
      throw err;
    },
  );
  return screenStrings;
}

/** Loads the language's catalog if it is not yet here (precached like every chunk), then switches to it. */
export async function switchLanguage(language: Language): Promise<void> {
  if (language === 'en' && !i18n.hasStrings('en')) {
    const [{ en }, { screensEn }] = await Promise.all([import('./en'), import('./screens.en')]);
    i18n.addStrings('en', en);
    i18n.addStrings('en', screensEn);
  }
  i18n.changeLanguage(language);
}

export { useFormat } from './format';
export { useTranslation } from './use-translation';
