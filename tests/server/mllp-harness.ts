// The running server with its MLLP listener on free ports (serve(), as `npm start` runs it, on a
// copy of the seeded database), and what a ward's nurse then pulls over HTTP.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Entry } from '../../src/domain/entry';
import { newId } from '../../src/domain/entry';
import { sealEntry } from '../../src/domain/hash';
import type { PushResponse, PushResult, SessionUser } from '../../src/domain/protocol';
import { apiCall, pullToEnd, signInApi } from '../support/server-api';
import { serve, type RunningServer } from '../../src/server/serve';
import { testStore } from './helpers';
import { MllpClient } from './mllp-client';

export interface FeedServer {
  server: RunningServer;
  mllp: MllpClient;
  port: number;
  close(): Promise<void>;
}

export async function startFeedServer(env: Record<string, string> = {}): Promise<FeedServer> {
  const store = await testStore();
  const dataDir = dirname(store.file);
  await store.close();
  const server = await serve({ PORT: '0', HOST: '127.0.0.1', RELEVE_DATA_DIR: dataDir, RELEVE_MLLP_PORT: '0', RELEVE_LOG_LEVEL: 'silent', RELEVE_STATIC_DIR: '/nonexistent', ...env });
  const port = server.mllp!.port;
  const mllp = env.RELEVE_TLS_CERT ? await MllpClient.connectTls(port, readFileSync(env.RELEVE_TLS_CERT, 'utf8')) : await MllpClient.connect(port);
  return {
    server, mllp, port,
    async close() {
      mllp.close();
      await server.stop();
    },
  };
}

export interface Reader {
  token: string;
  cursor: number;
  user: SessionUser;
  deviceId: string;
}

export async function signIn(server: RunningServer, username: string): Promise<Reader> {
  const deviceId = `tablet-${username}-${newId()}`;
  const body = await signInApi(server.url, username, deviceId);
  return { token: body.token, user: body.user, deviceId, cursor: 0 };
}

let deviceSeq = 0;

/** A nurse's note on a patient, written on her tablet (and not yet pushed). */
export function noteOn(r: Reader, patient: Entry, text: string): Promise<Entry> {
  return sealEntry({
    id: newId(), docId: newId(), docType: 'note', kind: 'create', parents: [], scope: patient.scope, patientId: patient.docId,
    body: { target: 'Suivi', data: text, actions: '', results: '' },
    author: { userId: r.user.id, name: r.user.name, role: r.user.role }, deviceId: r.deviceId, deviceSeq: ++deviceSeq, createdAt: new Date().toISOString(),
  });
}

/** Pushes one entry from the reader's tablet; throws unless it is accepted. */
export async function pushAccepted(server: RunningServer, r: Reader, e: Entry): Promise<PushResult> {
  const res = await apiCall<PushResponse>(`${server.url}/api/sync/push`, { method: 'POST', token: r.token, json: { deviceId: r.deviceId, entries: [e] } });
  const [result] = res.results;
  if (result?.status !== 'accepted') throw new Error(`entry refused: ${JSON.stringify(result)}`);
  return result;
}

/** A nurse's note on a patient, pushed from her tablet. */
export async function pushNote(server: RunningServer, r: Reader, patient: Entry, text: string): Promise<Entry> {
  const e = await noteOn(r, patient, text);
  await pushAccepted(server, r, e);
  return e;
}

/** What the reader's next pulls bring, to the end of the feed; moves the reader's cursor. */
export async function pullNew(server: RunningServer, r: Reader): Promise<Entry[]> {
  const { entries, next } = await pullToEnd(server.url, r.token, r.cursor);
  r.cursor = next;
  return entries;
}

export async function counts(server: RunningServer): Promise<{ entries: number; feed: number; journal: number }> {
  const db = server.store.db;
  const n = async (t: 'entries' | 'feed' | 'his_journal') => Number((await db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { entries: await n('entries'), feed: await n('feed'), journal: await n('his_journal') };
}
