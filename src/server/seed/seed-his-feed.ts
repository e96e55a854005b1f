// What the demo hospital's information system had sent before the outage: the ward mapping
// (MED, CHIR, URG, ONCO to themselves), every demo patient known by her IPP, and her active
// prescriptions and latest results, written by the interface account as the feed writes them.
import type { Kysely } from 'kysely';
import type { Entry } from '../../domain/entry';
import type { PatientBody } from '../../domain/schemas';
import type { SessionUser } from '../../domain/protocol';
import { unitScope } from '../../domain/scope';
import { FeedGroup } from '../interface/feed-group';
import { FeedWrite } from '../interface/feed-write';
import { rememberPatient } from '../interface/store/patients';
import { mapHisWard } from '../interface/store/wards';
import type { ReleveDatabase } from '../store/schema';
import { demoPrescriptions } from './demo-prescriptions';
import { demoResults } from './demo-results';
import { DEMO_UNITS } from './demo-hospital';
import { seededPrng } from './prng';

const HIS_SEED_DEVICE_ID = 'his-seed';

export async function seedHisFeed(trx: Kysely<ReleveDatabase>, hisUser: SessionUser, patients: readonly Entry[], now: Date, seed: number): Promise<void> {
  const prng = seededPrng(seed + 13);
  for (const u of DEMO_UNITS) await mapHisWard(trx, u.code, u.code);
  const group = await FeedGroup.open(trx, { user: hisUser, deviceId: HIS_SEED_DEVICE_ID });
  const write = new FeedWrite(group, now);
  for (const p of patients) {
    const body = p.body as PatientBody;
    await rememberPatient(trx, body.ipp, p.docId, now.toISOString());
    const orders = demoPrescriptions(body.unitCode, body.ipp, prng, now);
    const anticoagulated = orders.some((o) => /noxaparine|Apixaban/.test(o.drug) && o.status === 'active');
    const scope = unitScope(body.unitCode);
    for (const o of orders) write.add({ docType: 'medication-order', kind: 'create', parents: [], scope, patientId: p.docId, body: o });
    for (const r of demoResults(prng, now, anticoagulated)) write.add({ docType: 'result', kind: 'create', parents: [], scope, patientId: p.docId, body: r });
  }
  await write.commit();
  await group.close(now);
}
