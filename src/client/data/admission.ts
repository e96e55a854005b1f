// A patient admitted during the outage: a temporary IPP from this tablet's own block, a patient
// document in the ward's census, and the admission form filled against that patient.
import { useLiveQuery } from 'dexie-react-hooks';
import {
  ADMISSION_LINK_IDS, buildResponse, checkValues, describeProblems, deviceShortId, patientFromAdmission, setAnswers,
  temporaryIpp, type FormValues, type Questionnaire,
} from '../../domain/questionnaire';
import { patientBody } from '../../domain/schemas';
import { unitScope } from '../../domain/scope';
import { InvalidEntryError } from '../db/append';
import { ensureDeviceId, getMeta, setMeta } from '../db/meta';
import { db } from '../db/schema';
import { asStorageError } from '../db/storage-full';
import { createDoc } from './documents';
import { writeForm } from './forms';

/** The next temporary IPPs this tablet would give, without taking them (for print and preview). */
export async function nextTemporaryIpps(count = 1): Promise<string[]> {
  const d = db();
  const short = deviceShortId(await ensureDeviceId(d));
  const last = (await getMeta(d, 'temporaryIppSeq')) ?? 0;
  return Array.from({ length: count }, (_, i) => temporaryIpp(short, last + 1 + i));
}

/** undefined while loading; null on a tablet that has no device id yet. */
export function useNextTemporaryIpp(): string | null | undefined {
  // A live query may only read: the device id exists once someone has signed in on the tablet.
  return useLiveQuery(async () => {
    const d = db();
    const deviceId = await getMeta(d, 'deviceId');
    if (!deviceId) return null;
    return temporaryIpp(deviceShortId(deviceId), ((await getMeta(d, 'temporaryIppSeq')) ?? 0) + 1);
  }, []);
}

/**
 * Takes the next number for good, in its own durable transaction before anything uses it: a
 * crash afterwards skips a number, it can never hand the same one out twice.
 */
export async function takeTemporaryIpp(): Promise<string> {
  const d = db();
  const short = deviceShortId(await ensureDeviceId(d));
  try {
    return await d.transaction('rw', d.meta, async () => {
      const n = ((await getMeta(d, 'temporaryIppSeq')) ?? 0) + 1;
      await setMeta(d, 'temporaryIppSeq', n);
      return temporaryIpp(short, n);
    });
  } catch (err) {
    throw asStorageError(err);
  }
}

/** Admits the patient; returns the new patient's docId. */
export async function admitPatient(unitCode: string, template: Questionnaire, values: FormValues): Promise<{ patientId: string; ipp: string }> {
  const found = checkValues(template, values);
  if (found.length > 0) throw new InvalidEntryError(describeProblems(found));
  const now = new Date().toISOString();
  // The census record first: the form's subject must be a patient that exists.
  const draft = patientFromAdmission(buildResponse(template, values, { patientId: 'pending', authored: now }), 'TMP', unitCode, now);
  const checked = patientBody.safeParse(draft);
  if (!checked.success) throw new InvalidEntryError(checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const ipp = await takeTemporaryIpp();
  const { doc } = await createDoc('patient', unitScope(unitCode), { ...checked.data, ipp });
  await writeForm(doc.docId, template, setAnswers(values, [], ADMISSION_LINK_IDS.ipp, [ipp]));
  return { patientId: doc.docId, ipp };
}
