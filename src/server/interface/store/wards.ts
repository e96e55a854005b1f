// The ward mapping: the HIS's codes for its wards (PV1-3.1) to Relève's units.
import type { Kysely } from 'kysely';
import { rows, type Reader } from '../../store/entries';
import type { ReleveDatabase } from '../../store/schema';

type Db = Kysely<ReleveDatabase>;

export async function unitOfHisWard(db: Reader, hisCode: string): Promise<string | null> {
  const [row] = await rows<{ unit_code: string }>(db, 'select unit_code from his_wards where his_code = ?', [hisCode]);
  return row?.unit_code ?? null;
}

export async function mapHisWard(db: Db, hisCode: string, unitCode: string): Promise<void> {
  await db
    .insertInto('his_wards')
    .values({ his_code: hisCode, unit_code: unitCode })
    .onConflict((oc) => oc.column('his_code').doUpdateSet({ unit_code: unitCode }))
    .execute();
}

export async function listHisWards(db: Db): Promise<{ hisCode: string; unitCode: string }[]> {
  const rows = await db.selectFrom('his_wards').selectAll().orderBy('his_code').execute();
  return rows.map((r) => ({ hisCode: r.his_code, unitCode: r.unit_code }));
}

/** The codes of the units Relève knows (its `unit` reference documents). */
export async function knownUnitCodes(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('entries').select('json').where('doc_type', '=', 'unit').execute();
  return new Set(rows.map((r) => (JSON.parse(r.json) as { body: { code?: string } }).body.code).filter((c): c is string => typeof c === 'string'));
}
