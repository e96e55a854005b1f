// Reading and checking note bodies in the UI. The rules mirror noteBody in src/domain/schemas,
// so the nurse hears about a problem in her words before the data layer refuses the entry.
import type { TFunction } from '../../i18n';
import { OBSERVED_SLACK_MS, type NoteBody } from '../../../domain/schemas';

export const NOTE_FIELDS = ['data', 'actions', 'results'] as const;
export const MAX = { target: 200, data: 4000, actions: 4000, results: 4000 } as const;

export const EMPTY_NOTE: NoteBody = { target: '', data: '', actions: '', results: '' };

/** A body from storage, read defensively: a field that is missing shows as empty, not as a crash. */
export function asNoteBody(body: unknown): NoteBody {
  const b = (body ?? {}) as Partial<Record<keyof NoteBody, unknown>>;
  const s = (v: unknown) => (typeof v === 'string' ? v : '');
  const observed = typeof b.observedAt === 'string' ? { observedAt: b.observedAt } : {};
  return { target: s(b.target), data: s(b.data), actions: s(b.actions), results: s(b.results), ...observed };
}

/** The body to edit: a note written before observation times were kept starts from when it was written. */
export function editableNote(body: unknown, writtenAt: string): NoteBody {
  const n = asNoteBody(body);
  return n.observedAt ? n : { ...n, observedAt: writtenAt };
}

export function trimNote(n: NoteBody): NoteBody {
  const observed = n.observedAt ? { observedAt: n.observedAt } : {};
  return { target: n.target.trim(), data: n.data.trim(), actions: n.actions.trim(), results: n.results.trim(), ...observed };
}

export type NoteErrors = Partial<Record<keyof NoteBody | 'body', string>>;

export function checkNote(n: NoteBody, t: TFunction, now: Date = new Date()): NoteErrors {
  const errors: NoteErrors = {};
  const observed = Date.parse(n.observedAt ?? '');
  if (Number.isNaN(observed)) errors.observedAt = t('noteForm.observedAtRequired');
  else if (observed > now.getTime() + OBSERVED_SLACK_MS) errors.observedAt = t('noteForm.observedAtFuture');
  if (!n.target.trim()) errors.target = t('noteForm.targetRequired');
  else if (n.target.length > MAX.target) errors.target = t('noteForm.tooLong', { field: t('notes.target'), max: MAX.target });
  for (const f of NOTE_FIELDS) {
    if (n[f].length > MAX[f]) errors[f] = t('noteForm.tooLong', { field: t(`notes.${f}`), max: MAX[f] });
  }
  if (NOTE_FIELDS.every((f) => !n[f].trim())) errors.body = t('noteForm.bodyRequired');
  return errors;
}

/** What a draft of an amend or a resolve remembers: the text, and which versions the nurse saw. */
export interface NoteDraft {
  body: NoteBody;
  baseHeads?: string[];
}
