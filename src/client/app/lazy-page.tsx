// A screen loaded on its first visit. Screens are named exports; React.lazy wants a default one.
// The screen's strings and style sheets come with it: the first chunk has only the first screens'
// (i18n/fr.ts, the sheets main.tsx imports).
import { lazy, type ComponentType } from 'react';
import { loadScreenStrings } from '../i18n';

/** The other screens' style sheets, one file (styles/screens.css); a screen waits for it, so it never shows unstyled. */
export const loadScreenStyles = () => import('../styles/screens.css');

export function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => {
    const [screen] = await Promise.all([load(), loadScreenStrings(), loadScreenStyles()]);
    return { default: screen[name] };
  });
}
