// Downtime documents between tablets through the real server: an episode declared offline
// reaches a colleague, checklist ticks from two tablets both count, and an episode ended on one
// tablet while edited on another shows as conflicted (still in force) until a person settles it.
import { describe, it, expect } from 'vitest';
import { freshDb } from './helpers';
import { listeningServer } from './server-tablet';
import type { ReleveDb } from '../../src/client/db/schema';
import { ensureDeviceId, getMeta, setMeta } from '../../src/client/db/meta';
import { setCurrentPerson } from '../../src/client/db/keyring/keyring';
import { appendEntry } from '../../src/client/db/append';
import { api } from '../../src/client/sync/http';
import { syncOnce } from '../../src/client/sync/loop';
import { endedBody, toEpisode } from '../../src/domain/downtime/episode';
import { checklistProgress } from '../../src/domain/downtime/checklist-progress';
import type { DowntimeBody } from '../../src/domain/schemas/downtime';
import type { Author, Entry } from '../../src/domain/entry';
import type { LoginResponse } from '../../src/domain/protocol';

listeningServer();

interface Tablet {
  db: ReleveDb;
  author: Author;
}

async function signedInTablet(username: string): Promise<Tablet> {
  const db = freshDb();
  const deviceId = await ensureDeviceId(db);
  const res = await api<LoginResponse>('/api/auth/login', { body: { username, password: 'demo', deviceId } });
  const sessions = (await getMeta(db, 'sessions')) ?? {};
  await setMeta(db, 'sessions', { ...sessions, [res.user.id]: { token: res.token, user: res.user, expiresAt: res.expiresAt } });
  await setCurrentPerson(db.keyring, res.user.id);
  return { db, author: { userId: res.user.id, name: res.user.name, role: res.user.role } };
}

const medEpisode: DowntimeBody = { area: 'unit', unitCode: 'MED', startedAt: '2026-03-02T14:05:00.000Z', reason: 'switchboard', down: ['phones'], drill: false };
const run = (procedureId: string, version: string) => ({
  source: 'procedure', procedureId, procedureVersion: version, title: 'Panne du standard téléphonique',
  steps: [{ text: 'Tester trois moyens' }, { text: 'Prévenir le cadre de garde' }, { text: 'Récupérer la radio' }],
});

async function medPatient(t: Tablet) {
  return (await t.db.docs.where('[docType+scope]').equals(['patient', 'unit:MED']).first())!;
}

