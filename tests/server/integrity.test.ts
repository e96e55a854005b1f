// Clinical integrity on push (issue 10, part 1). Every rule is shown twice: holding, and gone
// when its check is switched off (checksOff), so each test can be seen to fail without it.
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { newId, type Entry } from '../../src/domain/entry';
import type { PushResult } from '../../src/domain/protocol';
import type { Store } from '../../src/server/store/open-store';
import { amendOf, closeAll, entryBy, login, NOTE, patientsOf, pull, push, testApp, type Tablet } from './helpers';

interface World {
  app: FastifyInstance;
  store: Store;
  nurse: Tablet;
  nurse2: Tablet;
  charge: Tablet;
  med: Entry[];
  chir: Entry[];
}

const worlds: World[] = [];
async function world(checksOff: string[] = []): Promise<World> {
  const { app, store } = await testApp({ checksOff });
  const w: World = {
    app,
    store,
    nurse: await login(app, 'demo-nurse'),
    nurse2: await login(app, 'demo-nurse2'),
    charge: await login(app, 'demo-charge'),
    med: await patientsOf(store, 'MED'),
    chir: await patientsOf(store, 'CHIR'),
  };
  worlds.push(w);
  return w;
}
afterAll(async () => {
  for (const w of worlds) await closeAll(w.app, w.store);
});

const one = async (w: World, t: Tablet, e: Entry): Promise<PushResult> => (await push(w.app, t, [e])).results[0]!;

/** Runs `scenario` with the check on (expect `on`) and off (expect `off`): the check is what makes the difference. */
async function onAndOff(check: string, scenario: (w: World) => Promise<PushResult>, on: Partial<PushResult>, off: Partial<PushResult>) {
  expect(await scenario(await world())).toMatchObject(on);
  expect(await scenario(await world([check]))).toMatchObject(off);
}

const accepted = { status: 'accepted' } as const;
const rejected = (reason: RegExp) => ({ status: 'rejected' as const, reason: expect.stringMatching(reason) as string });

/** Tests that build a fresh server twice per case (checks on and off) get more than the default 20 s. */
const MANY_WORLDS_MS = 90_000;

describe('author: the byline is the account', () => {
  it('refuses a forged name or role, even with the right userId', async () => {
    await onAndOff('author', async (w) => one(w, w.nurse, await entryBy(w.nurse, { patient: w.med[0], author: { userId: w.nurse.user.id, name: 'Dr Martin (chef de service)', role: 'nurse' } })), rejected(/author name and role/), accepted);
    await onAndOff('author', async (w) => one(w, w.nurse, await entryBy(w.nurse, { patient: w.med[0], author: { ...authorOf(w.nurse), role: 'admin' } })), rejected(/author name and role/), accepted);
  }, MANY_WORLDS_MS);

  it("accepts the name the account had when the entry was written (renamed during an outage), not after", async () => {
    const w = await world();
    const oldName = 'Ancien Nom';
    w.store.sqlite.prepare('insert into user_history (user_id, name, role, until) values (?, ?, ?, ?)').run(w.nurse.user.id, oldName, 'nurse', '2026-03-01T00:00:00.000Z');
    const before = await entryBy(w.nurse, { patient: w.med[0], author: { ...authorOf(w.nurse), name: oldName }, createdAt: '2026-02-28T10:00:00.000Z' });
    const after = await entryBy(w.nurse, { patient: w.med[0], author: { ...authorOf(w.nurse), name: oldName }, createdAt: '2026-03-01T10:00:00.000Z' });
    expect(await one(w, w.nurse, before)).toMatchObject(accepted);
    expect(await one(w, w.nurse, after)).toMatchObject(rejected(/author name and role/));
  });
});

const authorOf = (t: Tablet) => ({ userId: t.user.id, name: t.user.name, role: t.user.role });

