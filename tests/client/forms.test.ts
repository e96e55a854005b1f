// The forms data layer on a tablet database (fake-indexeddb): checks before saving, the
// receiver's synthesis rule, live updates of the handover list, and temporary IPPs.
import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  deviceShortId, emptyRow, initialValues, setAnswers, TEMPORARY_IPP, type FormValues,
} from '../../src/domain/questionnaire';
import { db } from '../../src/client/db/schema';
import { appendEntry, InvalidEntryError } from '../../src/client/db/append';
import { getMeta, setMeta } from '../../src/client/db/meta';
import { handoverIpass } from '../../src/server/seed/templates/handover-ipass';
import { downtimeAdmission } from '../../src/server/seed/templates/downtime-admission';
import { admin, admitPatient as admitCensusPatient, dupont, nurse, nurse2, signIn } from './helpers';

// No server here: a save must not try to sync.
vi.mock('../../src/client/sync/loop', () => ({ requestSync: () => undefined }));

const { writeForm, amendForm, resolveForm, loadForms } = await import('../../src/client/data/forms');
const { loadTemplates, latestVersions } = await import('../../src/client/data/templates');
const { confirmHandover, loadWardHandover, wardHandoverQuery } = await import('../../src/client/data/handover');
const { admitPatient, nextTemporaryIpps, takeTemporaryIpp } = await import('../../src/client/data/admission');
const { loadWard } = await import('../../src/client/data/ward');

let patientId: string;

function ipassValues(): FormValues {
  let v = initialValues(handoverIpass.item);
  v = setAnswers(v, [], 'severity', ['unstable']);
  v = setAnswers(v, [{ linkId: 'summary', row: 0 }], 'summary-text', ['Sepsis urinaire, sous noradrénaline']);
  v = setAnswers(v, [{ linkId: 'actions', row: 0 }], 'action-text', ['Hémocultures si T > 38,5']);
  return v;
}

beforeAll(async () => {
  const d = db();
  await appendEntry(d, { docType: 'template', kind: 'create', parents: [], scope: 'global', body: handoverIpass }, admin);
  await appendEntry(d, { docType: 'template', kind: 'create', parents: [], scope: 'global', body: downtimeAdmission }, admin);
  patientId = (await admitCensusPatient(d, dupont)).entry.docId;
  await signIn(d, nurse);
});

describe('saving a form', () => {
  it('refuses a form that fails its template, writing nothing', async () => {
    const before = await db().entries.count();
    await expect(writeForm(patientId, handoverIpass, emptyRow())).rejects.toThrow(InvalidEntryError);
    await expect(writeForm(patientId, handoverIpass, setAnswers(ipassValues(), [], 'severity', ['critical']))).rejects.toThrow(/severity must be one of the listed options/);
    expect(await db().entries.count()).toBe(before);
  });

  it('saves a valid handover tied to its template version, for that patient', async () => {
    const docId = await writeForm(patientId, handoverIpass, ipassValues());
    const doc = await db().docs.get(docId);
    expect(doc).toMatchObject({ docType: 'form', scope: 'unit:MED', patientId, status: 'ok' });
    expect(doc!.body).toMatchObject({ questionnaire: `${handoverIpass.url}|1.0.0`, subject: { reference: `Patient/${patientId}` }, author: { display: nurse.name } });
  });
});

describe('the receiver’s synthesis', () => {
  it('is refused from the author, taken from another nurse, and the handover list follows live', async () => {
    await signIn(db(), nurse);
    const docId = await writeForm(patientId, handoverIpass, ipassValues());
    const seen: number[] = [];
    // The very query the ward's handover screen subscribes to.
    const sub = liveQuery(wardHandoverQuery('MED')).subscribe((rows) => {
      const row = rows.find((r) => r.patientId === patientId);
      seen.push(row?.handover?.confirmations.length ?? -1);
    });
    await vi.waitFor(() => expect(seen.length).toBeGreaterThan(0));
    const doc = (await db().docs.get(docId))!;
    expect(await loadWardHandover('MED')).toMatchObject([{ handover: { severity: 'unstable', openActions: [{ action: 'Hémocultures si T > 38,5' }] } }]);
    await expect(confirmHandover(doc, 'Repris')).rejects.toThrow(/another person than the handover’s author/);
    await signIn(db(), nurse2);
    await confirmHandover(doc, 'Repris : noradrénaline, hémocultures si fièvre');
    await vi.waitFor(() => expect(seen[seen.length - 1]).toBe(1));
    sub.unsubscribe();
    expect((await loadWard('MED')).find((r) => r.patientId === patientId)!.severity).toBe('unstable');
    await signIn(db(), nurse);
  });
});

