// Who a note is saved under: the person the header shows. A switch of nurse sets her in the
// keyring (the header reads it there) before anything else; a save, the session banner, the
// pull's session or an admin request made in between must not be judged for the nurse before
// her. There is one record of who is writing (db/writer.ts), no copy in the tablet's meta.
import { describe, it, expect, afterEach } from 'vitest';
import { nurse, nurse2, signIn } from './helpers';
import { db } from '../../src/client/db/schema';
import { getMeta, setMeta } from '../../src/client/db/meta';
import { keyringDb } from '../../src/client/db/keyring/keyring-db';
import { setCurrentPerson } from '../../src/client/db/keyring/keyring';
import { requireSessionUser } from '../../src/client/data/session';
import { loadSessionHealth } from '../../src/client/data/session-health';
import { currentSession } from '../../src/client/db/meta';
import { carryingSession } from '../../src/client/db/carrying-session';

afterEach(async () => {
  await setCurrentPerson(keyringDb(), null);
  await db().meta.delete('currentUserId');
});

describe('the writer of a save', () => {
  it('is the person just switched to, while the meta still names the one before her', async () => {
    await signIn(db(), nurse2); // B's session, and B in the meta
    const sessions = (await getMeta(db(), 'sessions'))!;
    await setMeta(db(), 'sessions', { ...sessions, [nurse.userId]: { ...sessions[nurse2.userId]!, user: { id: nurse.userId, name: nurse.name, role: 'nurse', units: ['MED'] } } });
    await setCurrentPerson(keyringDb(), nurse.userId); // A signs in with her PIN: the header shows A
    const writer = await requireSessionUser();
    expect({ id: writer.id, name: writer.name }).toEqual({ id: nurse.userId, name: nurse.name });
  });

  it('is the one every reader judges: session, banner, pull, admin token, whatever copy a tablet from before still holds', async () => {
    await signIn(db(), nurse2);
    const sessions = (await getMeta(db(), 'sessions'))!;
    const hers = { ...sessions[nurse2.userId]!, token: 'tok-A', user: { id: nurse.userId, name: nurse.name, role: 'nurse' as const, units: ['MED'] } };
    await setMeta(db(), 'sessions', { ...sessions, [nurse.userId]: hers });
    // The meta copy the tablet used to keep, still naming B (as it did for a moment after a switch).
    await db().meta.put({ key: 'currentUserId', value: nurse2.userId });
    await setCurrentPerson(db().keyring, nurse.userId); // A signs in with her PIN: the header shows A
    expect((await currentSession(db()))?.token).toBe('tok-A');
    expect((await carryingSession(db()))?.user.id).toBe(nurse.userId);
    expect((await loadSessionHealth())?.name).toBe(nurse.name);
    expect((await requireSessionUser()).id).toBe(nurse.userId);
  });

  it('is nobody once she signed out, whatever the meta still holds', async () => {
    await signIn(db(), nurse);
    await setCurrentPerson(keyringDb(), null); // signed out: the keyring names nobody
    await expect(requireSessionUser()).rejects.toThrow('not signed in');
  });
});