describe('patientId names a patient of the same ward', () => {
  it('refuses a note on another ward’s patient, on no patient, or on a note', async () => {
    await onAndOff('patient-link', async (w) => one(w, w.nurse, await entryBy(w.nurse, { patientId: w.chir[0]!.docId, scope: 'unit:MED' })), rejected(/is in scope unit:CHIR/), accepted);
    await onAndOff('patient-link', async (w) => one(w, w.nurse, await entryBy(w.nurse, { patientId: newId(), scope: 'unit:MED' })), rejected(/unknown patient/), accepted);
    await onAndOff(
      'patient-link',
      async (w) => {
        const note = await entryBy(w.nurse, { patient: w.med[0] });
        await push(w.app, w.nurse, [note]);
        return one(w, w.nurse, await entryBy(w.nurse, { patientId: note.docId, scope: 'unit:MED' }));
      },
      rejected(/is a note, not a patient/),
      accepted,
    );
  });

  it('accepts, flagged, a note written offline on a patient retracted since; the flag travels with the entry', async () => {
    const scenario = async (w: World) => {
      const written = await entryBy(w.nurse, { patient: w.med[4] }); // on the tablet, offline
      const retract = await entryBy(w.charge, { docId: w.med[4]!.docId, docType: 'patient', kind: 'retract', parents: [w.med[4]!.id], scope: 'unit:MED', body: { reason: 'Sorti' } });
      expect(await one(w, w.charge, retract)).toMatchObject(accepted);
      const result = await one(w, w.nurse, written);
      const pulled = (await pull(w.app, w.nurse2, 0, 1000)).entries.find((e) => e.id === written.id);
      return { ...result, flags: result.flags ?? null, pulledFlags: pulled?.flags ?? null } as unknown as PushResult;
    };
    await onAndOff('patient-link', scenario, { status: 'accepted', flags: ['patient_inactive'], pulledFlags: ['patient_inactive'] } as Partial<PushResult>, { status: 'accepted', flags: null, pulledFlags: null } as unknown as Partial<PushResult>);
  });

  it('judges each note of one push on the patient as the push has left her: a note after her retract in the same push is flagged', async () => {
    const scenario = async (w: World) => {
      const p = w.med[5]!;
      const before = await entryBy(w.charge, { patient: p });
      const retract = await entryBy(w.charge, { docId: p.docId, docType: 'patient', kind: 'retract', parents: [p.id], scope: 'unit:MED', body: { reason: 'Sorti' } });
      const after = await entryBy(w.charge, { patient: p });
      const results = (await push(w.app, w.charge, [before, retract, after])).results;
      expect(results.slice(0, 2).map((r) => [r.status, r.flags ?? null])).toEqual([['accepted', null], ['accepted', null]]);
      return { ...results[2]!, flags: results[2]!.flags ?? null } as unknown as PushResult;
    };
    await onAndOff('patient-link', scenario, { status: 'accepted', flags: ['patient_inactive'] } as Partial<PushResult>, { status: 'accepted', flags: null } as unknown as Partial<PushResult>);
  });

  /** A note written offline on med[i], pushed after `meanwhile` changed the patient: its result and flags. */
  const writtenBefore = async (w: World, i: number, meanwhile: (p: Entry) => Promise<Entry>) => {
    const written = await entryBy(w.nurse, { patient: w.med[i] });
    const change = await one(w, w.charge, await meanwhile(w.med[i]!));
    expect(change, change.reason).toMatchObject(accepted);
    const result = await one(w, w.nurse, written);
    return { ...result, flags: result.flags ?? null } as unknown as PushResult;
  };
  const flagged = (flag: string) => ({ status: 'accepted', flags: [flag] }) as Partial<PushResult>;
  const unflagged = { status: 'accepted', flags: null } as unknown as Partial<PushResult>;

  // A patient moved to another ward since is flagged patient_moved: only the HIS feed moves a
  // patient, so that case is tested over MLLP (mllp-adt.test.ts, A02).
  it('accepts, flagged, a note written offline on a patient discharged since', async () => {
    const discharge = (p: Entry) => amendOf(w0.charge, p, { ...(p.body as object), status: 'discharged', dischargedAt: '2026-12-01T08:00:00.000Z' });
    let w0!: World;
    await onAndOff('patient-link', async (w) => ((w0 = w), writtenBefore(w, 3, discharge)), flagged('patient_inactive'), unflagged);
  });
});

