// The world of the provisional-account tests: demo-charge enrolled Marie offline on her tablet,
// Marie wrote a note, both reached the server; an admin and a MED nurse are signed in too.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, expect } from 'vitest';
import { newId, type Entry } from '../../src/domain/entry';
import { ENROLMENT_DOC_TYPE, provisionalAuthor, type EnrolmentBody } from '../../src/domain/provisional';
import type { Store } from '../../src/server/store/open-store';
import { bearer, closeAll, entryBy, login, patientsOf, push, testApp, type Tablet } from './helpers';

export interface World {
  app: FastifyInstance;
  store: Store;
  charge: Tablet;
  admin: Tablet;
  nurse: Tablet;
  enrol: Entry & { body: EnrolmentBody };
  note: Entry;
}

/** Closes every world a test file made, once it is done. */
export function provisionalWorlds(): () => Promise<World> {
  const worlds: World[] = [];
  afterAll(async () => {
    for (const w of worlds) await closeAll(w.app, w.store);
  });
  return async () => {
    const { app, store } = await testApp();
    const charge = await login(app, 'demo-charge');
    const med = await patientsOf(store, 'MED');
    const body: EnrolmentBody = { accountId: newId(), username: 'marie.relief', name: 'Marie Relief', role: 'nurse' };
    const enrol = (await entryBy(charge, { docType: ENROLMENT_DOC_TYPE, scope: 'unit:MED', body })) as World['enrol'];
    const note = await entryBy(charge, { patient: med[0], author: provisionalAuthor(enrol) });
    const res = await push(app, charge, [enrol, note]);
    expect(res.results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    const w = { app, store, charge, admin: await login(app, 'demo-admin'), nurse: await login(app, 'demo-nurse'), enrol, note };
    worlds.push(w);
    return w;
  };
}

/** POST /api/admin/provisional/:id as `t`. */
export const decide = (w: World, t: Tablet, body: object, id = w.enrol.body.accountId): Promise<LightMyRequestResponse> =>
  w.app.inject({ method: 'POST', url: `/api/admin/provisional/${id}`, headers: bearer(t), payload: body });
