// The tablet warns when its clock disagrees with the server's by more than 5 minutes (issue 10):
// the health answer carries the server's time, the status shows the difference in minutes.
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { freshDb } from './helpers';
import { syncedTablet } from './server-tablet';
import { closeAll, testApp } from '../server/helpers';
import type { Store } from '../../src/server/store/open-store';
import { setApiBase } from '../../src/client/sync/http';
import { checkServerIdentity } from '../../src/client/sync/server-identity';
import { clockOffMinutes, loadStoredStatus } from '../../src/client/data/sync-status';
import { appendEntry } from '../../src/client/db/append';
import { pushOutbox } from '../../src/client/sync/push';

let running: { app: FastifyInstance; store: Store } | undefined;
afterEach(async () => {
  setApiBase('');
  if (running) await closeAll(running.app, running.store);
  running = undefined;
});

async function tabletAgainstServerAhead(ms: number) {
  running = await testApp({ now: () => new Date(Date.now() + ms) });
  setApiBase(await running.app.listen({ port: 0, host: '127.0.0.1' }));
  const db = freshDb();
  await checkServerIdentity(db);
  return (await loadStoredStatus(db)).clockOffMinutes;
}

describe('clock skew', () => {
  it('says how many minutes the tablet is behind or ahead, past 5 minutes', async () => {
    expect(await tabletAgainstServerAhead(12 * 60_000)).toBe(-12);
    expect(await tabletAgainstServerAhead(-7 * 60_000)).toBe(7);
  });

  it('says nothing within 5 minutes', async () => {
    expect(await tabletAgainstServerAhead(2 * 60_000)).toBeNull();
    expect(clockOffMinutes(undefined)).toBeNull();
    expect(clockOffMinutes(5 * 60_000)).toBeNull();
    expect(clockOffMinutes(5 * 60_000 + 60_000)).toBe(6);
  });
});

describe('flags the server puts on an accepted entry', () => {
  it('reach the tablet with the push answer and show on the document (a tablet clock days ahead: clock_suspect)', async () => {
    running = await testApp({ now: () => new Date(Date.now() - 2 * 86_400_000) });
    setApiBase(await running.app.listen({ port: 0, host: '127.0.0.1' }));
    const { db, author, patient } = await syncedTablet();
    const body = { target: 'Surveillance', data: 'Constantes', actions: '', results: '' };
    const { entry } = await appendEntry(db, { docType: 'note', kind: 'create', parents: [], scope: patient.scope, patientId: patient.docId, body }, author);
    expect((await pushOutbox(db)).accepted).toBe(1);
    expect((await db.entries.get(entry.id))?.flags).toEqual(['clock_suspect']);
    expect((await db.docs.get(entry.docId))?.headVersions[0]?.flags).toEqual(['clock_suspect']);
  });
});
