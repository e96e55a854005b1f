// Who a note is saved under: the person the header shows. A switch of nurse sets her in the
// keyring first (the header reads it there), then in the tablet's meta; a save in between must
// not go out under the name of the nurse before her.
import { describe, it, expect, afterEach } from 'vitest';
import { nurse, nurse2, signIn } from './helpers';
import { db } from '../../src/client/db/schema';
import { getMeta, setMeta } from '../../src/client/db/meta';
import { keyringDb } from '../../src/client/db/keyring/keyring-db';
import { setCurrentPerson } from '../../src/client/db/keyring/keyring';
import { requireSessionUser } from '../../src/client/data/session';

afterEach(async () => {
  await setCurrentPerson(keyringDb(), null);
  await setMeta(db(), 'currentUserId', null);
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

  it('is nobody once she signed out, whatever the meta still holds', async () => {
    await signIn(db(), nurse);
    await setCurrentPerson(keyringDb(), null); // signed out: the keyring names nobody
    await expect(requireSessionUser()).rejects.toThrow('not signed in');
  });
});
