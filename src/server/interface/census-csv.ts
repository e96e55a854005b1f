// The CSV census for the smallest sites (`npm run releve -- import census.csv`): one line per
// patient, ';'-separated (as a French spreadsheet saves it), UTF-8, a header line naming the
// columns (any order):
//   ipp;nom;prenom;date_naissance;sexe;service;chambre[;lit][;allergies][;nom_usage]
// date_naissance YYYY-MM-DD or DD/MM/YYYY; sexe F, M or X; service the HIS ward code (mapped by
// the ward table); allergies separated by commas. A bad line refuses the whole file, by number.
import { parse } from 'csv-parse/sync';
import { HisRefusal, type HisEvent, type HisPatient } from './events';

const REQUIRED = ['ipp', 'nom', 'prenom', 'date_naissance', 'sexe', 'service', 'chambre'] as const;

function birthDate(text: string, line: number): string {
  const fr = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  const iso = fr ? `${fr[3]}-${fr[2]}-${fr[1]}` : text;
  const d = new Date(`${iso}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) {
    throw new HisRefusal('AE', '102', `line ${line}: date_naissance '${text}' is not a date (YYYY-MM-DD or DD/MM/YYYY)`);
  }
  return iso;
}

export function readCensusCsv(text: string, at: string): HisEvent[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(text.replace(/^\uFEFF/, ''), { delimiter: ';', columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), skip_empty_lines: true, trim: true });
  } catch (err) {
    throw new HisRefusal('AR', '100', `not a census CSV: ${(err as Error).message}`);
  }
  if (rows.length === 0) throw new HisRefusal('AE', '101', 'the census has no patient line');
  const missing = REQUIRED.filter((c) => !(c in rows[0]!));
  if (missing.length > 0) throw new HisRefusal('AR', '101', `missing column(s): ${missing.join(', ')} (expected ${REQUIRED.join(';')}[;lit][;allergies][;nom_usage])`);
  return rows.map((r, i) => {
    const line = i + 2;
    for (const c of REQUIRED) if (!r[c]) throw new HisRefusal('AE', '101', `line ${line}: ${c} is empty`);
    const sex = r.sexe!.toUpperCase();
    if (sex !== 'F' && sex !== 'M' && sex !== 'X') throw new HisRefusal('AE', '103', `line ${line}: sexe '${r.sexe}' is not F, M or X`);
    const patient: HisPatient = {
      ipp: r.ipp!.slice(0, 40), lastName: r.nom!.slice(0, 100), firstName: r.prenom!.slice(0, 100), birthDate: birthDate(r.date_naissance!, line), sex,
      allergies: (r.allergies ?? '').split(',').map((a) => a.trim()).filter(Boolean).slice(0, 50),
      ...(r.nom_usage ? { usedName: r.nom_usage.slice(0, 100) } : {}),
    };
    return { kind: 'adt', event: 'A08', at, patient, location: { ward: r.service!.slice(0, 40), room: r.chambre!.slice(0, 20), ...(r.lit ? { bed: r.lit.slice(0, 10) } : {}) } };
  });
}
