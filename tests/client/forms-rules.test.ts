// The tablet's save of a form with SDC rules (corpus form 21) on a tablet database
// (fake-indexeddb): the age computed from %patient is the patient this tablet holds; a broken
// warning rule saves, a broken error rule is refused and writes nothing.
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  emptyRow, initialValues, loadFormsEngine, setAnswers, type FormValues, type QuestionnaireResponse, type Questionnaire,
} from '../../src/domain/questionnaire';
import { db } from '../../src/client/db/schema';
import { appendEntry, InvalidEntryError } from '../../src/client/db/append';
import { importCorpus } from '../domain/questionnaire-corpus';
import { admin, admitPatient, dupont, nurse, signIn } from './helpers';

// No server here: a save must not try to sync.
vi.mock('../../src/client/sync/loop', () => ({ requestSync: () => undefined }));

const { writeForm } = await import('../../src/client/data/forms');

let patientId: string;
let q: Questionnaire;

beforeAll(async () => {
  q = importCorpus('21-form-behavior-rules', await loadFormsEngine()).template!;
  await appendEntry(db(), { docType: 'template', kind: 'create', parents: [], scope: 'global', body: q }, admin);
  patientId = (await admitPatient(db(), dupont)).entry.docId;
  await signIn(db(), nurse);
});

/** What a nurse typed; the age is left for the save to compute. */
function typed(debit: string, retrait?: string): FormValues {
  let v = initialValues(q.item);
  v = { ...v, groups: { ...v.groups, produits: [setAnswers(setAnswers(emptyRow(), [], 'produit', ['Héparine']), [], 'debit', [debit])] } };
  v = setAnswers(v, [{ linkId: 'horaires', row: 0 }], 'pose', ['08:00']);
  return retrait ? setAnswers(v, [{ linkId: 'horaires', row: 0 }], 'retrait', [retrait]) : v;
}

describe('saving a form with rules on the tablet', () => {
  it('saves with a broken warning rule, and computes the age from the patient held', async () => {
    const docId = await writeForm(patientId, q, typed('400'));
    const body = (await db().docs.get(docId))!.body as QuestionnaireResponse;
    const age = body.item!.find((i) => i.linkId === 'identite')!.item!.find((i) => i.linkId === 'age')!.answer;
    expect(age).toEqual([{ valueInteger: new Date().getFullYear() - 1950 }]);
  });

  it('refuses a broken error rule with its own wording, writing nothing', async () => {
    const before = await db().entries.count();
    await expect(writeForm(patientId, q, typed('20', '07:00'))).rejects.toThrow(InvalidEntryError);
    await expect(writeForm(patientId, q, typed('20', '07:00'))).rejects.toThrow(/L’heure de retrait doit suivre l’heure de pose/);
    expect(await db().entries.count()).toBe(before);
  });
});
