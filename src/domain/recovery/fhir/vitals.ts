// The rows of a vital-signs flowsheet, as LOINC-coded readings. One function reads the rows, so
// flowsheet rows written later as typed addenda (issue 11) only change this file.
import type { ResponseAnswer, ResponseItem } from '../../questionnaire/types';
import { LOINC, UCUM } from './systems';

export interface VitalCode {
  loinc: string;
  display: string;
  unit: string;
  ucum: string;
}

/** linkId of the demo vital-signs template -> LOINC code and UCUM unit. */
const VITAL_CODES: Readonly<Record<string, VitalCode>> = {
  'vs-systolic': { loinc: '8480-6', display: 'Systolic blood pressure', unit: 'mmHg', ucum: 'mm[Hg]' },
  'vs-diastolic': { loinc: '8462-4', display: 'Diastolic blood pressure', unit: 'mmHg', ucum: 'mm[Hg]' },
  'vs-heart-rate': { loinc: '8867-4', display: 'Heart rate', unit: '/min', ucum: '/min' },
  'vs-resp-rate': { loinc: '9279-1', display: 'Respiratory rate', unit: '/min', ucum: '/min' },
  'vs-spo2': { loinc: '59408-5', display: 'Oxygen saturation in Arterial blood by Pulse oximetry', unit: '%', ucum: '%' },
  'vs-temperature': { loinc: '8310-5', display: 'Body temperature', unit: 'Cel', ucum: 'Cel' },
  'vs-pain': { loinc: '72514-3', display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported', unit: '{score}', ucum: '{score}' },
};
const ROW_GROUP = 'vitals';
const TIME = 'vs-time';
const INITIALS = 'vs-initials';

export interface VitalReading {
  code: VitalCode;
  value: number;
}

export interface VitalsRow {
  index: number;
  /** The observation time written on the row: a FHIR dateTime. */
  time: string;
  initials: string | null;
  readings: VitalReading[];
}

function numberOf(a: ResponseAnswer | undefined): number | null {
  if (!a) return null;
  if (typeof a.valueInteger === 'number') return a.valueInteger;
  if (typeof a.valueDecimal === 'number') return a.valueDecimal;
  if (a.valueCoding?.code !== undefined && /^\d+$/.test(a.valueCoding.code)) return Number(a.valueCoding.code);
  return null;
}

const answerOf = (row: ResponseItem, linkId: string) => row.item?.find((i) => i.linkId === linkId)?.answer?.[0];

/** Every row of the flowsheet with a time, and the readings on it. */
export function vitalsRows(items: readonly ResponseItem[] | undefined): VitalsRow[] {
  const rows = (items ?? []).filter((i) => i.linkId === ROW_GROUP);
  const out: VitalsRow[] = [];
  rows.forEach((row, index) => {
    const time = answerOf(row, TIME)?.valueDateTime;
    if (time === undefined) return;
    const readings: VitalReading[] = [];
    for (const [linkId, code] of Object.entries(VITAL_CODES)) {
      const value = numberOf(answerOf(row, linkId));
      if (value !== null) readings.push({ code, value });
    }
    out.push({ index, time, initials: answerOf(row, INITIALS)?.valueString ?? null, readings });
  });
  return out;
}

export const loincCoding = (c: VitalCode) => ({ system: LOINC, code: c.loinc, display: c.display });
export const quantityOf = (r: VitalReading) => ({ value: r.value, unit: r.code.unit, system: UCUM, code: r.code.ucum });