describe('temporary IPPs', () => {
  it('come from the random tail of the device id, not its timestamp head', () => {
    const a = deviceShortId('01a22672-6d60-747a-957d-ca617d2cdf3f');
    const b = deviceShortId('01a22672-6d60-747a-957d-ca617d2cdf40');
    expect(a).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(a).not.toBe(b);
    expect(deviceShortId('01a22672-6d60-747a-957d-ca617d2cdf3f')).toBe(a); // stable
  });

  it('are handed out once each, from a counter that survives, and can be previewed without taking them', async () => {
    const short = deviceShortId((await getMeta(db(), 'deviceId'))!);
    const preview = await nextTemporaryIpps(3);
    expect(preview).toEqual([1, 2, 3].map((n) => `TMP-${short}-000${n}`));
    expect(await takeTemporaryIpp()).toBe(preview[0]);
    expect(await takeTemporaryIpp()).toBe(preview[1]);
    expect(await nextTemporaryIpps(1)).toEqual([preview[2]]);
    await setMeta(db(), 'temporaryIppSeq', 0); // back to the start for the next test
  });

  it('a downtime admission creates the patient in the ward with a temporary IPP, and its form', async () => {
    let v = initialValues(downtimeAdmission.item);
    const id = (linkId: string) => [{ linkId, row: 0 }] as const;
    v = setAnswers(v, id('identity'), 'last-name', ['Inconnu']);
    v = setAnswers(v, id('identity'), 'first-name', ['Homme']);
    v = setAnswers(v, id('identity'), 'birth-date', ['1970-01-01']);
    v = setAnswers(v, id('identity'), 'sex', ['M']);
    v = setAnswers(v, id('identity'), 'identity-check', ['unknown']);
    v = setAnswers(v, id('location'), 'room', ['130']);
    v = setAnswers(v, id('arrival'), 'arrival-at', ['2026-03-02T02:10']);
    v = setAnswers(v, id('arrival'), 'arrival-mode', ['ems']);
    v = setAnswers(v, id('arrival'), 'arrival-reason', ['Malaise sur la voie publique']);
    v = setAnswers(v, [], 'allergies', ['Pénicilline', 'Latex']);
    const { patientId: admitted, ipp } = await admitPatient('MED', downtimeAdmission, v);
    expect(ipp).toMatch(TEMPORARY_IPP);
    expect(ipp).toMatch(/-0001$/);
    const row = (await loadWard('MED')).find((r) => r.patientId === admitted)!;
    expect(row.patient).toMatchObject({ ipp, lastName: 'Inconnu', room: '130', sex: 'M', allergies: ['Pénicilline', 'Latex'], unitCode: 'MED' });
    const forms = await db().docs.where('[patientKey+docType]').equals([admitted, 'form']).toArray();
    expect(forms).toHaveLength(1);
    expect(JSON.stringify(forms[0]!.body)).toContain(ipp);
  });
});

describe('amend, conflict and versions', () => {
  it('an amend keeps the template version; two concurrent amends conflict until a person resolves them', async () => {
    await signIn(db(), nurse);
    const docId = await writeForm(patientId, handoverIpass, ipassValues());
    const base = (await db().docs.get(docId))!;
    await amendForm(base.docId, base.heads, handoverIpass, setAnswers(ipassValues(), [], 'severity', ['watcher']));
    // A second tablet's amend from the same version, arriving later: both are kept.
    await amendForm(base.docId, base.heads, handoverIpass, setAnswers(ipassValues(), [], 'severity', ['stable']));
    const conflicted = (await db().docs.get(docId))!;
    expect(conflicted.status).toBe('conflicted');
    expect(conflicted.headVersions).toHaveLength(2);
    await expect(amendForm(conflicted.docId, conflicted.heads, handoverIpass, ipassValues())).rejects.toThrow(/resolved, not amended/);
    await resolveForm(conflicted.docId, conflicted.heads, handoverIpass, setAnswers(ipassValues(), [], 'severity', ['watcher']));
    const resolved = (await db().docs.get(docId))!;
    expect(resolved.status).toBe('ok');
    expect(JSON.stringify(resolved.body)).toContain('"code":"watcher"');
    expect((resolved.body as { questionnaire: string }).questionnaire).toBe(`${handoverIpass.url}|1.0.0`);
  });

  it('a new template version is offered for new forms; old forms keep reading with their own', async () => {
    const v2 = { ...handoverIpass, version: '1.1.0', item: [...handoverIpass.item, { linkId: 'extra-note', type: 'string' as const, text: 'Remarque' }] };
    await appendEntry(db(), { docType: 'template', kind: 'create', parents: [], scope: 'global', body: v2 }, admin);
    const offered = latestVersions(await loadTemplates()).filter((t) => t.template.url === handoverIpass.url);
    expect(offered.map((t) => t.template.version)).toEqual(['1.1.0']);
    const forms = await loadForms(patientId);
    expect(forms.length).toBeGreaterThan(0);
    expect(forms.every((f) => f.template?.template.version === '1.0.0')).toBe(true);
  });
});
