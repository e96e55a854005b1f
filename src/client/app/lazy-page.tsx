// A screen loaded on its first visit. Screens are named exports; React.lazy wants a default one.
// The screen's strings come with it: the first chunk has only the first screens' (i18n/fr.ts).
import { lazy, type ComponentType } from 'react';
import { loadScreenStrings } from '../i18n';

export function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => {
    const [screen] = await Promise.all([load(), loadScreenStrings()]);
    return { default: screen[name] };
  });
}
