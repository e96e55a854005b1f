// A screen loaded on its first visit. Screens are named exports; React.lazy wants a default one.
import { lazy, type ComponentType } from 'react';

export function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}
