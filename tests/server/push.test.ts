// Every push rule of DESIGN.md ("Sync protocol"), one at a time, against a real SQLite file.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, type Entry } from '../../src/domain/entry';
import type { Store } from '../../src/server/store/open-store';
import { hashMatches } from '../../src/domain/hash';
import { closeAll, entryBy, login, NOTE, patientsOf, pullAll, push, pushRaw, reseal, testApp, type Tablet } from './helpers';

describe('push', () => {
  let app: FastifyInstance;
  let store: Store;
  let nurse: Tablet;
  let med: Entry[];
  beforeAll(async () => {
    ({ app, store } = await testApp());
    nurse = await login(app, 'demo-nurse');
    med = await patientsOf(store, 'MED');
  });
  afterAll(async () => closeAll(app, store));

  const stored = (id: string) => store.sqlite.prepare('select server_seq, received_at, json from entries where id = ?').get(id) as
    | { server_seq: number; received_at: string; json: string }
    | undefined;

  it('accepts a valid note with a serverSeq and docStatus ok, and stores it as sent', async () => {
    const note = await entryBy(nurse, { patient: med[0] });
    const { results } = await push(app, nurse, [note]);
    expect(results).toEqual([{ id: note.id, status: 'accepted', serverSeq: expect.any(Number), docStatus: 'ok' }]);
    const row = stored(note.id)!;
    expect(row.server_seq).toBe(results[0]!.serverSeq);
    expect(JSON.parse(row.json)).toEqual(note);
    expect(Date.parse(row.received_at)).toBeGreaterThan(0);
  });

  it('stores the very text its hash was checked against, with the hash: pulled back, the same entry, its hash still matching', async () => {
    const body = { ...NOTE, data: 'Dit « j\'ai "très" mal » \\ 😣\nEVA 7/10 ; 1e21 mg ? non, 0.5' };
    const note = await entryBy(nurse, { patient: med[1], body });
    expect((await push(app, nurse, [note])).results[0]!.status).toBe('accepted');
    expect(JSON.parse(stored(note.id)!.json)).toEqual(note);
    const back = (await pullAll(app, nurse)).find((e) => e.id === note.id)!;
    expect(back).toEqual({ ...note, serverSeq: expect.any(Number), receivedAt: expect.any(String) });
    expect(await hashMatches(back)).toBe(true);
  });

  it('commits its audit row with its entries, in one transaction: a push whose audit fails stores nothing', async () => {
    const note = await entryBy(nurse, { patient: med[2] });
    store.sqlite.exec("create temp trigger audit_down before insert on audit_log begin select raise(abort, 'audit down'); end");
    try {
      expect((await pushRaw(app, nurse, [note])).statusCode).toBe(500);
    } finally {
      store.sqlite.exec('drop trigger audit_down');
    }
    expect(stored(note.id)).toBeUndefined();
    const { results } = await push(app, nurse, [note]);
    expect(results[0]!.status).toBe('accepted');
    const last = store.sqlite.prepare("select details from audit_log where event = 'push' order by seq desc limit 1").get() as { details: string };
    expect(JSON.parse(last.details)).toEqual({ accepted: 1, duplicate: 0, rejected: 0 });
  });

  it('ignores serverSeq and receivedAt sent by a client: the server sets them', async () => {
    const note = { ...(await entryBy(nurse, { patient: med[0] })), serverSeq: 1, receivedAt: '2000-01-01T00:00:00Z' };
    const { results } = await push(app, nurse, [note]);
    expect(results[0]!.status).toBe('accepted');
    expect(results[0]!.serverSeq).not.toBe(1);
    expect(stored(note.id)!.received_at).not.toBe('2000-01-01T00:00:00Z');
    expect(JSON.parse(stored(note.id)!.json)).not.toHaveProperty('serverSeq');
  });

  it('answers duplicate, with the original serverSeq, when the same entry arrives again (a retried push)', async () => {
    const note = await entryBy(nurse, { patient: med[1] });
    const first = await push(app, nurse, [note]);
    const again = await push(app, nurse, [note, note]);
    expect(again.results).toEqual([
      { id: note.id, status: 'duplicate', serverSeq: first.results[0]!.serverSeq, docStatus: 'ok' },
      { id: note.id, status: 'duplicate', serverSeq: first.results[0]!.serverSeq, docStatus: 'ok' },
    ]);
    expect(store.sqlite.prepare('select count(*) as n from feed where entry_id = ?').get(note.id)).toEqual({ n: 1 });
  });

  it('rejects the same id with a different hash, and keeps the first version', async () => {
    const note = await entryBy(nurse, { patient: med[1] });
    await push(app, nurse, [note]);
    const forged = await reseal(note, { body: { ...NOTE, results: 'autre chose' } });
    const { results } = await push(app, nurse, [forged]);
    expect(results).toEqual([{ id: note.id, status: 'rejected', reason: 'id reused with different content' }]);
    expect(JSON.parse(stored(note.id)!.json).body).toEqual(NOTE);
  });

  it('rejects a hash that does not match the content', async () => {
    const note = await entryBy(nurse, { patient: med[2] });
    const tampered = { ...note, body: { ...NOTE, data: 'changé après le hash' } };
    const { results } = await push(app, nurse, [tampered]);
    expect(results).toEqual([{ id: note.id, status: 'rejected', reason: 'hash does not match content' }]);
    expect(stored(note.id)).toBeUndefined();
  });

  it('rejects a body that fails its schema, naming the field', async () => {
    const note = await entryBy(nurse, { patient: med[2], body: { target: '', data: 'x', actions: '', results: '' } });
    const { results } = await push(app, nurse, [note]);
    expect(results[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/body of note create is invalid: target/) });
    const unknownType = await entryBy(nurse, { patient: med[2], docType: 'prescription' });
    expect((await push(app, nurse, [unknownType])).results[0]!.reason).toMatch(/unknown docType 'prescription'/);
  });

  it('rejects a malformed entry, listing its field problems', async () => {
    const note = await entryBy(nurse, { patient: med[2] });
    const { results } = await push(app, nurse, [{ ...note, deviceSeq: -1, kind: 'delete', extra: 1 }]);
    expect(results[0]!.id).toBe(note.id);
    expect(results[0]!.status).toBe('rejected');
    expect(results[0]!.reason).toMatch(/deviceSeq/);
    expect(results[0]!.reason).toMatch(/kind/);
    expect(results[0]!.reason).toMatch(/extra/);
    const garbage = await push(app, nurse, [42, null, 'entry', { id: 7 }]);
    expect(garbage.results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
    expect(garbage.results.map((r) => r.id)).toEqual(['', '', '', '']);
    expect(garbage.results[0]!.reason).toMatch(/^entries\[0\] is malformed/);
  });

  it('rejects an entry whose kind and parents do not fit (a create with parents)', async () => {
    const note = await entryBy(nurse, { patient: med[2], parents: [newId()] });
    expect((await push(app, nurse, [note])).results[0]).toMatchObject({ status: 'rejected', reason: 'a create has no parents' });
  });

  it("rejects an author who is not the token's user", async () => {
    const colleague = await login(app, 'demo-nurse2');
    const note = await entryBy(nurse, { patient: med[3], author: { userId: colleague.user.id, name: colleague.user.name, role: 'nurse' } });
    const { results } = await push(app, nurse, [note]);
    expect(results[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/is not the logged-in user/) });
  });

  it('rejects an entry made on another device than the pushing one', async () => {
    const note = await entryBy(nurse, { patient: med[3], deviceId: 'someone-elses-tablet' });
    const { results } = await push(app, nurse, [note]);
    expect(results[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/not the pushing device/) });
  });

  it('rejects a scope the user may not write: a MED nurse writing to CHIR', async () => {
    const [chirPatient] = await patientsOf(store, 'CHIR');
    const note = await entryBy(nurse, { patient: chirPatient });
    const { results } = await push(app, nurse, [note]);
    expect(results[0]).toEqual({ id: note.id, status: 'rejected', reason: 'scope unit:CHIR is not writable by this user' });
    const bogus = await entryBy(nurse, { patient: med[3], scope: 'hospital' });
    expect((await push(app, nurse, [bogus])).results[0]!.reason).toBe('scope hospital is not writable by this user');
  });

  it('rejects a nurse or charge nurse writing global or unit documents: only an admin may', async () => {
    const charge = await login(app, 'demo-charge');
    for (const t of [nurse, charge]) {
      const unit = await entryBy(t, { docType: 'unit', scope: 'global', body: { code: 'REA', name: 'Réanimation' } });
      expect((await push(app, t, [unit])).results[0]).toMatchObject({ status: 'rejected', reason: 'scope global is not writable by this user' });
    }
    const admin = await login(app, 'demo-admin');
    const unit = await entryBy(admin, { docType: 'unit', scope: 'global', body: { code: 'REA', name: 'Réanimation' } });
    expect((await push(app, admin, [unit])).results[0]!.status).toBe('accepted');
    const misplaced = await entryBy(admin, { docType: 'unit', scope: 'unit:MED', body: { code: 'USC', name: 'Soins continus' } });
    expect((await push(app, admin, [misplaced])).results[0]!.reason).toBe('unit documents live in scope global');
  });

  it('rejects a note without a patient, and a patient filed under another unit', async () => {
    const orphan = await entryBy(nurse, { scope: 'unit:MED' });
    expect((await push(app, nurse, [orphan])).results[0]!.reason).toBe('a note needs a patientId');
    const body = { ...(med[0]!.body as object), unitCode: 'CHIR' };
    const patient = await entryBy(nurse, { docType: 'patient', scope: 'unit:MED', body });
    expect((await push(app, nurse, [patient])).results[0]!.reason).toBe('a patient of unit CHIR lives in scope unit:CHIR');
  });

  it('never lets one bad entry block the others in its batch', async () => {
    const good1 = await entryBy(nurse, { patient: med[4] });
    const bad = { ...(await entryBy(nurse, { patient: med[4] })), hash: 'sha256:' + '0'.repeat(64) };
    const good2 = await entryBy(nurse, { patient: med[5] });
    const { results } = await push(app, nurse, [good1, bad, good2]);
    expect(results.map((r) => [r.id, r.status])).toEqual([
      [good1.id, 'accepted'],
      [bad.id, 'rejected'],
      [good2.id, 'accepted'],
    ]);
    expect(results[2]!.serverSeq).toBeGreaterThan(results[0]!.serverSeq!);
  });

  it('records the highest deviceSeq it accepted from each device', async () => {
    const t = await login(app, 'demo-nurse2', 'tablet-seq');
    t.seq = 41;
    await push(app, t, [await entryBy(t, { patient: med[6] }), await entryBy(t, { patient: med[6] })]);
    expect(store.sqlite.prepare('select last_device_seq from devices where id = ?').get('tablet-seq')).toEqual({ last_device_seq: 42 });
  });
});
