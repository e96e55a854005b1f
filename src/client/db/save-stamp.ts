// What a save stamps on its entry from the tablet's own state (device id, device sequence, the
// downtime episode in force), guessed from this database's last save so the entry can be hashed
// (WebCrypto, asynchronous) BEFORE the write transaction opens: keeping a transaction alive
// across an await costs about as much as its commit. The transaction then reads the truth, and
// the save hashes again inside it when the guess was wrong (another tab saved, an episode began).
import type { ReleveDb } from './schema';
import { getDeviceCounter } from './meta';
import { downtimeStampFor } from './downtime-stamp';
import { newId } from '../../domain/entry';

export interface Stamp {
  deviceId: string;
  deviceSeq: number;
  downtimeId: string | undefined;
  /** The tablet had no device id yet: this save makes it. */
  newDevice?: true;
}

interface Remembered {
  deviceId: string;
  deviceSeq: number;
  /** The episode in force per scope, as the last save in that scope found it. */
  downtime: Map<string, string | undefined>;
  /**
   * Patients this database is known to hold, saved or checked by an earlier save. Documents are
   * never deleted (append-only; a wipe deletes the whole database, and its successor has another
   * device id, which the save's stamp check catches first), so a later save need not read her again.
   */
  patients: Set<string>;
}

const remembered = new WeakMap<ReleveDb, Remembered>();

interface StampDraft {
  docType: string;
  scope: string;
  downtimeId?: string;
}

/** The stamp this save will most likely get: from memory, or read once without any disk flush. */
export async function guessStamp(db: ReleveDb, draft: StampDraft): Promise<Stamp> {
  const last = remembered.get(db);
  const episodeKnown = draft.downtimeId !== undefined || draft.docType === 'downtime' || last?.downtime.has(draft.scope);
  if (last && episodeKnown) {
    const downtimeId = draft.downtimeId ?? (draft.docType === 'downtime' ? undefined : last.downtime.get(draft.scope));
    return { deviceId: last.deviceId, deviceSeq: last.deviceSeq + 1, downtimeId };
  }
  return db.transaction('r', [db.meta, db.docs], async () => {
    const [{ deviceId, deviceSeq }, downtimeId] = await Promise.all([getDeviceCounter(db), draft.downtimeId ?? downtimeStampFor(db, draft)]);
    // A tablet's very first save makes its device id (written with that save).
    if (deviceId === undefined) return { deviceId: newId(), deviceSeq: (deviceSeq ?? 0) + 1, downtimeId, newDevice: true };
    return { deviceId, deviceSeq: (deviceSeq ?? 0) + 1, downtimeId };
  });
}

export function sameStamp(a: Stamp, b: Stamp): boolean {
  return a.deviceId === b.deviceId && a.deviceSeq === b.deviceSeq && a.downtimeId === b.downtimeId && a.newDevice === b.newDevice;
}

/**
 * After a save committed: what the next save on this database will guess, and `patient`, the
 * patient this save created or found (none when it named none).
 */
export function rememberStamp(db: ReleveDb, draft: StampDraft, stamp: Stamp, patient: string | undefined): void {
  const last = remembered.get(db);
  const same = last?.deviceId === stamp.deviceId;
  const downtime = same ? last.downtime : new Map<string, string | undefined>();
  const patients = same ? last.patients : new Set<string>();
  // A stamp the caller chose says nothing about the episode in force.
  if (draft.downtimeId === undefined && draft.docType !== 'downtime') downtime.set(draft.scope, stamp.downtimeId);
  if (patient !== undefined) patients.add(patient);
  remembered.set(db, { deviceId: stamp.deviceId, deviceSeq: stamp.deviceSeq, downtime, patients });
}

/**
 * Whether `patientId` is a patient an earlier save on this database created or checked. Only
 * as good as the stamp `guess` came with: the save's transaction checks that stamp first.
 */
export function knownPatient(db: ReleveDb, guess: Stamp, patientId: string): boolean {
  const last = remembered.get(db);
  return last !== undefined && last.deviceId === guess.deviceId && last.patients.has(patientId);
}

/** The guess was wrong: the next save reads the tablet's state again. */
export function forgetStamp(db: ReleveDb): void {
  remembered.delete(db);
}
