// An addendum: a note added under a note, which stays as written. Autosaved like a note.
import type { DocState } from '../../../domain/project';
import { addAddendum } from '../../data';
import { ShortTextForm, type ShortTextWords } from './ShortTextForm';

export const addendumDraftKey = (docId: string) => `note:addendum:${docId}`;

const words: ShortTextWords = {
  title: 'addendum.title',
  label: 'addendum.text',
  hint: 'addendum.hint',
  required: 'addendum.required',
  save: 'addendum.save',
  saving: 'noteForm.saving',
  cancel: 'addendum.cancel',
};

export function AddendumForm({ doc, onDone }: { doc: DocState; onDone: (outcome: 'saved' | 'discarded') => void }) {
  return (
    <ShortTextForm
      draftKey={addendumDraftKey(doc.docId)}
      draftField="text"
      words={words}
      headingLevel={4}
      commit={(text) => addAddendum(doc, text)}
      onDone={onDone}
    />
  );
}
