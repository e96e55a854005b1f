// Reading and checking note bodies in the UI. The rules mirror noteBody in src/domain/schemas,
// so the nurse hears about a problem in her words before the data layer refuses the entry.
import type { TFunction } from 'i18next';
import type { NoteBody } from '../../../domain/schemas';

export const NOTE_FIELDS = ['data', 'actions', 'results'] as const;
export const MAX = { target: 200, data: 4000, actions: 4000, results: 4000 } as const;

export const EMPTY_NOTE: NoteBody = { target: '', data: '', actions: '', results: '' };

/** A body from storage, read defensively: a field that is missing shows as empty, not as a crash. */
export function asNoteBody(body: unknown): NoteBody {
  const b = (body ?? {}) as Partial<Record<keyof NoteBody, unknown>>;
  const s = (v: unknown) => (typeof v === 'string' ? v : '');
  return { target: s(b.target), data: s(b.data), actions: s(b.actions), results: s(b.results) };
}

export function trimNote(n: NoteBody): NoteBody {
  return { target: n.target.trim(), data: n.data.trim(), actions: n.actions.trim(), results: n.results.trim() };
}

export type NoteErrors = Partial<Record<keyof NoteBody | 'body', string>>;

export function checkNote(n: NoteBody, t: TFunction): NoteErrors {
  const errors: NoteErrors = {};
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
