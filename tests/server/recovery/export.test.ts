// The FHIR export of the demo drill: a transaction Bundle whose every resource is valid under the
// official R4 JSON schema, each with its Provenance; temporary identities follow their link; the
// same export twice creates nothing twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Entry } from '../../../src/domain/entry';
import type { DowntimeBody } from '../../../src/domain/schemas/downtime';
import type { PatientBody } from '../../../src/domain/schemas';
import { SYSTEMS } from '../../../src/domain/recovery/fhir/systems';
import type { ExportBundle, BundleEntry } from '../../../src/domain/recovery/fhir/bundle';
import type { Store } from '../../../src/server/store/open-store';
import { fhirErrors } from '../../domain/fhir-validator';
import { bearer, closeAll, entryBy, login, pullAll, push, testApp, type Tablet } from '../helpers';
import { applyTransaction, emptyFhirServer } from './fhir-server';

let app: FastifyInstance;
let store: Store;
let recovery: Tablet;
let drill: Entry;
let entries: Entry[];

async function exportOf(t: Tablet, query: string) {
  return app.inject({ method: 'GET', url: `/api/recovery/export?${query}`, headers: bearer(t) });
}

async function bundleOf(query = `downtime=${drill.docId}`): Promise<ExportBundle> {
  const res = await exportOf(recovery, query);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ExportBundle>();
}

const ofType = (b: ExportBundle, type: string) => b.entry.filter((e) => e.resource.resourceType === type);
const provenanceOf = (b: ExportBundle, e: BundleEntry) =>
  ofType(b, 'Provenance').filter((p) => (p.resource.target as { reference: string }[])[0]!.reference === e.fullUrl);

beforeAll(async () => {
  ({ app, store } = await testApp());
  recovery = await login(app, 'demo-recovery');
  entries = await pullAll(app, recovery);
  drill = entries.find((e) => e.docType === 'downtime' && e.kind === 'create' && (e.body as DowntimeBody).drill)!;
});
afterAll(() => closeAll(app, store));

