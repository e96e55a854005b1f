// The admin screen's data module against the real server (a real SQLite file, Fastify
// listening): a decision that the server refuses comes back as the reason the screen says in
// words, and nothing is decided; a bad input is caught before the server is asked.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import './helpers';
import { db } from '../../src/client/db/schema';
import { setMeta } from '../../src/client/db/meta';
import { keyringDb } from '../../src/client/db/keyring/keyring-db';
import { setCurrentPerson } from '../../src/client/db/keyring/keyring';
import { setApiBase } from '../../src/client/sync/http';
import { newId } from '../../src/domain/entry';
import { decideProvisional, decisionInputProblem, DecisionError, matchingAccounts, type DecisionProblem } from '../../src/client/data/provisional-admin';
import { provisionalWorlds, type World } from '../server/provisional-world';

const world = provisionalWorlds();
let w: World;

beforeAll(async () => {
  w = await world();
  setApiBase(await w.app.listen({ port: 0, host: '127.0.0.1' }));
  const { token, user } = w.admin;
  await setMeta(db(), 'sessions', { [user.id]: { token, user, expiresAt: new Date(Date.now() + 3600_000).toISOString() } });
  await setCurrentPerson(db().keyring, user.id);
  await setCurrentPerson(keyringDb(), user.id);
});
afterAll(async () => {
  setApiBase('');
  await setCurrentPerson(keyringDb(), null);
  await setCurrentPerson(db().keyring, null);
});

async function problemOf(p: Promise<unknown>): Promise<DecisionProblem | 'decided'> {
  try {
    await p;
    return 'decided';
  } catch (err) {
    expect(err).toBeInstanceOf(DecisionError);
    return (err as DecisionError).problem;
  }
}

describe('deciding on a provisional account from the admin screen', () => {
  it('says why the server refused, and a refused decision changes nothing', async () => {
    const id = w.enrol.body.accountId;
    expect(await problemOf(decideProvisional(newId(), { action: 'refuse', reason: 'inconnue' }))).toBe('unknown_account');
    expect(await problemOf(decideProvisional(id, { action: 'create', username: 'demo-nurse', password: 'motdepasse-1' }))).toBe('username_taken');
    expect(await problemOf(decideProvisional(id, { action: 'link', username: 'personne' }))).toBe('no_such_user');
    const linked = await decideProvisional(id, { action: 'link', username: 'demo-nurse2' });
    expect(linked).toMatchObject({ status: 'linked', linkedTo: 'demo-nurse2', entries: 1 });
    expect(await problemOf(decideProvisional(id, { action: 'refuse', reason: 'trop tard' }))).toBe('already_decided');
  });

  it('says so when the server cannot be reached', async () => {
    setApiBase('http://127.0.0.1:9');
    try {
      expect(await problemOf(decideProvisional(w.enrol.body.accountId, { action: 'refuse', reason: 'x' }))).toBe('offline');
    } finally {
      setApiBase(`http://127.0.0.1:${(w.app.server.address() as { port: number }).port}`);
    }
  });

  it('checks the input before asking the server', () => {
    expect(decisionInputProblem({ action: 'refuse', reason: '   ' })).toBe('reason');
    expect(decisionInputProblem({ action: 'create', username: 'Marie Relief', password: 'motdepasse-1' })).toBe('username');
    expect(decisionInputProblem({ action: 'create', username: 'marie.relief', password: 'court' })).toBe('password');
    expect(decisionInputProblem({ action: 'create', username: 'marie.relief', password: 'motdepasse-1' })).toBeNull();
    expect(decisionInputProblem({ action: 'link', username: '' })).toBe('username');
  });

  it('finds an account to link by name, username or ward, accents and case ignored', () => {
    const accounts = [
      { username: 'j.lefevre', name: 'Julien Lefèvre', role: 'nurse', units: ['MED'] },
      { username: 'c.martin', name: 'Camille Martin', role: 'nurse', units: ['CHIR'] },
    ];
    expect(matchingAccounts(accounts, 'lefevre').map((a) => a.username)).toEqual(['j.lefevre']);
    expect(matchingAccounts(accounts, 'chir CAMILLE').map((a) => a.username)).toEqual(['c.martin']);
    expect(matchingAccounts(accounts, '')).toHaveLength(2);
    expect(matchingAccounts(accounts, 'personne')).toEqual([]);
  });
});
