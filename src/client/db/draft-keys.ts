// Whose draft a row is. A draft belongs to the person who started it (a shared tablet), so its
// row key is `<authorId>|<draft key>`: another person's lookup can never find it.
import type { ReleveDb } from './schema';

const AUTHOR_SEP = '|';

/** The stored key of her draft about `key`. */
export const draftRowKey = (authorId: string, key: string): string => `${authorId}${AUTHOR_SEP}${key}`;

/** A row key split back; a draft kept from before drafts had authors has none. */
export function splitRowKey(rowKey: string): { authorId: string | null; key: string } {
  const i = rowKey.indexOf(AUTHOR_SEP);
  return i < 0 ? { authorId: null, key: rowKey } : { authorId: rowKey.slice(0, i), key: rowKey.slice(i + 1) };
}

/**
 * Drafts typed before drafts had authors (an upgraded tablet) go to the person who was writing
 * on the tablet then; one that would overwrite her own draft is left where it is.
 */
export async function adoptUnattributedDrafts(d: ReleveDb, ownerId: string): Promise<void> {
  await d.transaction('rw', d.drafts, async () => {
    // Keys only: the sealed drafts of everyone else are not opened for nothing.
    const legacy = (await d.drafts.toCollection().primaryKeys()).filter((k) => splitRowKey(k).authorId === null);
    for (const old of legacy) {
      const row = await d.drafts.get(old);
      const key = draftRowKey(ownerId, old);
      if (!row || (await d.drafts.get(key))) continue;
      await d.drafts.put({ ...row, key });
      await d.drafts.delete(old);
    }
  });
}
