import { Fragment, type ReactNode } from 'react';
import { useDraft } from '../../data';
import { Loading } from '../../ui/Loading';

/**
 * Waits for the draft stored under `draftKey` before showing the editor, so the editor starts
 * from it. Keyed on the draft key: another document gets a fresh editor, the same one keeps its state.
 */
export function WithDraft<D>({ draftKey, children }: { draftKey: string; children: (restored: D | undefined) => ReactNode }) {
  const draft = useDraft<D>(draftKey);
  if (!draft.loaded) return <Loading />;
  return <Fragment key={draftKey}>{children(draft.value)}</Fragment>;
}
