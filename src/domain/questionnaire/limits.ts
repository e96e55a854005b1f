// The limits a template puts on an answer (minValue, maxValue, minLength, maxDecimalPlaces, regex,
// minOccurs, maxOccurs), checked the same way on the tablet and on the server. checkLimit is
// also what the ward's plausibility warnings use: a value outside [min, max] is impossible (a
// typing slip: SpO₂ 960 %), one outside [alarmLow, alarmHigh] is possible but alarming.
import { limitsOf, unitsOf, type ItemLimits } from './extensions';
import type { ProblemCode } from './problems';
import type { AnswerValue, QuestionnaireItem } from './types';

type LimitVerdict = 'belowMin' | 'aboveMax' | 'alarmLow' | 'alarmHigh' | 'ok';

/** Where a number (or an ISO date/time text) stands against an item's limits. */
export function checkLimit(value: number | string, limits: ItemLimits): LimitVerdict {
  const below = (bound: number | string | undefined) => bound !== undefined && typeof bound === typeof value && value < bound;
  const above = (bound: number | string | undefined) => bound !== undefined && typeof bound === typeof value && value > bound;
  if (below(limits.min)) return 'belowMin';
  if (above(limits.max)) return 'aboveMax';
  if (below(limits.alarmLow)) return 'alarmLow';
  if (above(limits.alarmHigh)) return 'alarmHigh';
  return 'ok';
}

/** The number or date of an answer that limits apply to. */
export function comparableOf(a: AnswerValue): number | string | undefined {
  return a.valueInteger ?? a.valueDecimal ?? a.valueQuantity?.value ?? a.valueDate ?? a.valueDateTime ?? a.valueTime;
}

export interface LimitProblem {
  code: ProblemCode;
  /** The bound broken, for the message. */
  limit?: string;
}

function decimals(n: number): number {
  const s = String(n);
  if (s.includes('e')) return 20;
  return s.includes('.') ? s.length - s.indexOf('.') - 1 : 0;
}

/** What is wrong with one well-typed answer against the item's limits. */
export function limitProblems(item: QuestionnaireItem, a: AnswerValue): LimitProblem[] {
  const limits = limitsOf(item);
  const out: LimitProblem[] = [];
  const value = comparableOf(a);
  if (value !== undefined) {
    const verdict = checkLimit(value, limits);
    if (verdict === 'belowMin') out.push({ code: 'belowMin', limit: String(limits.min) });
    if (verdict === 'aboveMax') out.push({ code: 'aboveMax', limit: String(limits.max) });
  }
  const number = a.valueDecimal ?? a.valueQuantity?.value;
  if (limits.maxDecimalPlaces !== undefined && number !== undefined && decimals(number) > limits.maxDecimalPlaces)
    out.push({ code: 'tooManyDecimals', limit: String(limits.maxDecimalPlaces) });
  const text = a.valueString;
  if (text !== undefined && limits.minLength !== undefined && [...text].length < limits.minLength)
    out.push({ code: 'tooShort', limit: String(limits.minLength) });
  if (text !== undefined && limits.regex !== undefined && !matchesWhole(limits.regex, text)) out.push({ code: 'noMatch' });
  if (a.valueQuantity) {
    const units = unitsOf(item);
    const code = a.valueQuantity.code;
    if (units.length > 0 && !units.some((u) => u.code === code)) out.push({ code: 'badUnit', limit: units.map((u) => u.code).join(', ') });
  }
  return out;
}

/** FHIR's regex extension constrains the whole value. A pattern that does not compile constrains nothing. */
function matchesWhole(pattern: string, text: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u').test(text);
  } catch {
    return true;
  }
}

/** minOccurs / maxOccurs of a repeating question, on the number of answers given. */
export function occursProblems(item: QuestionnaireItem, count: number): LimitProblem[] {
  const { minOccurs, maxOccurs } = limitsOf(item);
  if (count > 0 && minOccurs !== undefined && count < minOccurs) return [{ code: 'tooFewAnswers', limit: String(minOccurs) }];
  if (maxOccurs !== undefined && count > maxOccurs) return [{ code: 'tooManyAnswers', limit: String(maxOccurs) }];
  return [];
}
