// Which answers differ between the versions of a conflicted form, so the person resolving it
// sees at once where two tablets disagree instead of reading both versions line by line.
// An answer is addressed by its path: "vitals#1/vs-spo2#0" is the SpO₂ of the second vitals row.
import type { ResponseItem } from './types';

/** Every answered item of a response, by path, with its answers (nested items left out) as text. */
function answersByPath(items: readonly ResponseItem[] | undefined, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  const seen = new Map<string, number>();
  for (const item of items ?? []) {
    const n = seen.get(item.linkId) ?? 0;
    seen.set(item.linkId, n + 1);
    const key = `${prefix}${item.linkId}#${n}`;
    if (item.answer) {
      out.set(key, JSON.stringify(item.answer.map(({ item: _nested, ...value }) => value)));
      for (const a of item.answer) for (const [k, v] of answersByPath(a.item, `${key}/`)) out.set(k, v);
    }
    for (const [k, v] of answersByPath(item.item, `${key}/`)) out.set(k, v);
  }
  return out;
}

/**
 * The paths whose answers are not the same in every version (one left blank counts), with the
 * paths of the groups and rows that hold them, so a table row or a section can be marked too.
 */
export function differingPaths(versions: readonly (readonly ResponseItem[] | undefined)[]): Set<string> {
  const maps = versions.map((v) => answersByPath(v));
  const keys = new Set(maps.flatMap((m) => [...m.keys()]));
  const out = new Set<string>();
  for (const key of keys) {
    const values = new Set(maps.map((m) => m.get(key)));
    if (values.size < 2) continue;
    const parts = key.split('/');
    for (let i = 1; i <= parts.length; i++) out.add(parts.slice(0, i).join('/'));
  }
  return out;
}
