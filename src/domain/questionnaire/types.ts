// The FHIR R4 Questionnaire and QuestionnaireResponse, as far as Relève supports them
// (DESIGN.md, "Forms"). Field names are FHIR's, so a template or a response is plain FHIR JSON.

export const ITEM_TYPES = [
  'group', 'display', 'string', 'text', 'boolean', 'integer', 'decimal', 'date', 'dateTime', 'time', 'choice', 'open-choice',
  'quantity',
] as const;
type ItemType = (typeof ITEM_TYPES)[number];

export const ENABLE_OPERATORS = ['exists', '=', '!=', '>', '<', '>=', '<='] as const;
type EnableOperator = (typeof ENABLE_OPERATORS)[number];

export interface Coding {
  system?: string;
  code?: string;
  display?: string;
  _display?: Translatable;
  /** On an option only: the contained value set it came from (valueset-reference, `#id`). */
  extension?: { url: string; valueUri: string }[];
}

/** FHIR's translation extension, on `_text`, `_title` or `_display`: the English of a French template. */
export interface Translatable {
  extension?: Extension[];
}

/** FHIR's Expression (SDC calculations, conditions, variables): only text/fhirpath is run. */
export interface Expression {
  language: string;
  expression?: string;
  name?: string;
  description?: string;
}

interface Quantity {
  value?: number;
  unit?: string;
  system?: string;
  code?: string;
}

export interface Extension {
  url: string;
  valueCode?: string;
  valueString?: string;
  valueBoolean?: boolean;
  valueInteger?: number;
  valueDecimal?: number;
  valueDate?: string;
  valueDateTime?: string;
  valueCoding?: Coding;
  valueCodeableConcept?: { coding?: Coding[]; text?: string };
  valueExpression?: Expression;
  valueQuantity?: Quantity;
  extension?: Extension[];
}

/** An answer value, one `value[x]` set. */
export interface AnswerValue {
  valueBoolean?: boolean;
  valueDecimal?: number;
  valueInteger?: number;
  valueDate?: string;
  valueDateTime?: string;
  valueTime?: string;
  valueString?: string;
  valueCoding?: Coding;
  valueQuantity?: Quantity;
}

export interface AnswerOption {
  valueCoding?: Coding;
  valueString?: string;
  valueInteger?: number;
  valueDate?: string;
  valueTime?: string;
  initialSelected?: boolean;
  /** ordinalValue / itemWeight: the option's score. */
  extension?: Extension[];
}

export interface EnableWhen {
  question: string;
  operator: EnableOperator;
  answerBoolean?: boolean;
  answerDecimal?: number;
  answerInteger?: number;
  answerDate?: string;
  answerDateTime?: string;
  answerTime?: string;
  answerString?: string;
  answerCoding?: Coding;
}

export interface QuestionnaireItem {
  linkId: string;
  type: ItemType;
  /** Codes naming the question (LOINC...): kept for back-entry. */
  code?: Coding[];
  prefix?: string;
  text?: string;
  _text?: Translatable;
  required?: boolean;
  repeats?: boolean;
  readOnly?: boolean;
  maxLength?: number;
  enableWhen?: EnableWhen[];
  enableBehavior?: 'all' | 'any';
  answerOption?: AnswerOption[];
  initial?: AnswerValue[];
  /** The supported extensions only (see extensions.ts): limits, units, expressions, hidden... */
  extension?: Extension[];
  item?: QuestionnaireItem[];
}

/** A ValueSet held inside a template: where its choice items' options came from. */
export interface ValueSet {
  resourceType: 'ValueSet';
  id?: string;
  url?: string;
  status?: string;
  compose?: { include?: { system?: string; concept?: { code: string; display?: string }[] }[] };
  expansion?: { contains?: { system?: string; code?: string; display?: string }[] };
}

export interface Questionnaire {
  resourceType: 'Questionnaire';
  id?: string;
  url: string;
  version: string;
  name?: string;
  title: string;
  _title?: Translatable;
  status: 'draft' | 'active' | 'retired' | 'unknown';
  date?: string;
  publisher?: string;
  description?: string;
  language?: string;
  /** What kind of form this is, e.g. a handover (see handover.ts). */
  code?: Coding[];
  subjectType?: string[];
  /** Variables and launch context (SDC). */
  extension?: Extension[];
  /** The value sets the options came from, kept with the template. */
  contained?: ValueSet[];
  item: QuestionnaireItem[];
}

export interface ResponseAnswer extends AnswerValue {
  item?: ResponseItem[];
}

export interface ResponseItem {
  linkId: string;
  text?: string;
  answer?: ResponseAnswer[];
  item?: ResponseItem[];
}

export const RESPONSE_STATUSES = ['in-progress', 'completed', 'amended', 'entered-in-error', 'stopped'] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];

export interface QuestionnaireResponse {
  resourceType: 'QuestionnaireResponse';
  /** Canonical `url|version` of the exact template version it was filled against. */
  questionnaire: string;
  status: ResponseStatus;
  subject: { reference: string; display?: string };
  authored: string;
  author?: { display: string };
  item?: ResponseItem[];
  /** Only Relève's own: a transcription from paper (recovery/transcription.ts). */
  extension?: { url: string; extension?: unknown[] }[];
}

/** `url|version`: how a response names its template, and how templates are looked up. */
export function canonicalOf(q: Pick<Questionnaire, 'url' | 'version'>): string {
  return `${q.url}|${q.version}`;
}

export function splitCanonical(canonical: string): { url: string; version: string } | null {
  const bar = canonical.lastIndexOf('|');
  if (bar <= 0 || bar === canonical.length - 1) return null;
  return { url: canonical.slice(0, bar), version: canonical.slice(bar + 1) };
}

export function patientReference(patientDocId: string): string {
  return `Patient/${patientDocId}`;
}
