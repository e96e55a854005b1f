// The rules of a downtime episode: which one is in force for a scope (stamping), ward versus
// hospital, ending, conflicts, retraction and drills.
import { describe, expect, it } from 'vitest';
import { projectDocument, type DocState } from '../../src/domain/project';
import { downtimeStamp, elapsedSince, endedBody, episodeInForce, episodesCovering, toEpisode } from '../../src/domain/downtime/episode';
import { bodyProblem, envelopeProblem } from '../../src/domain/schemas';
import type { DowntimeBody } from '../../src/domain/schemas/downtime';
import { amend, chargeNadia, makeCreate, resolve, retract, UNIT, UNIT_SCOPE } from './fixtures';

const wardEpisode = (over: Partial<DowntimeBody> = {}): DowntimeBody => ({
  area: 'unit', unitCode: UNIT, startedAt: '2026-02-09T14:05:00.000Z', reason: 'switchboard', down: ['phones'], drill: false, ...over,
});
const hospitalEpisode = (over: Partial<DowntimeBody> = {}): DowntimeBody => ({
  area: 'hospital', startedAt: '2026-02-09T13:00:00.000Z', reason: 'cyberattack', down: ['records', 'network'], drill: false, ...over,
});
const ender = { userId: chargeNadia.userId, name: chargeNadia.name, role: chargeNadia.role };

async function declared(body: DowntimeBody, scope = body.area === 'unit' ? `unit:${body.unitCode}` : 'global') {
  const create = await makeCreate(body, { docType: 'downtime', scope, author: chargeNadia, patientId: undefined });
  return { create, doc: projectDocument([create]) };
}

describe('which episode is in force (the stamp an entry carries)', () => {
  it('stamps an entry of the ward with the ward episode, and nothing once it has ended', async () => {
    const { create, doc } = await declared(wardEpisode());
    expect(downtimeStamp([doc], { docType: 'note', scope: UNIT_SCOPE })).toBe(create.docId);
    expect(downtimeStamp([doc], { docType: 'form', scope: UNIT_SCOPE })).toBe(create.docId);

    const end = await amend(create, endedBody(wardEpisode(), '2026-02-09T16:15:00.000Z', ender), { author: chargeNadia });
    const ended = projectDocument([create, end]);
    expect(toEpisode(ended)?.inForce).toBe(false);
    expect(downtimeStamp([ended], { docType: 'note', scope: UNIT_SCOPE })).toBeUndefined();
  });

  it('keeps a ward episode to its ward: another ward and global content are not stamped with it', async () => {
    const { doc } = await declared(wardEpisode());
    expect(downtimeStamp([doc], { docType: 'note', scope: 'unit:MED' })).toBeUndefined();
    expect(downtimeStamp([doc], { docType: 'procedure', scope: 'global' })).toBeUndefined();
  });

  it('stamps every ward and global content with a hospital-wide episode, but prefers the ward’s own', async () => {
    const hospital = await declared(hospitalEpisode());
    expect(downtimeStamp([hospital.doc], { docType: 'note', scope: 'unit:MED' })).toBe(hospital.create.docId);
    expect(downtimeStamp([hospital.doc], { docType: 'contact', scope: 'global' })).toBe(hospital.create.docId);

    const ward = await declared(wardEpisode());
    const docs = [hospital.doc, ward.doc];
    expect(downtimeStamp(docs, { docType: 'note', scope: UNIT_SCOPE })).toBe(ward.create.docId);
    expect(episodesCovering(docs, UNIT_SCOPE).map((e) => e.docId)).toEqual([ward.create.docId, hospital.create.docId]);
    expect(downtimeStamp(docs, { docType: 'note', scope: 'unit:MED' })).toBe(hospital.create.docId);
  });

  it('does not stamp an episode with itself or another episode', async () => {
    const { doc } = await declared(wardEpisode());
    expect(downtimeStamp([doc], { docType: 'downtime', scope: UNIT_SCOPE })).toBeUndefined();
  });

  it('picks the same episode on every tablet when two were declared offline: earliest start, then id', async () => {
    const later = await declared(wardEpisode({ startedAt: '2026-02-09T14:30:00.000Z' }));
    const earlier = await declared(wardEpisode({ startedAt: '2026-02-09T14:05:00.000Z' }));
    expect(episodeInForce([later.doc, earlier.doc], UNIT_SCOPE)?.docId).toBe(earlier.create.docId);
    expect(episodeInForce([earlier.doc, later.doc], UNIT_SCOPE)?.docId).toBe(earlier.create.docId);

    const a = await declared(wardEpisode());
    const b = await declared(wardEpisode());
    const first = a.create.docId < b.create.docId ? a.create.docId : b.create.docId;
    expect(episodeInForce([a.doc, b.doc], UNIT_SCOPE)?.docId).toBe(first);
    expect(episodeInForce([b.doc, a.doc], UNIT_SCOPE)?.docId).toBe(first);
  });

  it('keeps an episode in force while one tablet ended it and another edited it, until a person resolves', async () => {
    const { create } = await declared(wardEpisode());
    const endedHere = await amend(create, endedBody(wardEpisode(), '2026-02-09T16:15:00.000Z', ender), { author: chargeNadia, deviceId: 'tab-a' });
    const editedThere = await amend(create, wardEpisode({ note: 'DECT aussi en panne' }), { author: chargeNadia, deviceId: 'tab-b' });
    const conflicted = projectDocument([create, endedHere, editedThere]);
    const ep = toEpisode(conflicted)!;
    expect(ep.conflicted).toBe(true);
    expect(ep.inForce).toBe(true);
    expect(ep.body.endedAt).toBeUndefined();
    expect(downtimeStamp([conflicted], { docType: 'note', scope: UNIT_SCOPE })).toBe(create.docId);

    const merged = await resolve([endedHere, editedThere], endedBody(wardEpisode({ note: 'DECT aussi en panne' }), '2026-02-09T16:15:00.000Z', ender), { author: chargeNadia });
    const settled = projectDocument([create, endedHere, editedThere, merged]);
    expect(toEpisode(settled)).toMatchObject({ inForce: false, conflicted: false });
  });

  it('stamps nothing with an episode declared in error (retracted)', async () => {
    const { create } = await declared(wardEpisode());
    const oops = await retract(create, 'Déclaré sur le mauvais service', { author: chargeNadia });
    const doc: DocState = projectDocument([create, oops]);
    expect(toEpisode(doc)?.inForce).toBe(false);
    expect(downtimeStamp([doc], { docType: 'note', scope: UNIT_SCOPE })).toBeUndefined();
  });

  it('records who ended the episode and when', () => {
    const body = endedBody(wardEpisode(), '2026-02-09T16:15:00.000Z', { ...ender, extra: 'x' } as typeof ender);
    expect(body.endedAt).toBe('2026-02-09T16:15:00.000Z');
    expect(body.endedBy).toEqual(ender);
  });

  it('counts the time since the start for the banner, never negative', () => {
    expect(elapsedSince('2026-02-09T14:05:00.000Z', new Date('2026-02-09T16:15:30.000Z'))).toEqual({ hours: 2, minutes: 10 });
    expect(elapsedSince('2026-02-09T14:05:00.000Z', new Date('2026-02-09T14:00:00.000Z'))).toEqual({ hours: 0, minutes: 0 });
  });
});

