// "Scanner une feuille" on a tablet database (fake-indexeddb): what a scanned code names (not ours,
// a kit sheet, a template or patient this tablet lacks, a form sheet), a transcription saved with
// the paper's author and time and stamped with the episode the paper was written in, and the
// same sheet scanned again saying who transcribed it.
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { qrPayloadText, SHEET_CANONICALS } from '../../src/domain/print/qr-payload';
import { canonicalOf, initialValues, setAnswers } from '../../src/domain/questionnaire';
import { transcriptionOf } from '../../src/domain/recovery/transcription';
import { db } from '../../src/client/db/schema';
import { appendEntry } from '../../src/client/db/append';
import { vitalSigns } from '../../src/server/seed/templates/vital-signs';
import { admin, admitPatient, nurse, signIn } from './helpers';

vi.mock('../../src/client/sync/loop', () => ({ requestSync: () => undefined }));

const { readScannedSheet } = await import('../../src/client/data/scan');
const { writeForm } = await import('../../src/client/data/forms');

const OTHER_ID = '0190a0a0-0000-7000-8000-000000000001';
let patientId: string;
let episodeId: string;
const sheetFor = (p: string | null, t = canonicalOf(vitalSigns)) => qrPayloadText({ t, p, d: null, u: 'MED' });

beforeAll(async () => {
  const d = db();
  await appendEntry(d, { docType: 'template', kind: 'create', parents: [], scope: 'global', body: vitalSigns }, admin);
  patientId = (await admitPatient(d)).entry.docId;
  const ended = { userId: admin.userId, name: admin.name, role: admin.role };
  const episode = await appendEntry(d, {
    docType: 'downtime', kind: 'create', parents: [], scope: 'unit:MED',
    body: { area: 'unit', unitCode: 'MED', startedAt: '2026-11-28T09:00:00.000Z', reason: 'drill', down: ['DPI'], drill: true, endedAt: '2026-11-28T13:00:00.000Z', endedBy: ended },
  }, admin);
  episodeId = episode.entry.docId;
  await signIn(d, nurse);
});

describe('readScannedSheet', () => {
  it('tells a code that is not Relève’s, a kit sheet, and a template or patient this tablet does not hold', async () => {
    expect(await readScannedSheet('https://example.org')).toEqual({ kind: 'not-ours' });
    expect((await readScannedSheet(qrPayloadText({ t: SHEET_CANONICALS.census, p: null, d: null, u: 'MED' }))).kind).toBe('not-a-form');
    expect((await readScannedSheet(sheetFor(patientId, 'https://releve.example/fhir/Questionnaire/nope|9'))).kind).toBe('no-template');
    expect((await readScannedSheet(sheetFor(OTHER_ID))).kind).toBe('no-patient');
    expect(await readScannedSheet(sheetFor(null))).toMatchObject({ kind: 'form', patient: null, already: [] });
  });

  it('opens the sheet’s form for its patient; once transcribed (in the episode of the paper time), says by whom and when', async () => {
    const text = sheetFor(patientId);
    const before = await readScannedSheet(text);
    expect(before).toMatchObject({ kind: 'form', patient: { patientId }, already: [] });

    let values = initialValues(vitalSigns.item);
    values = setAnswers(values, [{ linkId: 'vitals', row: 0 }], 'vs-time', ['2026-11-28T10:30']);
    values = setAnswers(values, [{ linkId: 'vitals', row: 0 }], 'vs-initials', ['JL']);
    const paper = { paperAuthor: 'JL', paperTime: '2026-11-28T10:30:00.000Z', sheet: text };
    const formId = await writeForm(patientId, vitalSigns, values, paper);
    const entry = (await db().entries.where('docId').equals(formId).toArray())[0]!;
    expect(entry.author.name).toBe(nurse.name);
    expect(entry.downtimeId).toBe(episodeId);
    expect(transcriptionOf(entry.body)).toEqual(paper);

    const after = await readScannedSheet(text);
    expect(after).toMatchObject({ kind: 'form', already: [{ docId: formId, by: nurse.name, paper: { paperAuthor: 'JL' } }] });
    // Another patient's sheet of the same template is another sheet.
    expect(await readScannedSheet(sheetFor(null))).toMatchObject({ already: [] });
  });
});
