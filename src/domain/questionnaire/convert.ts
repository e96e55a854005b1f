// Between what a nurse types (raw text, as an <input> holds it) and FHIR answer values.
// French decimals ("37,5") are accepted. A dateTime is typed in the tablet's local time and
// stored with its UTC offset, as FHIR requires once hours are given.
import { UCUM, unitsOf } from './extensions';
import type { AnswerValue, QuestionnaireItem } from './types';
import { hasOptions, optionKey } from './walk';

type RawProblemCode =
  | 'notInteger' | 'notDecimal' | 'notDate' | 'notDateTime' | 'notTime' | 'notBoolean' | 'notAnOption' | 'notQuantity' | 'badUnit';

const QUANTITY = /^([-+]?\d+(?:[.,]\d+)?)(?:\s+(\S+))?$/;

/** "72,5 kg" (or "72,5": the default unit) -> valueQuantity, with the UCUM unit the item offers. */
function quantityFromRaw(item: QuestionnaireItem, text: string): Parsed {
  const m = QUANTITY.exec(text);
  if (!m) return { problem: 'notQuantity' };
  const units = unitsOf(item);
  const unit = m[2] === undefined ? units[0] : units.find((u) => u.code === m[2]);
  if (m[2] !== undefined && !unit) return { problem: 'badUnit' };
  const value = Number(m[1]!.replace(',', '.'));
  if (!unit) return { answer: { valueQuantity: { value } } };
  return { answer: { valueQuantity: { value, unit: unit.display ?? unit.code!, system: unit.system ?? UCUM, code: unit.code! } } };
}

export type Parsed = { answer: AnswerValue } | { problem: RawProblemCode };

const INT32 = 2 ** 31;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

// The FHIR R4 patterns of date, dateTime and time (http://hl7.org/fhir/R4/datatypes.html).
export const FHIR_DATE = /^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?$/;
export const FHIR_DATETIME =
  /^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?$/;
export const FHIR_TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?$/;

