import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entry } from '../../src/domain/entry';
import { hashMatches } from '../../src/domain/hash';
import { patientBody, unitBody, type PatientBody } from '../../src/domain/schemas';
import { DEMO_ACCOUNTS, DEMO_HOSPITAL_NAME, DEMO_UNITS } from '../../src/server/seed/demo-hospital';
import { seedIfEmpty } from '../../src/server/seed/seed-demo-hospital';
import { countUsers } from '../../src/server/store/users';
import type { Store } from '../../src/server/store/open-store';
import { closeAll, login, patientsOf, pullAll, SEED_NOW, testApp, testStore } from './helpers';
import type { FastifyInstance } from 'fastify';

describe('the demo hospital seed', () => {
  let app: FastifyInstance;
  let store: Store;
  beforeAll(async () => ({ app, store } = await testApp()));
  afterAll(async () => closeAll(app, store));

  it('is the "Centre hospitalier de démonstration" with its four units, as global unit documents', async () => {
    expect(DEMO_HOSPITAL_NAME).toBe('Centre hospitalier de démonstration');
    const admin = await login(app, 'demo-admin');
    const units = (await pullAll(app, admin)).filter((e) => e.docType === 'unit');
    expect(units.map((u) => u.scope)).toEqual(['global', 'global', 'global', 'global']);
    const bodies = units.map((u) => unitBody.parse(u.body));
    expect(bodies.map(({ code, name }) => ({ code, name }))).toEqual([
      { code: 'MED', name: 'Médecine interne' },
      { code: 'CHIR', name: 'Chirurgie viscérale' },
      { code: 'URG', name: 'Urgences' },
      { code: 'ONCO', name: "Hôpital de jour d'oncologie" },
    ]);
    // Two wards carry their own frequent cibles; the others get the default quick picks.
    expect(bodies.map((b) => b.noteTargets?.length ?? 0)).toEqual([9, 0, 6, 0]);
    expect(bodies[0]!.noteTargets).toContain('Glycémie');
  });

  it('gives each unit 12 to 30 valid patients in its own scope, MED about 24', async () => {
    for (const unit of DEMO_UNITS) {
      const patients = await patientsOf(store, unit.code);
      expect(patients.length).toBeGreaterThanOrEqual(12);
      expect(patients.length).toBeLessThanOrEqual(30);
      for (const p of patients) {
        const body = patientBody.parse(p.body);
        expect(p.scope).toBe(`unit:${unit.code}`);
        expect(body.unitCode).toBe(unit.code);
      }
    }
    expect((await patientsOf(store, 'MED')).length).toBe(24);
  });

  it('has plausible patients: 8-digit IPPs unique across the hospital, birth dates 1930-2005, accents, rooms with beds, some allergies', async () => {
    const all: PatientBody[] = [];
    for (const unit of DEMO_UNITS) all.push(...(await patientsOf(store, unit.code)).map((p) => p.body as PatientBody));
    expect(new Set(all.map((p) => p.ipp)).size).toBe(all.length);
    for (const p of all) {
      expect(p.ipp).toMatch(/^8\d{7}$/);
      const year = Number(p.birthDate.slice(0, 4));
      expect(year).toBeGreaterThanOrEqual(1930);
      expect(year).toBeLessThanOrEqual(2005);
      expect(p.admittedAt! <= SEED_NOW.toISOString()).toBe(true);
    }
    expect(all.some((p) => /[éèêëàâîïôûüçÉ]/.test(p.firstName + p.lastName))).toBe(true);
    const med = all.filter((p) => p.unitCode === 'MED');
    expect(med.every((p) => /^\d{3}$/.test(p.room) && (p.bed === 'A' || p.bed === 'B'))).toBe(true);
    const withAllergies = all.filter((p) => p.allergies.length > 0);
    expect(withAllergies.length).toBeGreaterThan(0);
    expect(withAllergies.length).toBeLessThan(all.length / 2 + 10);
    expect(all.flatMap((p) => p.allergies)).toEqual(expect.arrayContaining(['Pénicilline']));
  });

  it('is written through the real write path: valid hashes, authored by demo-admin from server-seed', async () => {
    const admin = await login(app, 'demo-admin');
    // Prescriptions and results come from the HIS feed's account: tests/server/his-seed.test.ts.
    const entries = (await pullAll(app, admin)).filter((e) => e.docType !== 'medication-order' && e.docType !== 'result');
    const census = entries.filter((e) => (e.docType === 'unit' || e.docType === 'patient') && e.deviceId === 'server-seed'); // downtime content: downtime-seed.test.ts
    expect(census.length).toBe(4 + DEMO_UNITS.reduce((n, u) => n + u.patients, 0));
    for (const e of entries) {
      expect(await hashMatches(e)).toBe(true);
      expect(e.serverSeq).toBeGreaterThan(0);
      if (e.deviceId === 'server-seed') {
        expect(e.author.userId).toBe(admin.user.id);
        continue;
      }
      // The past drill on MED (demo-drill.ts): written on the ward's own tablets, each entry in the episode.
      expect(e.deviceId).toMatch(/^demo-(tablet|pc)-/);
      expect(e.scope).toBe('unit:MED');
      expect(e.docType === 'downtime' || e.downtimeId !== undefined).toBe(true);
    }
  });

  it('lets every demo account log in with the password "demo", with its role and units', async () => {
    for (const a of DEMO_ACCOUNTS) {
      const t = await login(app, a.username);
      expect(t.user).toMatchObject({ name: a.name, role: a.role, units: [...a.units].sort() });
    }
    const admin = await login(app, 'demo-admin');
    expect(admin.user.units).toEqual(['CHIR', 'MED', 'ONCO', 'URG']);
  });

  it('is deterministic: the same census on every install', async () => {
    const other = await testStore({ empty: true });
    await seedIfEmpty(other, {}, SEED_NOW);
    const names = (ps: Entry[]) => ps.map((p) => { const b = p.body as PatientBody; return `${b.ipp} ${b.lastName} ${b.firstName} ${b.room}${b.bed ?? ''}`; });
    expect(names(await patientsOf(other, 'MED'))).toEqual(names(await patientsOf(store, 'MED')));
    await other.close();
  });
});

describe('seedIfEmpty', () => {
  it('leaves the database empty with RELEVE_SEED=none', async () => {
    const store = await testStore({ empty: true });
    expect(await seedIfEmpty(store, { RELEVE_SEED: 'none' })).toBe('disabled');
    expect(await countUsers(store.db)).toBe(0);
    expect(store.sqlite.prepare('select count(*) as n from entries').get()).toEqual({ n: 0 });
    await store.close();
  });

  it('never seeds a database that has users, and refuses an unknown RELEVE_SEED', async () => {
    const store = await testStore();
    const before = store.sqlite.prepare('select count(*) as n from entries').get();
    expect(await seedIfEmpty(store, {})).toBe('not-empty');
    expect(store.sqlite.prepare('select count(*) as n from entries').get()).toEqual(before);
    await expect(seedIfEmpty(store, { RELEVE_SEED: 'demo-please' })).rejects.toThrow(/RELEVE_SEED/);
    await store.close();
  });
});