describe('downtime between tablets', () => {
  it('an episode declared offline stamps the tablet’s notes and reaches a colleague, stamps intact', async () => {
    const charge = await signedInTablet('demo-charge');
    const nurse = await signedInTablet('demo-nurse');
    await syncOnce(charge.db);
    await syncOnce(nurse.db);
    // Offline: nothing is sent until the sync below.
    const declared = await appendEntry(charge.db, { docType: 'downtime', kind: 'create', parents: [], scope: 'unit:MED', body: medEpisode }, charge.author);
    const p = await medPatient(charge);
    const note = await appendEntry(charge.db, { docType: 'note', kind: 'create', parents: [], scope: 'unit:MED', patientId: p.docId, body: { target: 'Surveillance', data: 'Passage horaire', actions: '', results: '' } }, charge.author);
    expect(note.entry.downtimeId).toBe(declared.doc.docId);

    expect(await syncOnce(charge.db)).toBe('done');
    expect(await syncOnce(nurse.db)).toBe('done');
    expect(toEpisode((await nurse.db.docs.get(declared.doc.docId))!)).toMatchObject({ inForce: true });
    expect((await nurse.db.entries.get(note.entry.id))?.downtimeId).toBe(declared.doc.docId);
    // The nurse's own entries are now stamped too, from what her tablet pulled.
    const mine = await appendEntry(nurse.db, { docType: 'note', kind: 'create', parents: [], scope: 'unit:MED', patientId: p.docId, body: { target: 'Douleur', data: 'EVA 4', actions: '', results: '' } }, nurse.author);
    expect(mine.entry.downtimeId).toBe(declared.doc.docId);
  });

  it('keeps both tablets’ ticks of one checklist, each with its author', async () => {
    const a = await signedInTablet('demo-nurse');
    const b = await signedInTablet('demo-nurse2');
    await syncOnce(a.db);
    const proc = (await a.db.docs.where('[docType+scope]').equals(['procedure', 'global']).first())!;
    const started = await appendEntry(a.db, { docType: 'checklist', kind: 'create', parents: [], scope: 'unit:MED', body: run(proc.docId, proc.heads[0]!) }, a.author);
    await syncOnce(a.db);
    await syncOnce(b.db);
    const head = started.doc.heads[0]!;
    const tick = (step: number) => ({ docId: started.doc.docId, docType: 'checklist', kind: 'addendum' as const, parents: [head], scope: 'unit:MED', body: { step, done: true } });
    await appendEntry(a.db, tick(0), a.author);
    await appendEntry(b.db, tick(2), b.author);
    for (const t of [a, b, a]) await syncOnce(t.db);
    for (const t of [a, b]) {
      const doc = (await t.db.docs.get(started.doc.docId))!;
      expect(doc.status).toBe('ok');
      const p = checklistProgress(3, doc.addenda);
      expect(p.steps.map((s) => s.done)).toEqual([true, false, true]);
      expect(p.steps[0]!.last?.author.name).toBe(a.author.name);
      expect(p.steps[2]!.last?.author.name).toBe(b.author.name);
    }
  });

  it('shows an episode ended on one tablet and edited on another as conflicted, in force, until resolved', async () => {
    const charge = await signedInTablet('demo-charge');
    const admin = await signedInTablet('demo-admin');
    // Started before the first test's episode, which is still in force: the earliest stamps.
    const episode: DowntimeBody = { ...medEpisode, startedAt: '2026-03-02T09:00:00.000Z' };
    const declared = await appendEntry(charge.db, { docType: 'downtime', kind: 'create', parents: [], scope: 'unit:MED', body: episode }, charge.author);
    await syncOnce(charge.db);
    await syncOnce(admin.db);
    const base = { docId: declared.doc.docId, docType: 'downtime', kind: 'amend' as const, parents: declared.doc.heads, scope: 'unit:MED' };
    const ended = endedBody(episode, '2026-03-02T18:00:00.000Z', charge.author);
    await appendEntry(charge.db, { ...base, body: ended }, charge.author);
    await appendEntry(admin.db, { ...base, body: { ...episode, note: 'Le DECT tombe aussi' } }, admin.author);
    for (const t of [charge, admin, charge]) await syncOnce(t.db);

    for (const t of [charge, admin]) {
      const doc = (await t.db.docs.get(declared.doc.docId))!;
      expect(doc.status).toBe('conflicted');
      expect(toEpisode(doc)).toMatchObject({ inForce: true, conflicted: true });
    }
    const p = await medPatient(admin);
    const during: Entry = (await appendEntry(admin.db, { docType: 'note', kind: 'create', parents: [], scope: 'unit:MED', patientId: p.docId, body: { target: 'Chute', data: 'Sans gravité', actions: '', results: '' } }, admin.author)).entry;
    expect(during.downtimeId).toBe(declared.doc.docId);

    const onAdmin = (await admin.db.docs.get(declared.doc.docId))!;
    await appendEntry(admin.db, { ...base, kind: 'resolve', parents: onAdmin.heads, body: { ...ended, note: 'Le DECT tombe aussi' } }, admin.author);
    await syncOnce(admin.db);
    await syncOnce(charge.db);
    for (const t of [charge, admin]) {
      const ep = toEpisode((await t.db.docs.get(declared.doc.docId))!)!;
      expect(ep).toMatchObject({ inForce: false, conflicted: false });
      expect(ep.body.endedBy?.name).toBe(charge.author.name);
    }
  });
});
