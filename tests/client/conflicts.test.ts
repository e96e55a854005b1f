// Conflicts you can find (issue 11), on a tablet database (fake-indexeddb): the sync page's list
// names each conflicted document with its patient and a link that opens it, and the ward board
// marks the patient of a conflicted form, not only of a conflicted note.
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { initialValues, setAnswers } from '../../src/domain/questionnaire';
import { db } from '../../src/client/db/schema';
import { appendEntry } from '../../src/client/db/append';
import { handoverIpass } from '../../src/server/seed/templates/handover-ipass';
import { admin, admitPatient, dupont, nurse, signIn } from './helpers';

vi.mock('../../src/client/sync/loop', () => ({ requestSync: () => undefined }));

const { writeForm, amendForm } = await import('../../src/client/data/forms');
const { loadConflicts } = await import('../../src/client/data/conflicts');
const { loadWard } = await import('../../src/client/data/ward');

const ipass = (severity: string) => {
  let v = initialValues(handoverIpass.item);
  v = setAnswers(v, [], 'severity', [severity]);
  v = setAnswers(v, [{ linkId: 'summary', row: 0 }], 'summary-text', ['Sepsis urinaire']);
  return setAnswers(v, [{ linkId: 'actions', row: 0 }], 'action-text', ['Hémocultures si T > 38,5']);
};

let patientId: string;
beforeAll(async () => {
  await appendEntry(db(), { docType: 'template', kind: 'create', parents: [], scope: 'global', body: handoverIpass }, admin);
  patientId = (await admitPatient(db(), dupont)).entry.docId;
  await signIn(db(), nurse);
});

describe('conflicts you can find', () => {
  it('lists a conflicted form with its patient, its template and a link to it; the board marks her row', async () => {
    const docId = await writeForm(patientId, handoverIpass, ipass('unstable'));
    expect(await loadConflicts()).toEqual([]);
    expect((await loadWard('MED')).find((r) => r.patientId === patientId)?.conflicted).toBe(false);
    const base = (await db().docs.get(docId))!;
    await amendForm(base.docId, base.heads, handoverIpass, ipass('watcher'));
    await amendForm(base.docId, base.heads, handoverIpass, ipass('stable'));

    const [c, ...rest] = await loadConflicts();
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ docId, docType: 'form', patientId, versions: 2, link: `/patient/${patientId}/form/${docId}` });
    expect(c!.patient).toMatchObject({ lastName: 'Dupont', birthDate: '1950-03-02', ipp: '80000001', room: '112', bed: 'A' });
    expect(c!.template?.url).toBe(handoverIpass.url);
    expect((await loadWard('MED')).find((r) => r.patientId === patientId)?.conflicted).toBe(true);
  });
});
