// Ids of entries and documents, apart from the entry's schema: the tablet's first screen makes
// ids (its device id) without loading zod, which the entry's schema needs.
import { v7 as uuidv7 } from 'uuid';

/** Ids are UUIDv7: made offline on the device, unique without a server, roughly time-ordered. */
export function newId(): string {
  return uuidv7();
}
