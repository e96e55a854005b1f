// Who may write downtime content on the real server (SQLite): episodes by charge nurses for
// their own ward and by admins; procedures, contacts and call trees by admins only; and the
// downtimeId an entry carries must name an episode that covers it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { newId } from '../../src/domain/entry';
import { endedBody } from '../../src/domain/downtime/episode';
import type { DowntimeBody } from '../../src/domain/schemas/downtime';
import type { ProcedureBody } from '../../src/domain/schemas/procedure';
import type { Store } from '../../src/server/store/open-store';
import { amendOf, closeAll, entryBy, login, patientsOf, push, pullAll, testApp, type Tablet } from './helpers';

let app: FastifyInstance;
let store: Store;
let nurse: Tablet;
let charge: Tablet;
let admin: Tablet;

beforeAll(async () => {
  ({ app, store } = await testApp());
  [nurse, charge, admin] = await Promise.all([login(app, 'demo-nurse'), login(app, 'demo-charge'), login(app, 'demo-admin')]);
});
afterAll(async () => closeAll(app, store));

const episode = (unitCode = 'MED', over: Partial<DowntimeBody> = {}): DowntimeBody => ({
  area: 'unit', unitCode, startedAt: new Date().toISOString(), reason: 'switchboard', down: ['phones'], drill: false, ...over,
});
const hospital: DowntimeBody = { area: 'hospital', startedAt: new Date().toISOString(), reason: 'cyberattack', down: ['records'], drill: false };

const declare = (t: Tablet, body: DowntimeBody, scope = body.unitCode ? `unit:${body.unitCode}` : 'global') =>
  entryBy(t, { docType: 'downtime', scope, body });

const by = (t: Tablet) => ({ userId: t.user.id, name: t.user.name, role: t.user.role });

async function one(t: Tablet, e: Awaited<ReturnType<typeof entryBy>>) {
  const [r] = (await push(app, t, [e])).results;
  return r!;
}

describe('declaring and ending a downtime', () => {
  it('lets a charge nurse declare and end a downtime for her own ward', async () => {
    const create = await declare(charge, episode('MED'));
    expect((await one(charge, create)).status).toBe('accepted');
    const ended = await amendOf(charge, create, endedBody(episode('MED'), new Date(Date.now() + 60_000).toISOString(), by(charge)));
    expect((await one(charge, ended)).status).toBe('accepted');
  });

  it('refuses a charge nurse another ward or the whole hospital', async () => {
    const other = await one(charge, await declare(charge, episode('CHIR')));
    expect(other).toMatchObject({ status: 'rejected', reason: 'scope unit:CHIR is not writable by this user' });
    const all = await one(charge, await declare(charge, hospital));
    expect(all).toMatchObject({ status: 'rejected', reason: 'scope global is not writable by this user' });
  });

  it('refuses a nurse, even for her own ward, and refuses ending an episode as a nurse', async () => {
    const r = await one(nurse, await declare(nurse, episode('MED')));
    expect(r).toMatchObject({ status: 'rejected', reason: 'role nurse may not write downtime' });
    const create = await declare(charge, episode('MED'));
    await one(charge, create);
    const end = await amendOf(nurse, create, endedBody(episode('MED'), new Date().toISOString(), by(nurse)));
    expect(await one(nurse, end)).toMatchObject({ status: 'rejected', reason: 'role nurse may not write downtime' });
  });

  it('lets an admin declare a hospital-wide downtime, which every ward then reads', async () => {
    const create = await declare(admin, hospital);
    expect((await one(admin, create)).status).toBe('accepted');
    expect((await pullAll(app, nurse)).some((e) => e.id === create.id)).toBe(true);
  });

  it('refuses an episode whose scope does not match its area', async () => {
    const r = await one(admin, await entryBy(admin, { docType: 'downtime', scope: 'unit:CHIR', body: episode('MED') }));
    expect(r).toMatchObject({ status: 'rejected', reason: 'a downtime of unit MED lives in scope unit:MED' });
  });
});

