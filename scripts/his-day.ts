// A day of the demo hospital's information system, played into Relève's MLLP listener for a
// demonstration: admissions on the four wards, transfers, prescriptions (and a stopped one),
// lab results (some abnormal), a discharge, an identity merge and an admission to a ward the
// mapping table does not know. The server must be running with RELEVE_MLLP_PORT set. Usage:
//   RELEVE_MLLP_PORT=2575 npm start            (in one terminal)
//   npm run demo:his-day -- [port] [host]      (in another; default 2575 on localhost)
// RELEVE_DEMO_DELAY_MS (default 300) spaces the messages so tablets can be watched filling in.
import { Hl7Message } from '@medplum/core';
import { Hl7Client } from '@medplum/hl7';
import { admit, changeIpp, labResults, merge, movement, pharmacy, type Person } from '../tests/server/hl7-fixtures';

const port = Number(process.argv[2] ?? process.env.RELEVE_MLLP_PORT ?? 2575);
const host = process.argv[3] ?? 'localhost';
const delay = Number(process.env.RELEVE_DEMO_DELAY_MS ?? 300);

const stamp = (d: Date) => d.toISOString().replace(/[-:T]/g, '').slice(0, 14) + '+0000';
const day = new Date();
const at = (h: number, m = 0) => stamp(new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), h, m)));
const ipp = (n: number) => String(7_000_000 + n);

const people: (Person & { ward: string; room: string })[] = [
  { ipp: ipp(1), birthName: 'MOREL', given: 'Yvette', birth: '19380312', sex: 'F', ward: 'MED', room: '125' },
  { ipp: ipp(2), birthName: 'GIRAUD', given: 'André', birth: '19511101', sex: 'M', ward: 'URG', room: 'Box 9' },
  { ipp: ipp(3), birthName: 'FABRE', usedName: 'LAMBERT', given: 'Sylvie', birth: '19670522', sex: 'F', ward: 'CHIR', room: '219' },
  { ipp: ipp(4), birthName: 'NGUYEN', given: 'Thierry', birth: '19590817', sex: 'M', ward: 'ONCO', room: 'Fauteuil 12' },
  { ipp: ipp(5), birthName: 'HOARAU', given: 'Inès', birth: '19920203', sex: 'F', ward: 'URG', room: 'Box 10' },
];

