// The life of every drafted editor (a note, a form, an addendum, a receiver's synthesis): start
// from the draft left on the device when there is one, remember which versions the edit started
// from, autosave each change, and remove the draft only once the entry itself is committed.
import { useState } from 'react';
import { useWriteAction } from '../../ui/useWriteAction';
import { useAutosavedDraft } from './useAutosavedDraft';

type EditorOutcome = 'saved' | 'discarded';

export interface DraftedEditorOptions<V> {
  draftKey: string;
  /** What the draft on the device holds, if any: read once, at mount. */
  restored: { value: V; baseHeads?: string[] | undefined } | undefined;
  /** What to start from when there is no draft. */
  initial: V;
  /** The versions an amend or a resolve starts from; kept in the draft so a reload keeps them. */
  baseHeads?: string[] | undefined;
  /** The shape the draft is stored in (unchanged across versions, so old drafts still restore). */
  toDraft: (value: V, baseHeads: string[] | undefined) => unknown;
  onDone: (outcome: EditorOutcome) => void;
}

export function useDraftedEditor<V>(o: DraftedEditorOptions<V>) {
  // Read once at mount: the draft keeps changing as we autosave, the form must not follow it.
  const [wasRestored] = useState(() => o.restored !== undefined);
  const [value, setValue] = useState<V>(() => o.restored?.value ?? o.initial);
  const [heads] = useState<string[] | undefined>(() => o.restored?.baseHeads ?? o.baseHeads);
  const [touched, setTouched] = useState(false);
  const autosave = useAutosavedDraft(o.draftKey);
  const save = useWriteAction();

  function change(next: V) {
    setValue(next);
    setTouched(true);
    autosave.schedule(o.toDraft(next, heads));
  }

  /** Writes the entry, then removes the draft. False when the write failed (save.error says why). */
  async function commit(write: (value: V, baseHeads: string[] | undefined) => Promise<void>): Promise<boolean> {
    if (!(await save.run(() => write(value, heads)))) return false;
    // The entry is saved; only its draft may linger. Say so in the console rather than fail the save.
    await autosave.finish().catch((err: unknown) => console.error('draft not cleared', err));
    o.onDone('saved');
    return true;
  }

  async function discard() {
    await autosave.finish();
    o.onDone('discarded');
  }

  return { value, change, heads, wasRestored, touched, save, autosave, commit, discard };
}
