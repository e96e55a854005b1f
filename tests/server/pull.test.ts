import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entry } from '../../src/domain/entry';
import { hashMatches } from '../../src/domain/hash';
import type { Store } from '../../src/server/store/open-store';
import { bearer, closeAll, entryBy, login, patientsOf, pull, pullAll, push, testApp, type Tablet } from './helpers';

describe('pull', () => {
  let app: FastifyInstance;
  let store: Store;
  let medNurse: Tablet;
  let chirNurse: Tablet;
  let med: Entry[];
  let chir: Entry[];
  beforeAll(async () => {
    ({ app, store } = await testApp());
    medNurse = await login(app, 'demo-nurse');
    chirNurse = await login(app, 'demo-surg');
    med = await patientsOf(store, 'MED');
    chir = await patientsOf(store, 'CHIR');
  });
  afterAll(async () => closeAll(app, store));

  it('returns the global and unit entries of the user in serverSeq order, with serverSeq and receivedAt', async () => {
    const entries = await pullAll(app, medNurse);
    const scopes = new Set(entries.map((e) => e.scope));
    expect(scopes).toEqual(new Set(['global', 'unit:MED']));
    expect(entries.filter((e) => e.docType === 'patient' && e.deviceId === 'server-seed')).toHaveLength(med.length); // the census; the drill's temporary admission besides
    const seqs = entries.map((e) => e.serverSeq!);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    for (const e of entries) {
      expect(Date.parse(e.receivedAt!)).toBeGreaterThan(0);
      expect(await hashMatches(e)).toBe(true); // the hash still covers what was pulled
    }
  });

  it('never gives a CHIR nurse a MED entry, nor a MED nurse a CHIR entry', async () => {
    const medNote = await entryBy(medNurse, { patient: med[0] });
    const chirNote = await entryBy(chirNurse, { patient: chir[0] });
    await push(app, medNurse, [medNote]);
    await push(app, chirNurse, [chirNote]);
    const chirSees = await pullAll(app, chirNurse);
    expect(chirSees.some((e) => e.scope === 'unit:MED')).toBe(false);
    expect(chirSees.map((e) => e.id)).toContain(chirNote.id);
    expect(chirSees.map((e) => e.id)).not.toContain(medNote.id);
    const medSees = await pullAll(app, medNurse);
    expect(medSees.some((e) => e.scope === 'unit:CHIR')).toBe(false);
    expect(medSees.map((e) => e.id)).toContain(medNote.id);
    // The admin belongs to every unit and reads both.
    const adminSees = (await pullAll(app, await login(app, 'demo-admin'))).map((e) => e.id);
    expect(adminSees).toEqual(expect.arrayContaining([medNote.id, chirNote.id]));
  });

  it('pages with limit: `next` is the last seq returned and `more` says whether to go on', async () => {
    const all = await pullAll(app, medNurse);
    const pages: Entry[][] = [];
    let after = 0;
    for (;;) {
      const page = await pull(app, medNurse, after, 7);
      expect(page.entries.length).toBeLessThanOrEqual(7);
      if (page.entries.length > 0) expect(page.next).toBe(page.entries.at(-1)!.serverSeq);
      pages.push(page.entries);
      after = page.next;
      if (!page.more) break;
      expect(page.entries).toHaveLength(7);
    }
    expect(pages.flat().map((e) => e.id)).toEqual(all.map((e) => e.id));
    // Past the end: nothing, the cursor stays, no more.
    expect(await pull(app, medNurse, after, 7)).toEqual({ entries: [], next: after, more: false });
  });

  it('hands out new entries after the cursor the client already holds', async () => {
    const { next } = await pull(app, medNurse, 0, 1000);
    const note = await entryBy(medNurse, { patient: med[1] });
    await push(app, medNurse, [note]);
    const page = await pull(app, medNurse, next);
    expect(page.entries.map((e) => e.id)).toEqual([note.id]);
    expect(page.more).toBe(false);
  });

  it('uses after=0 and the default limit when the query is empty', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/sync/pull', headers: bearer(medNurse) });
    expect(res.statusCode).toBe(200);
    expect(res.json().entries.length).toBeGreaterThan(0);
  });

  it('answers 400 invalid_request to a bad query', async () => {
    for (const q of ['after=-1', 'after=abc', 'limit=0', 'limit=100000', 'after=1.5', 'since=3', 'after=1&after=2']) {
      const res = await app.inject({ method: 'GET', url: `/api/sync/pull?${q}`, headers: bearer(medNurse) });
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error, q).toBe('invalid_request');
      expect(typeof res.json().details, q).toBe('string');
    }
  });
});
