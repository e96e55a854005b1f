// The downtime reference content of the demo hospital (procedures, directory, call trees),
// seeded with the wards and the census through the same entry path (seed-demo-hospital.ts).
import type { UnsignedEntry } from '../../domain/entry';
import { GLOBAL_SCOPE } from '../../domain/scope';
import { demoCallTrees } from './call-trees';
import { DEMO_CONTACTS } from './contacts';
import { demoProcedures } from './procedures';

/** Makes one create entry; the seed's own factory, so deviceSeq and author stay in one place. */
export type SeedEntryFactory = (docType: string, scope: string, body: unknown) => UnsignedEntry;

export function downtimeContentEntries(entry: SeedEntryFactory, now: Date): UnsignedEntry[] {
  const procedures = demoProcedures(now).map((p) => entry('procedure', GLOBAL_SCOPE, p));
  const contactIds = new Map<string, string>();
  const contacts = DEMO_CONTACTS.map(({ key, ...body }) => {
    const e = entry('contact', GLOBAL_SCOPE, body);
    contactIds.set(key, e.docId);
    return e;
  });
  const callTrees = demoCallTrees(contactIds).map((t) => entry('calltree', GLOBAL_SCOPE, t));
  return [...procedures, ...contacts, ...callTrees];
}
