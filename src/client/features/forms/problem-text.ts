// A form problem in the nurse's language, next to its field.
import type { TFunction } from '../../i18n';
import type { FormProblem } from '../../../domain/questionnaire';

export type ProblemsByKey = ReadonlyMap<string, FormProblem[]>;

/** The message names the question (its text on screen), so it reads alone in a summary too. */
export function problemText(p: FormProblem, t: TFunction, label = ''): string {
  return t(`forms.problem.${p.code}`, { max: p.max ?? 0, limit: p.limit ?? '', label, detail: p.detail ?? '' });
}

export function groupProblems(problems: readonly FormProblem[]): Map<string, FormProblem[]> {
  const map = new Map<string, FormProblem[]>();
  for (const p of problems) map.set(p.key, [...(map.get(p.key) ?? []), p]);
  return map;
}

/** A DOM id for a field key ("actions#1/action"): letters, digits, - and _ only. */
export function fieldDomId(key: string): string {
  return `f-${key.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}`;
}