describe('identitovigilance', () => {
  const patientBody = (p: Entry) => p.body as Record<string, unknown>;

  it('refuses a second live patient with the same IPP, but not once the first is retracted', async () => {
    const dup = async (w: World) => entryBy(w.charge, { docType: 'patient', scope: 'unit:MED', body: { ...patientBody(w.med[0]!), lastName: 'DOUBLON' } });
    await onAndOff('unique-ipp', async (w) => one(w, w.charge, await dup(w)), rejected(/IPP .* already the IPP of another patient/), accepted);
    const w = await world();
    const retract = await entryBy(w.charge, { docId: w.med[0]!.docId, docType: 'patient', kind: 'retract', parents: [w.med[0]!.id], scope: 'unit:MED', body: { reason: 'Doublon' } });
    expect(await one(w, w.charge, retract)).toMatchObject(accepted);
    expect(await one(w, w.charge, await dup(w))).toMatchObject(accepted);
  });

  it("lets a nurse change room, bed and allergies but not the patient's name, birth date, sex or IPP", async () => {
    const w = await world();
    const p = w.med[1]!;
    expect(await one(w, w.nurse, await amendOf(w.nurse, p, { ...patientBody(p), room: '999', allergies: ['Latex'] }))).toMatchObject(accepted);
    for (const change of [{ lastName: 'AUTRE' }, { birthDate: '1901-01-01' }, { sex: 'X' }, { ipp: '99999999' }]) {
      const amend = await amendOf(w.nurse, p, { ...patientBody(p), ...change });
      expect(await one(w, w.nurse, amend), JSON.stringify(change)).toMatchObject(rejected(/only a charge nurse or an admin may change a patient's identity/));
    }
    await onAndOff('identity-amend', async (x) => one(x, x.nurse, await amendOf(x.nurse, x.med[1]!, { ...patientBody(x.med[1]!), lastName: 'AUTRE' })), rejected(/identity/), accepted);
    expect(await one(w, w.charge, await amendOf(w.charge, p, { ...patientBody(p), lastName: 'CORRIGÉ' }))).toMatchObject(accepted);
  });

  const retractOf = (t: Tablet, target: Entry) =>
    entryBy(t, { docId: target.docId, docType: target.docType, kind: 'retract', parents: [target.id], scope: target.scope, ...(target.patientId ? { patientId: target.patientId } : {}), body: { reason: 'Erreur' } });

  it('lets only a charge nurse or an admin retract a patient', async () => {
    await onAndOff('retract-by', async (w) => one(w, w.nurse, await retractOf(w.nurse, w.med[2]!)), rejected(/only a charge nurse or an admin may retract a patient/), accepted);
    const w = await world();
    expect(await one(w, w.charge, await retractOf(w.charge, w.med[2]!))).toMatchObject(accepted);
  });

  it("lets only its author, a charge nurse or an admin retract a note", async () => {
    const scenario = async (w: World) => {
      const note = await entryBy(w.nurse, { patient: w.med[3] });
      await push(w.app, w.nurse, [note]);
      return one(w, w.nurse2, await retractOf(w.nurse2, note));
    };
    await onAndOff('retract-by', scenario, rejected(/only its author, a charge nurse or an admin may retract this note/), accepted);
    const w = await world();
    const mine = await entryBy(w.nurse, { patient: w.med[3] });
    const other = await entryBy(w.nurse, { patient: w.med[3] });
    await push(w.app, w.nurse, [mine, other]);
    expect(await one(w, w.nurse, await retractOf(w.nurse, mine))).toMatchObject(accepted);
    expect(await one(w, w.charge, await retractOf(w.charge, other))).toMatchObject(accepted);
  });
});

describe('clinical text and device clocks', () => {
  it('refuses bidi overrides, NUL and invisible controls in the body or the byline', async () => {
    for (const text of ['10 mg \u202E gm 01', 'a\u0000b', 'zéro\u200Blargeur', '\u2066isolé\u2069', 'BOM\uFEFF']) {
      await onAndOff('invisible-text', async (w) => one(w, w.nurse, await entryBy(w.nurse, { patient: w.med[0], body: { ...NOTE, data: text } })), rejected(/invisible control character/), accepted);
    }
    const w = await world();
    const ok = await entryBy(w.nurse, { patient: w.med[0], body: { ...NOTE, data: 'ligne 1\nligne 2\tTab — « accents » éàü 🙂' } });
    expect(await one(w, w.nurse, ok)).toMatchObject(accepted);
  }, MANY_WORLDS_MS);

  it('accepts, flagged clock_suspect, an entry whose device clock was reset or runs ahead', async () => {
    for (const createdAt of ['1970-01-01T00:00:05.000Z', '2099-06-01T00:00:00.000Z']) {
      const scenario = async (w: World) => {
        const r = await one(w, w.nurse, await entryBy(w.nurse, { patient: w.med[0], createdAt }));
        return { ...r, flags: r.flags ?? null } as unknown as PushResult;
      };
      await onAndOff('clock', scenario, { status: 'accepted', flags: ['clock_suspect'] }, { status: 'accepted', flags: null } as unknown as Partial<PushResult>);
    }
    const w = await world();
    expect((await one(w, w.nurse, await entryBy(w.nurse, { patient: w.med[0] }))).flags).toBeUndefined();
  });
});
