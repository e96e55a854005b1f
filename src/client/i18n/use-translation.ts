// The one hook the screens use to read strings (issue 15: in place of react-i18next's, then of
// i18next itself). Same shape as react-i18next's: `t`, and the instance for `i18n.language`.
import { useMemo, useSyncExternalStore } from 'react';
import { i18n } from './instance';
import type { TFunction } from './keys';

const subscribe = (onChange: () => void) => i18n.onLanguageChanged(onChange);
const currentLanguage = () => i18n.language;

/**
 * `t` in the tablet's language, and the translator. Components re-render when the language
 * changes (and get a new `t`, so memoized children and effects see it); not when a catalog is added,
 * since a screen is shown only once its strings are in (app/lazy-page.tsx).
 */
export function useTranslation() {
  const language = useSyncExternalStore(subscribe, currentLanguage);
  const t = useMemo<TFunction>(() => (key, params) => i18n.t(key, params, language), [language]);
  return { t, i18n };
}
