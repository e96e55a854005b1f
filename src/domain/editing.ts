// The rules of editing a document someone else may be editing too. A person's amend or resolve
// names the versions she saw as parents; these helpers remember and restore that view.
import type { DocState } from './project';

/** The same set of head ids, whatever their order. */
export function sameHeads(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const sortedB = [...b].sort();
  return [...a].sort().every((id, i) => id === sortedB[i]);
}

/**
 * The document as the nurse saw it when she started editing. Her amend or resolve must name
 * those versions as parents: if another tablet changed the document meanwhile, both edits are
 * kept and it shows as conflicted, rather than hers silently replacing one she never read.
 */
export function docAsSeen(doc: DocState, baseHeads: readonly string[] | undefined): DocState {
  if (!baseHeads || sameHeads(doc.heads, baseHeads)) return doc;
  const seen = doc.history.filter((v) => baseHeads.includes(v.entryId));
  return {
    ...doc,
    heads: [...baseHeads].sort(),
    headVersions: seen,
    status: baseHeads.length > 1 ? 'conflicted' : 'ok',
    body: baseHeads.length === 1 ? (seen[0]?.body ?? doc.body) : null,
  };
}
