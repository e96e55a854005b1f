// Device-level hooks: the update prompt and the language choice (storage persistence: storage.ts).
import { useState, useSyncExternalStore, useCallback } from 'react';
import { i18n } from '../i18n/instance';
import { switchLanguage, type Language } from '../i18n';
import { getUpdateState, subscribeUpdate, installUpdate, postponeUpdate } from '../pwa/update-gate';
import { hasNoDraft, useDraftCount } from './drafts';
import { holdSync } from '../sync/sync-lock';

export function useUpdatePrompt(): { needRefresh: boolean; canInstallNow: boolean; installNow(): void; later(): void } {
  const { needRefresh } = useSyncExternalStore(subscribeUpdate, getUpdateState);
  const drafts = useDraftCount();
  // Not known yet counts as a draft: the button waits for the answer.
  const dirty = drafts === undefined || drafts > 0;
  return {
    needRefresh,
    canInstallNow: !dirty,
    installNow: () => {
      // Checked again here, in the database, not only by the disabled button: a reload must
      // never eat a draft, even one another tab started a moment ago. No sync round may start
      // while the new version takes over (a request then can stall it: pwa/update-gate.ts).
      void hasNoDraft().then((none) => (none ? installUpdate(() => holdSync()) : undefined));
    },
    later: postponeUpdate,
  };
}

const LANG_KEY = 'releve.lang';

/** The stored choice, read synchronously at start-up so the first paint is in the right language. */
export function storedLanguage(): Language {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'fr';
  } catch {
    return 'fr';
  }
}

export function useLanguage(): [Language, (l: Language) => void] {
  const [lang, setLang] = useState<Language>(() => (i18n.language === 'en' ? 'en' : storedLanguage()));
  const choose = useCallback((l: Language) => {
    try {
      localStorage.setItem(LANG_KEY, l);
    } catch {
      // Private mode: the choice lasts for this session only.
    }
    // The screen switches once the catalog is in (English is loaded on first choice).
    void switchLanguage(l).then(() => {
      document.documentElement.lang = l;
      setLang(l);
    });
  }, []);
  return [lang, choose];
}