function realDay(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

const pad = (n: number) => String(n).padStart(2, '0');

function offsetOf(minutesEast: number): string {
  const sign = minutesEast >= 0 ? '+' : '-';
  const a = Math.abs(minutesEast);
  return `${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/** "2026-03-02T14:05" typed on the tablet -> "2026-03-02T14:05:00+01:00" (the tablet's offset that day). */
function localToFhirDateTime(raw: string): string | null {
  const m = LOCAL_DATETIME.exec(raw.trim());
  if (!m) return FHIR_DATETIME.test(raw.trim()) && raw.includes('T') ? raw.trim() : null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '00'].map(Number) as number[];
  if (!realDay(y!, mo!, d!) || h! > 23 || mi! > 59 || s! > 59) return null;
  const local = new Date(y!, mo! - 1, d!, h!, mi!, s!);
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${pad(s!)}${offsetOf(-local.getTimezoneOffset())}`;
}

/** A FHIR dateTime back to what a datetime-local input shows, in the tablet's time zone. */
function fhirToLocalDateTime(value: string): string {
  if (!value.includes('T')) return value.length === 10 ? `${value}T00:00` : value;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function isBlank(raw: string | undefined): boolean {
  return raw === undefined || raw.trim() === '';
}

/** One typed value as a FHIR answer of the item's type, or what is wrong with it. */
export function answerFromRaw(item: QuestionnaireItem, raw: string): Parsed {
  const text = raw.trim();
  if (hasOptions(item)) return optionFromRaw(item, raw, text);
  switch (item.type) {
    case 'string':
    case 'text':
      return { answer: { valueString: raw.replace(/\s+$/, '') } };
    case 'boolean':
      if (text === 'true' || text === 'false') return { answer: { valueBoolean: text === 'true' } };
      return { problem: 'notBoolean' };
    case 'integer': {
      if (!/^[-+]?\d+$/.test(text)) return { problem: 'notInteger' };
      const n = Number(text);
      return Math.abs(n) < INT32 ? { answer: { valueInteger: n } } : { problem: 'notInteger' };
    }
    case 'decimal': {
      if (!/^[-+]?\d+([.,]\d+)?$/.test(text)) return { problem: 'notDecimal' };
      return { answer: { valueDecimal: Number(text.replace(',', '.')) } };
    }
    case 'date': {
      const m = DATE.exec(text);
      if (!m || !realDay(Number(m[1]), Number(m[2]), Number(m[3])) || !FHIR_DATE.test(text)) return { problem: 'notDate' };
      return { answer: { valueDate: text } };
    }
    case 'dateTime': {
      const v = localToFhirDateTime(text);
      return v ? { answer: { valueDateTime: v } } : { problem: 'notDateTime' };
    }
    case 'time': {
      const m = TIME.exec(text);
      if (!m || Number(m[1]) > 23 || Number(m[2]) > 59 || Number(m[3] ?? 0) > 59) return { problem: 'notTime' };
      return { answer: { valueTime: `${m[1]}:${m[2]}:${m[3] ?? '00'}` } };
    }
    case 'quantity':
      return quantityFromRaw(item, text);
    default:
      // group and display take no answer
      return { problem: 'notAnOption' };
  }
}

/** An item with answerOption (a choice, or a string/integer/date/time limited to a list). */
function optionFromRaw(item: QuestionnaireItem, raw: string, text: string): Parsed {
  const option = item.answerOption?.find((o) => optionKey(o) === text);
  if (option?.valueCoding) {
    const { system, code, display } = option.valueCoding;
    return { answer: { valueCoding: { ...(system ? { system } : {}), ...(code ? { code } : {}), ...(display ? { display } : {}) } } };
  }
  for (const k of ['valueString', 'valueInteger', 'valueDate', 'valueTime'] as const) {
    if (option?.[k] !== undefined) return { answer: { [k]: option[k] } };
  }
  // Open choice: anything else is the nurse's own words.
  if (item.type === 'open-choice') return { answer: { valueString: raw.replace(/\s+$/, '') } };
  return { problem: 'notAnOption' };
}

/** Which value[x] an answer to this item must use. */
export function expectedValueKeys(item: QuestionnaireItem): readonly (keyof AnswerValue)[] {
  switch (item.type) {
    case 'string':
    case 'text':
      return ['valueString'];
    case 'boolean':
      return ['valueBoolean'];
    case 'integer':
      return ['valueInteger'];
    case 'decimal':
      return ['valueDecimal'];
    case 'date':
      return ['valueDate'];
    case 'dateTime':
      return ['valueDateTime'];
    case 'time':
      return ['valueTime'];
    case 'quantity':
      return ['valueQuantity'];
    case 'choice':
    case 'open-choice': {
      // The value type of the options; an open choice also takes free text.
      const keys = new Set<keyof AnswerValue>(item.type === 'open-choice' ? ['valueString'] : []);
      for (const o of item.answerOption ?? []) {
        for (const k of ['valueCoding', 'valueString', 'valueInteger', 'valueDate', 'valueTime'] as const) if (o[k] !== undefined) keys.add(k);
      }
      return [...keys];
    }
    default:
      return [];
  }
}

export const VALUE_KEYS: readonly (keyof AnswerValue)[] = [
  'valueBoolean', 'valueDecimal', 'valueInteger', 'valueDate', 'valueDateTime', 'valueTime', 'valueString', 'valueCoding',
  'valueQuantity',
];

/** The raw text an answer shows as in the form; null when its value[x] does not fit the item. */
export function rawFromAnswer(item: QuestionnaireItem, a: AnswerValue): string | null {
  if (hasOptions(item)) {
    const hit = item.answerOption?.find((o) =>
      a.valueCoding ? o.valueCoding?.code === a.valueCoding.code && (o.valueCoding?.system ?? '') === (a.valueCoding.system ?? '')
        : a.valueString !== undefined ? o.valueString === a.valueString
          : a.valueInteger !== undefined ? o.valueInteger === a.valueInteger
            : a.valueDate !== undefined ? o.valueDate === a.valueDate
              : a.valueTime !== undefined && o.valueTime === a.valueTime,
    );
    if (hit) return optionKey(hit);
    if (a.valueString !== undefined) return a.valueString; // open-choice free text, or a wrong choice the checks report
    if (a.valueCoding) return a.valueCoding.code ?? '';
    const other = a.valueInteger ?? a.valueDate ?? a.valueTime;
    return other !== undefined ? String(other) : null;
  }
  switch (item.type) {
    case 'quantity': {
      const q = a.valueQuantity;
      if (q?.value === undefined) return null;
      return q.code ? `${q.value} ${q.code}` : String(q.value);
    }
    case 'string':
    case 'text':
      return a.valueString ?? null;
    case 'boolean':
      return a.valueBoolean === undefined ? null : String(a.valueBoolean);
    case 'integer':
      return a.valueInteger === undefined ? null : String(a.valueInteger);
    case 'decimal':
      return a.valueDecimal === undefined ? null : String(a.valueDecimal);
    case 'date':
      return a.valueDate ?? null;
    case 'dateTime':
      return a.valueDateTime === undefined ? null : fhirToLocalDateTime(a.valueDateTime);
    case 'time':
      return a.valueTime === undefined ? null : a.valueTime.slice(0, 5);
    default:
      return null;
  }
}

/** A wall-clock instant as a datetime-local input wants it: the "now" button of a time field. */
export function localNow(now: Date, type: 'dateTime' | 'time' | 'date'): string {
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const time = `${pad(now.getHours())}:${pad(now.getMinutes())}`;
  return type === 'date' ? date : type === 'time' ? time : `${date}T${time}`;
}
