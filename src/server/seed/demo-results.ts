// The demo lab results: the morning panel of every patient (six tests, kept short: every test
// database is seeded with them) (LOINC codes, French units and
// ranges), with an INR for those on an anticoagulant. A value outside its range carries the
// flag the lab would send (L/H, LL/HH when critical).
import type { AbnormalFlag, ResultBody } from '../../domain/schemas';
import type { Prng } from './prng';

interface Test {
  code: string;
  label: string;
  unit: string;
  low: number;
  high: number;
  /** The spread of plausible values around the range, and decimals printed. */
  min: number;
  max: number;
  decimals: number;
}

const PANEL: Test[] = [
  { code: '718-7', label: 'Hémoglobine', unit: 'g/dL', low: 12, high: 16, min: 7, max: 17, decimals: 1 },
  { code: '6690-2', label: 'Leucocytes', unit: 'G/L', low: 4, high: 10, min: 2, max: 18, decimals: 1 },
  { code: '2823-3', label: 'Potassium', unit: 'mmol/L', low: 3.5, high: 5, min: 2.9, max: 6.1, decimals: 1 },
  { code: '2160-0', label: 'Créatinine', unit: 'µmol/L', low: 45, high: 90, min: 40, max: 220, decimals: 0 },
  { code: '2345-7', label: 'Glycémie', unit: 'mmol/L', low: 3.9, high: 5.8, min: 3.2, max: 16, decimals: 1 },
  { code: '1988-5', label: 'CRP', unit: 'mg/L', low: 0, high: 5, min: 0.5, max: 180, decimals: 0 },
];
const INR: Test = { code: '6301-6', label: 'INR', unit: '', low: 0.8, high: 1.2, min: 0.9, max: 3.8, decimals: 1 };

function flagOf(v: number, t: Test): AbnormalFlag {
  const span = t.high - t.low;
  if (v < t.low) return v < t.low - span * 0.5 ? 'LL' : 'L';
  if (v > t.high) return v > t.high + span * 1.5 ? 'HH' : 'H';
  return 'N';
}

export function demoResults(prng: Prng, now: Date, anticoagulated: boolean): ResultBody[] {
  const observed = new Date(now.getTime() - prng.int(1, 20) * 3_600_000);
  observed.setUTCMinutes(prng.pick([0, 15, 30, 45]), 0, 0);
  const tests = anticoagulated ? [...PANEL, INR] : PANEL;
  return tests.map((t) => {
    // Most values sit in the range; some stray, as on a real ward.
    const inRange = prng.chance(0.72);
    const raw = inRange ? t.low + prng.next() * (t.high - t.low) : t.min + prng.next() * (t.max - t.min);
    const value = Number(raw.toFixed(t.decimals));
    const flag = flagOf(value, t);
    return {
      code: t.code,
      system: 'http://loinc.org',
      label: t.label,
      value: value.toFixed(t.decimals).replace('.', ','),
      ...(t.unit ? { unit: t.unit } : {}),
      range: t.code === '1988-5' ? '< 5' : `${String(t.low).replace('.', ',')} - ${String(t.high).replace('.', ',')}`,
      flag,
      observedAt: observed.toISOString(),
      resultStatus: 'F',
    };
  });
}
