// What can be wrong with a filled form. Each problem names the field it belongs to (its key,
// see values.ts fieldKey) so the screen shows it next to that field, in the nurse's language;
// describeProblem gives the English wording the server puts in a rejection.

export type ProblemCode =
  | 'required' | 'notInteger' | 'notDecimal' | 'notDate' | 'notDateTime' | 'notTime' | 'notBoolean'
  | 'notAnOption' | 'tooLong' | 'tooManyAnswers' | 'tooManyRows' | 'disabledAnswered' | 'unknownItem'
  | 'wrongValueType' | 'answerOnGroup' | 'itemsOnQuestion' | 'emptyItem' | 'nestedAnswerItems'
  | 'wrongTemplate' | 'badHeader' | 'itemOutOfPlace' | 'emptyForm' | 'belowMin' | 'aboveMax' | 'tooShort'
  | 'tooManyDecimals' | 'noMatch' | 'tooFewAnswers' | 'badUnit' | 'notQuantity' | 'calculatedMismatch'
  | 'constraintFailed' | 'constraintWarning';

export interface FormProblem {
  /** The field (or group) the problem belongs to; '' for the whole response. */
  key: string;
  linkId: string;
  code: ProblemCode;
  /** maxLength for tooLong. */
  max?: number;
  /** The bound broken (minValue, maxValue, unit list...), for the message. */
  limit?: string;
  /** Free detail for the log (the offending value, the expected template...). */
  detail?: string;
}

const WORDING: Record<ProblemCode, string> = {
  required: 'is required',
  notInteger: 'must be a whole number',
  notDecimal: 'must be a number',
  notDate: 'must be a date (YYYY-MM-DD)',
  notDateTime: 'must be a date and time',
  notTime: 'must be a time (HH:MM)',
  notBoolean: 'must be yes or no',
  notAnOption: 'must be one of the listed options',
  tooLong: 'is too long',
  tooManyAnswers: 'takes a single answer',
  tooManyRows: 'does not repeat',
  disabledAnswered: 'is answered although its condition (enableWhen) is not met',
  unknownItem: 'is not an item of this template',
  wrongValueType: 'has an answer of the wrong type',
  answerOnGroup: 'is a group or display item and takes no answer',
  itemsOnQuestion: 'is a question and cannot contain items',
  emptyItem: 'has neither answer nor items',
  nestedAnswerItems: 'has items nested under an answer, which Relève does not support',
  wrongTemplate: 'names another template version',
  badHeader: 'is not a valid QuestionnaireResponse header',
  itemOutOfPlace: 'is not where the template puts it',
  emptyForm: 'has no answer at all',
  belowMin: 'is below the minimum',
  aboveMax: 'is above the maximum',
  tooShort: 'is too short',
  tooManyDecimals: 'has too many decimal places',
  noMatch: 'does not have the expected format',
  tooFewAnswers: 'needs more answers',
  badUnit: 'has a unit the question does not offer',
  notQuantity: 'must be a number with its unit',
  calculatedMismatch: 'is calculated, and its value does not match its answers',
  constraintFailed: 'breaks a rule of the form',
  constraintWarning: 'breaks a warning rule of the form (saving is allowed)',
};

function describeProblem(p: FormProblem): string {
  const where = p.key || p.linkId || 'response';
  const max = p.code === 'tooLong' && p.max !== undefined ? ` (max ${p.max} characters)` : p.limit !== undefined ? ` (${p.limit})` : '';
  const detail = p.detail ? `: ${p.detail}` : '';
  return `${where} ${WORDING[p.code]}${max}${detail}`;
}

export function describeProblems(problems: readonly FormProblem[], limit = 5): string {
  const shown = problems.slice(0, limit).map(describeProblem).join('; ');
  return problems.length > limit ? `${shown}; and ${problems.length - limit} more` : shown;
}
