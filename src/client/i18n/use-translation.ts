// The one hook the screens use to read strings, in place of react-i18next's (issue 15: 3.4 KB
// gzipped of the first load, and a subscription of its own per component, for what we use of it:
// `t` and the instance). Same shape as react-i18next's, so a component changed only its import.
import { useMemo, useSyncExternalStore } from 'react';
import i18n from 'i18next';

function subscribe(onChange: () => void): () => void {
  i18n.on('languageChanged', onChange);
  return () => i18n.off('languageChanged', onChange);
}

const currentLanguage = () => i18n.language;

/**
 * `t` in the tablet's language, and the i18next instance. Components re-render when the language
 * changes (and get a new `t`, so memoized children and effects see it); not when a catalog is added,
 * since a screen is shown only once its strings are in (app/lazy-page.tsx).
 */
export function useTranslation() {
  const language = useSyncExternalStore(subscribe, currentLanguage);
  const t = useMemo(() => i18n.getFixedT(language), [language]);
  return { t, i18n };
}
