// Checklist progress from its ticks. Each tick is an addendum {step, done}; the latest tick of
// a step says whether it is done. "Latest" is the projection's order (by entry id, a UUIDv7),
// the same on every replica. Every tick stays in the log with its author and time, and the run
// screen shows them, so an untick after a tick is never silent.
import type { Annotation } from '../project';
import type { CallOutcome, ChecklistTick } from '../schemas/checklist';

export interface StepState {
  done: boolean;
  /** Guidance, not to tick: never counted, and a tick on it is kept in the log only. */
  info: boolean;
  /** A call tree's latest attempt at this step, when it said how it went. */
  outcome: CallOutcome | null;
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

/** The run's steps (or just how many, all to tick) and its ticks. */
export function checklistProgress(runSteps: number | readonly { text: string; info?: boolean }[], addenda: readonly Annotation[]): ChecklistProgress {
  const shape = typeof runSteps === 'number' ? Array.from({ length: runSteps }, () => ({ text: '', info: false })) : runSteps;
  const steps: StepState[] = shape.map((s) => ({ done: false, info: s.info === true, outcome: null, last: null, ticks: [] }));
  const ordered = [...addenda].sort((a, b) => (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0));
  for (const a of ordered) {
    const tick = asTick(a);
    // A tick beyond the snapshot cannot be placed: it is kept in the log, not counted.
    const s = tick ? steps[tick.step] : undefined;
    if (!tick || !s || s.info) continue;
    s.ticks.push(a);
    s.last = a;
    s.done = tick.done;
    s.outcome = tick.outcome ?? null;
  }
  const toTick = steps.filter((s) => !s.info);
  const done = toTick.filter((s) => s.done).length;
  return { steps, done, total: toTick.length, complete: toTick.length > 0 && done === toTick.length };
}
