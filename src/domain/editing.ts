// The rules of editing a document someone else may be editing too. A person's amend or resolve
// names the versions she saw as parents (client/data/documents.ts takes them as baseHeads); an
// editor compares them with the document's heads now to warn her it changed meanwhile.

/** The same set of head ids, whatever their order. */
export function sameHeads(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const sortedB = [...b].sort();
  return [...a].sort().every((id, i) => id === sortedB[i]);
}
