// Checklist progress from its ticks. Each tick is an addendum {step, done}; the latest tick of
// a step says whether it is done. "Latest" is the projection's order (by entry id, a UUIDv7),
// the same on every replica. Every tick stays in the log with its author and time, and the run
// screen shows them, so an untick after a tick is never silent.
import type { Annotation } from '../project';
import type { ChecklistTick } from '../schemas/checklist';

export interface StepState {
  done: boolean;
  /** The tick that decided the state; null if the step was never touched. */
  last: Annotation | null;
  /** Every tick of this step, oldest first. */
  ticks: Annotation[];
}

export interface ChecklistProgress {
  steps: StepState[];
  done: number;
  total: number;
  complete: boolean;
}

function asTick(a: Annotation): ChecklistTick | null {
  const b = a.body as Partial<ChecklistTick> | null;
  return b && typeof b.step === 'number' && typeof b.done === 'boolean' ? (b as ChecklistTick) : null;
}

export function checklistProgress(stepCount: number, addenda: readonly Annotation[]): ChecklistProgress {
  const steps: StepState[] = Array.from({ length: stepCount }, () => ({ done: false, last: null, ticks: [] }));
  const ordered = [...addenda].sort((a, b) => (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0));
  for (const a of ordered) {
    const tick = asTick(a);
    // A tick beyond the snapshot cannot be placed: it is kept in the log, not counted.
    const s = tick ? steps[tick.step] : undefined;
    if (!tick || !s) continue;
    s.ticks.push(a);
    s.last = a;
    s.done = tick.done;
  }
  const done = steps.filter((s) => s.done).length;
  return { steps, done, total: stepCount, complete: stepCount > 0 && done === stepCount };
}