describe('the downtimeId of an entry', () => {
  it('accepts a nurse’s note stamped with her ward’s episode, or a hospital-wide one', async () => {
    const [patient] = await patientsOf(store, 'MED');
    const ward = await declare(charge, episode('MED'));
    const all = await declare(admin, hospital);
    await one(charge, ward);
    await one(admin, all);
    expect((await one(nurse, await entryBy(nurse, { patient, downtimeId: ward.docId }))).status).toBe('accepted');
    expect((await one(nurse, await entryBy(nurse, { patient, downtimeId: all.docId }))).status).toBe('accepted');
  });

  it('accepts an episode it has not received yet: the declaring tablet may still hold it', async () => {
    const [patient] = await patientsOf(store, 'MED');
    expect((await one(nurse, await entryBy(nurse, { patient, downtimeId: newId() }))).status).toBe('accepted');
  });

  it('refuses a stamp that names another ward’s episode or a document that is not an episode', async () => {
    const [patient] = await patientsOf(store, 'MED');
    const chir = await declare(admin, episode('CHIR'));
    await one(admin, chir);
    const wrongWard = await one(nurse, await entryBy(nurse, { patient, downtimeId: chir.docId }));
    expect(wrongWard).toMatchObject({ status: 'rejected', reason: `downtime ${chir.docId} covers unit:CHIR, not unit:MED` });
    const notEpisode = await one(nurse, await entryBy(nurse, { patient, downtimeId: patient!.docId }));
    expect(notEpisode).toMatchObject({ status: 'rejected', reason: `downtimeId ${patient!.docId} is a patient, not a downtime episode` });
  });
});

describe('reference content is written by admins only', () => {
  const procedure: ProcedureBody = {
    title: 'Panne de l’ascenseur', category: 'patient-flow', units: 'all', roles: ['nurse'], summary: 'Ascenseur bloqué.',
    steps: [{ text: 'Appeler le PC sécurité', checklist: true }], owner: 'Services techniques',
    reviewedAt: '2026-01-01', nextReviewAt: '2027-01-01', lang: 'fr',
  };
  const contact = { name: 'Accueil', role: '', service: 'Accueil', phones: [{ label: 'DECT', number: '4001', kind: 'dect' }], notes: '', onCall: false };

  it('refuses procedures, contacts and call trees from a nurse or a charge nurse', async () => {
    for (const t of [nurse, charge]) {
      for (const [docType, body] of [['procedure', procedure], ['contact', contact]] as const) {
        const r = await one(t, await entryBy(t, { docType, scope: 'global', body }));
        expect(r).toMatchObject({ status: 'rejected', reason: 'scope global is not writable by this user' });
      }
    }
  });

  it('accepts them from an admin, and each edit as an amend with its history', async () => {
    const create = await entryBy(admin, { docType: 'procedure', scope: 'global', body: procedure });
    expect((await one(admin, create)).status).toBe('accepted');
    const edit = await amendOf(admin, create, { ...procedure, summary: 'Ascenseur bloqué entre deux étages.' });
    expect(await one(admin, edit)).toMatchObject({ status: 'accepted', docStatus: 'ok' });
    expect((await one(admin, await entryBy(admin, { docType: 'contact', scope: 'global', body: contact }))).status).toBe('accepted');
    const seen = (await pullAll(app, nurse)).filter((e) => e.docId === create.docId);
    expect(seen.map((e) => e.kind)).toEqual(['create', 'amend']);
  });

  it('refuses an invalid procedure with the field at fault', async () => {
    const r = await one(admin, await entryBy(admin, { docType: 'procedure', scope: 'global', body: { ...procedure, steps: [] } }));
    expect(r.status).toBe('rejected');
    expect(r.reason).toContain('steps: a procedure has at least one step');
  });
});
