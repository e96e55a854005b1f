// RELEVE_FHIR_EXPORT_URL: the server POSTs the episode's export to the main record's FHIR endpoint
// (here a fake FHIR server in its own process, over real HTTP) and answers, per Relève document,
// where the main record put it. Sending twice creates nothing twice. Without the setting, or with
// the endpoint down, the person hears why.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Entry } from '../../../src/domain/entry';
import type { DowntimeBody } from '../../../src/domain/schemas/downtime';
import type { SendAnswer } from '../../../src/server/recovery/send-export';
import { fhirExportUrlFromEnv } from '../../../src/server/serve';
import type { Store } from '../../../src/server/store/open-store';
import { bearer, closeAll, login, pullAll, testApp, testStore, type Tablet } from '../helpers';

let fhir: ChildProcess;
let fhirUrl: string;
let app: FastifyInstance;
let store: Store;
let recovery: Tablet;
let drill: Entry;

beforeAll(async () => {
  fhir = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'fake-fhir-process.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    fhir.stdout!.on('data', (d: Buffer) => {
      const m = /listening (\d+)/.exec(String(d));
      if (m) resolve(Number(m[1]));
    });
    fhir.once('exit', (code) => reject(new Error(`fake FHIR server exited ${code}`)));
  });
  fhirUrl = `http://127.0.0.1:${port}`;
  ({ app, store } = await testApp({ fhirExportUrl: `${fhirUrl}/fhir` }));
  recovery = await login(app, 'demo-recovery');
  drill = (await pullAll(app, recovery)).find((e) => e.docType === 'downtime' && e.kind === 'create' && (e.body as DowntimeBody).drill)!;
}, 60_000);

afterAll(async () => {
  fhir.kill();
  await closeAll(app, store);
});

const send = (a: FastifyInstance, t: Tablet, body: unknown) => a.inject({ method: 'POST', url: '/api/recovery/export/send', headers: bearer(t), payload: body as object });
const held = async () => ((await (await fetch(`${fhirUrl}/count`)).json()) as { count: number }).count;

describe('POST /api/recovery/export/send', () => {
  it('sends the export to the FHIR endpoint and answers where each document went; twice creates nothing twice', async () => {
    const res = await send(app, recovery, { downtime: drill.docId });
    expect(res.statusCode, res.body).toBe(200);
    const answer = res.json<SendAnswer>();
    expect(answer).toMatchObject({ ok: true, status: 200, url: `${fhirUrl}/fhir` });
    expect(answer.documents.length).toBeGreaterThan(5);
    for (const d of answer.documents) expect(d.locations[0]).toMatch(/^(Patient|QuestionnaireResponse|Observation|DocumentReference)\/\d+\/_history\/1$/);
    const count = await held();
    expect(count).toBeGreaterThan(20);

    const again = (await send(app, recovery, { downtime: drill.docId })).json<SendAnswer>();
    expect(again.ok).toBe(true);
    expect(await held()).toBe(count);
    expect(again.documents.map((d) => d.locations)).toEqual(answer.documents.map((d) => d.locations));
  });

  it('refuses a nurse and a malformed request before sending anything', async () => {
    const before = await held();
    expect((await send(app, await login(app, 'demo-nurse'), { downtime: drill.docId })).statusCode).toBe(403);
    expect((await send(app, recovery, { downtime: 'nope' })).json()).toMatchObject({ error: 'invalid_request' });
    expect(await held()).toBe(before);
  });

  it('says when no endpoint is configured, and when the endpoint is down', async () => {
    const bare = await testApp({ store: await testStore() });
    const t = await login(bare.app, 'demo-recovery');
    expect((await send(bare.app, t, { downtime: drill.docId })).json()).toMatchObject({ error: 'not_configured' });
    await closeAll(bare.app, bare.store);

    const down = await testApp({ store: await testStore(), fhirExportUrl: 'http://127.0.0.1:9/fhir' });
    const t2 = await login(down.app, 'demo-recovery');
    const episode = (await pullAll(down.app, t2)).find((e) => e.docType === 'downtime' && e.kind === 'create' && (e.body as DowntimeBody).drill)!;
    const res = await send(down.app, t2, { downtime: episode.docId });
    expect(res.statusCode).toBe(502);
    expect(res.json()).toMatchObject({ error: 'fhir_unreachable' });
    await closeAll(down.app, down.store);
  });

  it('refuses a RELEVE_FHIR_EXPORT_URL that is not an http(s) URL at start', () => {
    expect(fhirExportUrlFromEnv({ RELEVE_FHIR_EXPORT_URL: 'https://dpi.example/fhir' })).toBe('https://dpi.example/fhir');
    expect(() => fhirExportUrlFromEnv({ RELEVE_FHIR_EXPORT_URL: 'dpi/fhir' })).toThrow(/http\(s\) URL/);
    expect(() => fhirExportUrlFromEnv({ RELEVE_FHIR_EXPORT_URL: 'ftp://dpi/fhir' })).toThrow(/http\(s\) URL/);
  });
});
