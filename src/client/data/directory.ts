// The directory and its call trees on the tablet, and the favourite contacts of this device.
import { useSyncExternalStore } from 'react';
import type { ContactBody } from '../../domain/schemas/contact';
import type { CallTreeBody } from '../../domain/schemas/calltree';
import { pickTranslations } from '../../domain/downtime/library';
import { useReference, useReferenceDoc, type ReferenceView } from './reference';

export type ContactView = ReferenceView<ContactBody>;
export type CallTreeView = ReferenceView<CallTreeBody>;

const byName = (a: ContactView, b: ContactView) => a.body.name.localeCompare(b.body.name, 'fr');

export function useContacts(): ContactView[] | undefined {
  const all = useReference<ContactBody>('contact');
  return all && [...all].sort(byName);
}

export function useCallTrees(lang: 'fr' | 'en'): CallTreeView[] | undefined {
  const all = useReference<CallTreeBody>('calltree');
  return all && pickTranslations(all, lang).sort((a, b) => a.body.title.localeCompare(b.body.title, 'fr'));
}

export function useCallTree(docId: string): CallTreeView | null | undefined {
  return useReferenceDoc<CallTreeBody>(docId, 'calltree');
}

// Favourites are a convenience of this tablet, not clinical data: kept in localStorage, never
// synced, so no entry (and no audit trail) is written for a star.
const FAVOURITES_KEY = 'releve.favouriteContacts';
const listeners = new Set<() => void>();
let cached: { raw: string | null; ids: ReadonlySet<string> } = { raw: null, ids: new Set() };

function readFavourites(): ReadonlySet<string> {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(FAVOURITES_KEY);
  } catch {
    // Storage refused (private mode): no favourites.
  }
  if (raw !== cached.raw) {
    let ids: string[];
    try {
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      ids = Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
    } catch {
      ids = [];
    }
    cached = { raw, ids: new Set(ids) };
  }
  return cached.ids;
}

function subscribeFavourites(l: () => void): () => void {
  listeners.add(l);
  const onStorage = (e: StorageEvent) => e.key === FAVOURITES_KEY && l();
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(l);
    window.removeEventListener('storage', onStorage);
  };
}

export function toggleFavourite(docId: string): void {
  const ids = new Set(readFavourites());
  if (ids.has(docId)) ids.delete(docId);
  else ids.add(docId);
  try {
    localStorage.setItem(FAVOURITES_KEY, JSON.stringify([...ids]));
  } catch {
    // Storage refused: the star does not stick, which is all a favourite can lose.
  }
  for (const l of listeners) l();
}

export function useFavourites(): ReadonlySet<string> {
  return useSyncExternalStore(subscribeFavourites, readFavourites);
}
