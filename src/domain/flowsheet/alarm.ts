// Possible but alarming values (SpO₂ 84 %, 40.2 °C): saved, and flagged wherever they are shown,
// on screen and on paper. Impossible ones never get this far: the limits refuse them (limits.ts).
import { limitsOf } from '../questionnaire/extensions';
import { checkLimit, comparableOf } from '../questionnaire/limits';
import type { AnswerValue, QuestionnaireItem } from '../questionnaire/types';

export type Alarm = 'alarmLow' | 'alarmHigh';

/** Whether an answer is below the item's alarm-low or above its alarm-high, or neither. */
export function alarmOf(item: QuestionnaireItem, answer: AnswerValue): Alarm | null {
  const value = comparableOf(answer);
  if (value === undefined) return null;
  const verdict = checkLimit(value, limitsOf(item));
  return verdict === 'alarmLow' || verdict === 'alarmHigh' ? verdict : null;
}

/** The bound an alarm crossed, for the message ("< 92", "> 38.5"). */
export function alarmBound(item: QuestionnaireItem, alarm: Alarm): number | undefined {
  const limits = limitsOf(item);
  return alarm === 'alarmLow' ? limits.alarmLow : limits.alarmHigh;
}