describe('GET /api/recovery/export', () => {
  it('exports the closed MED drill: every resource valid FHIR R4, each with exactly one Provenance', async () => {
    expect(drill).toBeDefined();
    expect(entries.some((e) => e.docId === drill.docId && e.kind === 'amend' && (e.body as DowntimeBody).endedAt)).toBe(true);
    const res = await exportOf(recovery, `downtime=${drill.docId}`);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="releve-export-.*\.json"/);
    const bundle = res.json<ExportBundle>();
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'transaction' });
    expect(fhirErrors(bundle)).toEqual([]);
    const counts = new Map<string, number>();
    for (const e of bundle.entry) {
      expect(fhirErrors(e.resource), `${e.resource.resourceType} ${e.fullUrl}`).toEqual([]);
      counts.set(e.resource.resourceType, (counts.get(e.resource.resourceType) ?? 0) + 1);
      if (e.resource.resourceType !== 'Provenance') expect(provenanceOf(bundle, e), e.fullUrl).toHaveLength(1);
    }
    expect(Object.fromEntries(counts)).toMatchObject({ Patient: 3, QuestionnaireResponse: 4, DocumentReference: 4 });
    expect(counts.get('Provenance')).toBe(bundle.entry.length / 2);
  });

  it('writes vitals as LOINC Observations at the time written on the row', async () => {
    const bundle = await bundleOf();
    const codes = new Set(ofType(bundle, 'Observation').map((o) => (o.resource.code as { coding: { code: string }[] }).coding[0]!.code));
    expect([...codes].sort()).toEqual(['59408-5', '72514-3', '8310-5', '8462-4', '8480-6', '8867-4', '9279-1']);
    const systolic = ofType(bundle, 'Observation').filter((o) => JSON.stringify(o.resource.code).includes('8480-6'));
    expect(systolic.map((o) => (o.resource.valueQuantity as { value: number }).value).sort()).toEqual([124, 132, 141]);
    const qrTimes = ofType(bundle, 'QuestionnaireResponse').map((q) => q.resource.authored);
    for (const o of systolic) {
      expect(o.resource.effectiveDateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00/);
      expect(qrTimes).not.toContain(o.resource.effectiveDateTime); // the row's time, not the form's save
      expect(o.request.ifNoneExist).toMatch(new RegExp(`^identifier=${SYSTEMS.observation}\\|`));
    }
  });

  it('keeps a note’s versions, marks the retracted one entered-in-error, and says who transcribed what paper', async () => {
    const bundle = await bundleOf();
    const notes = ofType(bundle, 'DocumentReference').map((d) => d.resource);
    expect(notes.every((n) => JSON.stringify(n.type).includes('34746-8'))).toBe(true);
    const superseded = notes.find((n) => n.status === 'superseded')!;
    const current = notes.find((n) => (n.relatesTo as unknown[] | undefined)?.length)!;
    expect(current.status).toBe('current');
    expect(JSON.stringify(current.relatesTo)).toContain((superseded.masterIdentifier as { value: string }).value);
    expect(notes.filter((n) => n.status === 'entered-in-error')).toHaveLength(1);
    // The pain note was observed twenty minutes before it was typed: both times reach the main record.
    const seen = (current.context as { period: { start: string } } | undefined)?.period.start;
    expect(seen).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(Date.parse(current.date as string) - Date.parse(seen!)).toBeGreaterThan(15 * 60_000);

    const transcribed = ofType(bundle, 'QuestionnaireResponse').find((q) => q.resource.extension)!;
    const prov = provenanceOf(bundle, transcribed)[0]!.resource as unknown as { agent: { type: { coding: { code: string }[] }; who: { display: string } }[]; occurredDateTime: string; recorded: string; entity: unknown[] };
    expect(prov.agent.map((a) => `${a.type.coding[0]!.code}:${a.who.display}`)).toEqual(
      expect.arrayContaining(['enterer:Nathalie Rousseau', 'author:JL (Julien Lefèvre)']),
    );
    expect(prov.occurredDateTime).not.toBe(prov.recorded);
    expect(JSON.stringify(prov.entity)).toContain(drill.docId);
    expect(JSON.stringify(prov.entity)).toContain('sha256:');
  });

  it('refuses a nurse, another ward to a charge nurse, a malformed id and an unknown episode', async () => {
    expect((await exportOf(await login(app, 'demo-nurse'), `downtime=${drill.docId}`)).statusCode).toBe(403);
    const charge = await login(app, 'demo-charge');
    expect((await exportOf(charge, `downtime=${drill.docId}&unit=MED`)).statusCode).toBe(200);
    expect((await exportOf(charge, `downtime=${drill.docId}&unit=CHIR`)).statusCode).toBe(403);
    expect((await exportOf(recovery, 'downtime=not-an-id')).json()).toMatchObject({ error: 'invalid_request' });
    expect((await exportOf(recovery, `downtime=${entries.find((e) => e.docType === 'note')?.docId ?? '0190a0a0-0000-7000-8000-000000000000'}`)).statusCode).toBe(404);
  });

  it('is idempotent: the same export twice creates nothing twice, and only the new work the next time', async () => {
    const server = emptyFhirServer();
    const first = applyTransaction(server, await bundleOf());
    expect(first.created).toBeGreaterThan(20);
    const again = applyTransaction(server, await bundleOf());
    expect(again.created).toBe(0);
    expect(server.resources.size).toBe(first.created);

    const camille = await login(app, 'demo-nurse');
    const patient = entries.find((e) => e.docType === 'patient' && e.scope === 'unit:MED')!;
    expect((await push(app, camille, [await entryBy(camille, { patient, downtimeId: drill.docId, createdAt: new Date().toISOString() })])).results[0]!.status).toBe('accepted');
    const third = applyTransaction(server, await bundleOf());
    expect(third.created).toBe(4); // the late note, its patient (new to the export), and a Provenance for each
  });

  it('shows a linked temporary patient’s documents under the real patient, and back after the undo', async () => {
    const tmp = entries.find((e) => e.docType === 'patient' && (e.body as PatientBody).ipp.startsWith('TMP-'))!;
    const real = entries.find((e) => e.docType === 'patient' && e.scope === 'unit:MED' && !(e.body as PatientBody).ipp.startsWith('TMP-'))!;
    const who = (p: Entry) => ({ patientId: p.docId, ipp: (p.body as PatientBody).ipp, name: (p.body as PatientBody).lastName, birthDate: (p.body as PatientBody).birthDate });
    const link = await entryBy(recovery, { docType: 'patient-link', scope: tmp.scope, patientId: tmp.docId, body: { merged: who(tmp), into: who(real), source: 'manual' } });
    expect((await push(app, recovery, [link])).results[0]).toMatchObject({ status: 'accepted' });

    const linked = await bundleOf();
    const tmpDocs = [...ofType(linked, 'QuestionnaireResponse'), ...ofType(linked, 'DocumentReference')].filter((e) => JSON.stringify(e.resource).includes('Accueil') || JSON.stringify(e.resource).includes('downtime-admission'));
    expect(tmpDocs).toHaveLength(2);
    for (const d of tmpDocs) {
      expect((d.resource.subject as { reference: string }).reference).toBe(`urn:uuid:${real.docId}`);
      expect(JSON.stringify(provenanceOf(linked, d)[0]!.resource)).toContain((tmp.body as PatientBody).ipp);
    }
    const tmpPatient = ofType(linked, 'Patient').find((p) => p.fullUrl === `urn:uuid:${tmp.docId}`)!;
    expect(tmpPatient.resource).toMatchObject({ active: false, link: [{ type: 'replaced-by', other: { reference: `urn:uuid:${real.docId}` } }] });
    for (const e of linked.entry) expect(fhirErrors(e.resource)).toEqual([]);

    const undo = await entryBy(recovery, { docId: link.docId, kind: 'retract', parents: [link.id], docType: 'patient-link', scope: tmp.scope, patientId: tmp.docId, body: { reason: 'Homonyme : mauvais patient' } });
    expect((await push(app, recovery, [undo])).results[0]).toMatchObject({ status: 'accepted' });
    const undone = await bundleOf();
    const again = ofType(undone, 'DocumentReference').find((e) => e.resource.description === 'Accueil')!;
    expect((again.resource.subject as { reference: string }).reference).toBe(`urn:uuid:${tmp.docId}`);
  });
});
