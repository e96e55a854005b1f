// The messages the HIS-feed bench sends: half admissions, half lab results for the patients just
// admitted, as an HIS sends them. Shared by the senders' process and the raw-journal baseline.
import { admit, labResults, type Person } from '../tests/server/hl7-fixtures';

export const person = (run: number, i: number): Person => ({ ipp: `B${run}-${i}`, birthName: `BENCH${i}`, given: 'Test', birth: '19700101', sex: i % 2 ? 'F' : 'M' });

export function messageOf(run: number, i: number): string {
  const p = person(run, Math.floor(i / 2));
  return i % 2 === 0
    ? admit(p, { ward: ['MED', 'CHIR', 'URG', 'ONCO'][i % 4]!, room: String(100 + (i % 40)) }, { controlId: `R${run}-${i}` })
    : labResults(p, [{ loinc: '2823-3', label: 'Potassium', value: '4.2', unit: 'mmol/L', range: '3.5-5.0', flag: 'N' }], { controlId: `R${run}-${i}` });
}