function script(): [string, string][] {
  const [yvette, andre, sylvie, thierry, ines] = people as [typeof people[0], typeof people[0], typeof people[0], typeof people[0], typeof people[0]];
  const out: [string, string][] = [];
  for (const [i, p] of people.entries()) out.push([`admit ${p.birthName} to ${p.ward}`, admit(p, { ward: p.ward, room: p.room }, { at: at(6, 10 * i), allergies: i === 0 ? ['Pénicilline'] : [] })]);
  out.push(['prescriptions for MOREL', pharmacy(yvette, [
    { control: 'NW', id: `${yvette.ipp}-1`, drug: 'Insuline asparte (NovoRapid)', dose: '6', unit: 'UI', route: 'SC', pattern: 'TID^avant les repas', times: ['0730', '1130', '1830'], start: at(7), at: at(7) },
    { control: 'NW', id: `${yvette.ipp}-2`, drug: 'Énoxaparine (Lovenox)', dose: '4000', unit: 'UI', route: 'SC', pattern: 'QD^1 fois par jour', times: ['2000'], start: at(7), at: at(7) },
    { control: 'NW', id: `${yvette.ipp}-3`, drug: 'Amoxicilline + acide clavulanique', dose: '1', unit: 'g', route: 'IV', pattern: 'Q8H^toutes les 8 h', times: ['0600', '1400', '2200'], start: at(7), at: at(7) },
  ], { ward: 'MED' })]);
  out.push(['morning labs for MOREL', labResults(yvette, [
    { loinc: '2345-7', label: 'Glycémie', value: '14.2', unit: 'mmol/L', range: '3.9-5.8', flag: 'HH', at: at(6, 30) },
    { loinc: '2823-3', label: 'Potassium', value: '4.1', unit: 'mmol/L', range: '3.5-5.0', flag: 'N', at: at(6, 30) },
    { loinc: '1988-5', label: 'CRP', value: '86', unit: 'mg/L', range: '<5', flag: 'H', at: at(6, 30) },
  ])]);
  out.push(['chemotherapy for NGUYEN', pharmacy(thierry, [
    { control: 'NW', id: `${thierry.ipp}-1`, drug: 'Oxaliplatine (FOLFOX, cycle 4)', dose: '150', unit: 'mg', route: 'IV', pattern: 'ONCE^perfusion de 2 h', times: ['1000'], start: at(8), at: at(8) },
    { control: 'NW', id: `${thierry.ipp}-2`, drug: 'Ondansétron', dose: '8', unit: 'mg', route: 'IV', pattern: 'ONCE^avant la chimiothérapie', times: ['0930'], start: at(8), at: at(8) },
  ], { ward: 'ONCO' })]);
  out.push(['GIRAUD moves from the ER to MED', movement('A02', 'ADT_A02', andre, { ward: 'MED', room: '126', bed: 'A' }, { at: at(9) })]);
  out.push(['prescription for GIRAUD', pharmacy(andre, [{ control: 'NW', id: `${andre.ipp}-1`, drug: 'Ceftriaxone', dose: '1', unit: 'g', route: 'IV', pattern: 'QD^1 fois par jour', times: ['1000'], start: at(9, 30), at: at(9, 30) }], { ward: 'MED' })]);
  out.push(['labs for LAMBERT after surgery', labResults(sylvie, [{ loinc: '718-7', label: 'Hémoglobine', value: '9.1', unit: 'g/dL', range: '12-16', flag: 'L', at: at(10) }])]);
  out.push(['the amoxicillin for MOREL is stopped', pharmacy(yvette, [{ control: 'DC', id: `${yvette.ipp}-3`, drug: 'Amoxicilline + acide clavulanique', dose: '1', unit: 'g', route: 'IV', pattern: 'Q8H^toutes les 8 h', times: ['0600', '1400', '2200'], start: at(7), at: at(12), stop: at(12) }], { ward: 'MED' })]);
  out.push(['HOARAU goes home from the ER', movement('A03', 'ADT_A03', ines, null, { at: at(13) })]);
  out.push(['a second record of MOREL, merged into the first', admit({ ...yvette, ipp: ipp(91) }, { ward: 'MED', room: '125' }, { at: at(14) })]);
  out.push(['A40 merge', merge(yvette, ipp(91), { at: at(14, 5) })]);
  out.push(['GIRAUD\'s IPP corrected (A47)', changeIpp({ ...andre, ipp: ipp(22) }, andre.ipp)]);
  // A ward the demo's table does not map: acknowledged and kept, listed on the admin screen
  // ("Messages du SIH en attente"), applied once an admin maps REA to a unit.
  const roger: Person = { ipp: ipp(6), birthName: 'PERRIN', given: 'Roger', birth: '19440929', sex: 'M' };
  out.push(['admit PERRIN to REA (an unmapped ward: kept for the admin)', admit(roger, { ward: 'REA', room: '4' }, { at: at(15) })]);
  return out;
}

const client = new Hl7Client({ host, port });
try {
  for (const [what, text] of script()) {
    const ack = await client.sendAndWait(Hl7Message.parse(text), { timeoutMs: 10_000 });
    const msa = ack.getSegment('MSA');
    console.log(`${msa?.getField(1)?.toString()}  ${what}${msa?.getField(1)?.toString() === 'AA' ? '' : ` — ${msa?.getField(3)?.toString()}`}`);
    await new Promise((r) => setTimeout(r, delay));
  }
} finally {
  await client.close();
}