describe('episode bodies and envelopes', () => {
  const entry = async (body: unknown, scope: string) =>
    makeCreate(body, { docType: 'downtime', scope, author: chargeNadia, patientId: undefined });

  it('marks a drill as such: reason drill needs drill: true, and any reason can be rehearsed', async () => {
    expect(bodyProblem(await entry(wardEpisode({ reason: 'drill', drill: true }), UNIT_SCOPE))).toBeNull();
    expect(bodyProblem(await entry(wardEpisode({ reason: 'cyberattack', drill: true }), UNIT_SCOPE))).toBeNull();
    expect(bodyProblem(await entry(wardEpisode({ reason: 'drill', drill: false }), UNIT_SCOPE))).toContain('a drill is marked drill: true');
  });

  it('ties the scope to the area: a ward episode in its ward, a hospital one in global', async () => {
    expect(envelopeProblem(await entry(wardEpisode(), UNIT_SCOPE), 'charge')).toBeNull();
    expect(envelopeProblem(await entry(wardEpisode(), 'unit:MED'), 'charge')).toContain(`lives in scope unit:${UNIT}`);
    expect(envelopeProblem(await entry(wardEpisode(), 'global'), 'admin')).toContain(`lives in scope unit:${UNIT}`);
    expect(envelopeProblem(await entry(hospitalEpisode(), 'global'), 'admin')).toBeNull();
    expect(envelopeProblem(await entry(hospitalEpisode(), UNIT_SCOPE), 'admin')).toBe('a hospital-wide downtime lives in scope global');
  });

  it('lets charge nurses and admins declare, never a nurse', async () => {
    const e = await entry(wardEpisode(), UNIT_SCOPE);
    expect(envelopeProblem(e, 'charge')).toBeNull();
    expect(envelopeProblem(e, 'admin')).toBeNull();
    expect(envelopeProblem(e, 'nurse')).toBe('role nurse may not write downtime');
  });

  it('refuses inconsistent bodies with a reason', async () => {
    const cases: [unknown, string][] = [
      [{ ...wardEpisode(), unitCode: undefined }, 'unitCode'],
      [{ ...hospitalEpisode(), unitCode: 'MED' }, 'unitCode'],
      [{ ...wardEpisode(), endedAt: '2026-02-09T16:00:00.000Z' }, 'endedAt and endedBy go together'],
      [endedBody(wardEpisode(), '2026-02-09T12:00:00.000Z', ender), 'cannot end before it started'],
      [{ ...wardEpisode(), reason: 'flood' }, 'reason'],
      [{ ...wardEpisode(), startedAt: 'yesterday' }, 'startedAt'],
    ];
    for (const [body, reason] of cases) expect(bodyProblem(await entry(body, UNIT_SCOPE))).toContain(reason);
  });
});
