// A tablet learns what an admin decided on a colleague enrolled offline: the decision is pulled
// as the enrolment's amend (server/sync/enrolment-decision.ts), and the bylines read it from
// the enrolment's current state, since the flag on each of her entries never changes.
import { describe, expect, it } from 'vitest';
import type { TFunction } from '../../src/client/i18n';
import { freshDb } from './helpers';
import { appendEntry } from '../../src/client/db/append';
import { applyServerEntries } from '../../src/client/db/apply-pull';
import { decisionsOf, loadEnrolments } from '../../src/client/data/enrolments';
import { authorName } from '../../src/client/ui/author-name';
import { flagTexts } from '../../src/client/ui/EntryByline';
import { newId, type Author, type Entry } from '../../src/domain/entry';
import { sealEntry } from '../../src/domain/hash';
import { ENROLMENT_DOC_TYPE, provisionalAuthor, type EnrolmentBody, type EnrolmentDecision } from '../../src/domain/provisional';

// A t() that shows which message was chosen and with what.
const t = ((key: string, opts?: Record<string, unknown>) => (opts ? `${key} ${JSON.stringify(opts)}` : key)) as unknown as TFunction;

const charge: Author = { userId: 'u-charge', name: 'Claire Chef', role: 'charge' };
const admin: Author = { userId: 'u-admin', name: 'Admin', role: 'admin' };
const body: EnrolmentBody = { accountId: newId(), username: 'marie.relief', name: 'Marie Relief', role: 'nurse' };
const served = (entries: Entry[]) => entries.map((e, i) => ({ ...e, serverSeq: i + 1, receivedAt: new Date().toISOString() }));

/** The charge nurse's enrolment, and the amend the server writes when an admin decides. */
async function enrolmentAndDecision(decision: EnrolmentDecision): Promise<[Entry, Entry]> {
  const { entry: create } = await appendEntry(freshDb(), { docType: ENROLMENT_DOC_TYPE, kind: 'create', parents: [], scope: 'unit:MED', body }, charge);
  const amend = await sealEntry({
    id: newId(), docId: create.docId, docType: ENROLMENT_DOC_TYPE, kind: 'amend', parents: [create.id], scope: 'unit:MED',
    body: { ...body, decision }, author: admin, deviceId: 'server-admin', deviceSeq: 1, createdAt: new Date().toISOString(),
  });
  return [create, amend];
}

describe('a pulled decision on a provisional account', () => {
  it('is pending until the amend arrives, then linked, with whose account', async () => {
    const linked: EnrolmentDecision = { status: 'linked', account: { userId: 'u-nurse2', name: 'Inès Roux' } };
    const [create, amend] = await enrolmentAndDecision(linked);
    const tablet = freshDb();
    await applyServerEntries(tablet, served([create]), 'global,unit:MED', 1);
    const before = await loadEnrolments(tablet);
    expect(before).toEqual([{ accountId: body.accountId, name: 'Marie Relief', enrolledBy: 'Claire Chef', enrolledAt: create.createdAt }]);
    expect(decisionsOf(before).size).toBe(0);

    await applyServerEntries(tablet, served([create, amend]), 'global,unit:MED', 2);
    const after = await loadEnrolments(tablet);
    expect(after).toMatchObject([{ accountId: body.accountId, enrolledBy: 'Claire Chef', decision: linked }]);
    expect(decisionsOf(after).get(body.accountId)).toEqual(linked);
  });

  it('a refusal keeps the reason', async () => {
    const refused: EnrolmentDecision = { status: 'refused', reason: 'Inconnue du service' };
    const tablet = freshDb();
    await applyServerEntries(tablet, served(await enrolmentAndDecision(refused)), 'global,unit:MED', 2);
    expect(decisionsOf(await loadEnrolments(tablet)).get(body.accountId)).toEqual(refused);
  });
});

describe('her byline follows the decision', () => {
  const marie = provisionalAuthor({ author: charge, body });
  const linked = new Map([[body.accountId, { status: 'linked', account: { userId: 'u-nurse2', name: 'Inès Roux' } } as const]]);
  const refused = new Map([[body.accountId, { status: 'refused', reason: 'Inconnue' } as const]]);

  it('names the real account once linked, both names always', () => {
    expect(authorName(t, marie)).toBe('enrol.byline {"name":"Marie Relief","by":"Claire Chef"}');
    expect(authorName(t, marie, new Map())).toBe('enrol.byline {"name":"Marie Relief","by":"Claire Chef"}');
    expect(authorName(t, marie, linked)).toBe('enrol.bylineLinked {"name":"Marie Relief","account":"Inès Roux","by":"Claire Chef"}');
    expect(authorName(t, marie, refused)).toBe('enrol.byline {"name":"Marie Relief","by":"Claire Chef"}');
    expect(authorName(t, charge, linked)).toBe('Claire Chef');
  });

  it('drops "to be confirmed" once linked, says refused and why, and keeps every other flag', () => {
    const flags = ['author_provisional', 'clock_suspect'] as const;
    expect(flagTexts(t, flags, undefined).map((f) => f.text)).toEqual(['notes.flag.author_provisional', 'notes.flag.clock_suspect']);
    expect(flagTexts(t, flags, linked.get(body.accountId)).map((f) => f.text)).toEqual(['notes.flag.clock_suspect']);
    expect(flagTexts(t, flags, refused.get(body.accountId)).map((f) => f.text)).toEqual(['notes.flag.authorRefused {"reason":"Inconnue"}', 'notes.flag.clock_suspect']);
  });
});
