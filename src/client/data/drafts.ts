// Half-typed work is autosaved per keystroke (debounced by the caller) so that a crash, a flat
// battery or an app update loses nothing.
//
// A draft belongs to the person who started it (a shared tablet: "Changer d'utilisateur" must
// not hand A's half-typed note to B, nor let B finish it under her own name). Its row key is
// `<authorId>|<draft key>`, so another person's lookup can never find it.
//
// A draft key names what the draft is about: `<type>:<action>:` then the ids of the patient or
// of the document being edited (or a ward code), e.g. `note:new:<patientId>`,
// `note:amend:<noteId>`, `admission:new:<unit>:<templateId>`. listDrafts reads them back to find
// the patient or the ward, so a forgotten draft can be found from the sync screen.
import { useLiveQuery } from 'dexie-react-hooks';
import type { PatientBody } from '../../domain/schemas';
import { db, type DocRow, type ReleveDb } from '../db/schema';
import { asStorageError } from '../db/storage-full';
import { draftRowKey, splitRowKey } from '../db/draft-keys';
import { writerId } from '../db/writer';
import { useSession } from './session';
import { currentPatientBody } from './ward';

async function writer(): Promise<string> {
  const id = await writerId(db());
  if (!id) throw new Error('not signed in');
  return id;
}

async function saveDraftAs(authorId: string, key: string, value: unknown): Promise<void> {
  try {
    await db().drafts.put({ key: draftRowKey(authorId, key), value, updatedAt: new Date().toISOString() });
  } catch (err) {
    throw asStorageError(err);
  }
}

/**
 * The drafts of the person writing when the editor opened: every save and the final clear go
 * under her name, even if they land after someone else has signed in.
 */
export function draftsOfWriter(): { save(key: string, value: unknown): Promise<void>; clear(key: string): Promise<void> } {
  const author = writer();
  // Not awaited yet: a rejection must not go unhandled before the first save asks for it.
  author.catch(() => undefined);
  return {
    save: async (key, value) => saveDraftAs(await author, key, value),
    clear: async (key) => db().drafts.delete(draftRowKey(await author, key)),
  };
}

/** Removes one of the reader's own drafts (the drafts list's "Abandonner"). */
export async function clearMyDraft(key: string): Promise<void> {
  await db().drafts.delete(draftRowKey(await writer(), key));
}

/** The reader's own draft about `key`: someone else's is never found. */
export function useDraft<T>(key: string): { value: T | undefined; loaded: boolean } {
  const row = useLiveQuery(async () => {
    const me = await writerId(db());
    return me ? ((await db().drafts.get(draftRowKey(me, key))) ?? null) : null;
  }, [key]);
  return { value: (row?.value as T | undefined) ?? undefined, loaded: row !== undefined };
}

/** How many drafts the tablet holds, whoever wrote them; undefined until known. */
export function useDraftCount(): number | undefined {
  return useLiveQuery(() => db().drafts.count(), []);
}

/** True while the reader has a draft of her own (signing out warns her it stays here). */
export function useMyDraftPending(): boolean {
  const me = useSession().user?.id;
  const n = useLiveQuery(
    async () => (me ? db().drafts.where('key').startsWith(draftRowKey(me, '')).count() : 0),
    [me],
  );
  return (n ?? 0) > 0;
}

/** Read at the moment of a reload, not from a rendered value: another tab may have just typed. */
export async function hasNoDraft(): Promise<boolean> {
  return (await db().drafts.count()) === 0;
}

/** A draft on this tablet, as the "drafts in progress" list shows it. */
export interface DraftSummary {
  key: string;
  updatedAt: string;
  /** What it is: the key's first two parts, e.g. 'note:new', 'form:amend'. */
  kind: string;
  /** The patient it is about, when the key names one that is on this tablet. */
  patientId: string | null;
  /** Their identity, only when the patient is in one of the reader's wards. */
  patient: PatientBody | null;
  /** The patient's ward (or the ward the key names): another ward's patient is not named. */
  unitCode: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UNIT_CODE = /^[A-Z][A-Z0-9_-]{0,19}$/;

async function patientOf(d: ReleveDb, ids: string[]): Promise<DocRow | null> {
  for (const id of ids) {
    const doc = await d.docs.get(id);
    if (!doc) continue;
    if (doc.docType === 'patient') return doc;
    if (doc.patientId) return (await d.docs.get(doc.patientId)) ?? null;
  }
  return null;
}

/** Another person's drafts on this tablet: counted and named by her, never shown. */
export interface OthersDrafts {
  /** Her name from the tablet's keyring, or null for a draft kept from before drafts had authors. */
  name: string | null;
  count: number;
}

/**
 * The reader's own drafts, newest first, and how many each other person left here. Another
 * person's draft is never listed nor opened (it is hers to finish), but it still holds back an
 * app update, so the reader is told whose they are. A patient outside the reader's wards is
 * only named by ward.
 */
export async function listDrafts(
  d: ReleveDb, readerId: string, readerUnits: readonly string[], k = d.keyring,
): Promise<{ mine: DraftSummary[]; others: OthersDrafts[] }> {
  const rows = await d.drafts.toArray();
  const mine: DraftSummary[] = [];
  const others = new Map<string | null, number>();
  for (const row of rows) {
    const { authorId, key } = splitRowKey(row.key);
    if (authorId !== readerId) {
      others.set(authorId, (others.get(authorId) ?? 0) + 1);
      continue;
    }
    const parts = key.split(':');
    const kind = parts.slice(0, 2).join(':');
    const rest = parts.slice(2);
    const p = await patientOf(d, rest.filter((x) => UUID.test(x)));
    const body = currentPatientBody(p);
    const unitCode = body?.unitCode ?? rest.find((x) => UNIT_CODE.test(x)) ?? null;
    const readable = unitCode !== null && readerUnits.includes(unitCode);
    mine.push({ key, updatedAt: row.updatedAt, kind, patientId: p?.docId ?? null, patient: readable ? body : null, unitCode });
  }
  mine.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
  const named = await Promise.all(
    [...others].map(async ([id, count]) => ({ name: id ? ((await k.people.get(id))?.user.name ?? null) : null, count })),
  );
  return { mine, others: named };
}

export function useDrafts(): { mine: DraftSummary[]; others: OthersDrafts[] } | undefined {
  const { user, loading } = useSession();
  const units = user?.units ?? [];
  const readerKey = `${user?.id ?? ''}/${units.join()}`;
  // Tagged with the reader it was read for: until her session is known, her own patients would
  // be listed as "another ward's", so nothing is listed yet.
  const read = useLiveQuery(
    async () => ({ readerKey, drafts: user ? await listDrafts(db(), user.id, units) : null }),
    [readerKey],
  );
  return loading || read?.readerKey !== readerKey || !read.drafts ? undefined : read.drafts;
}
