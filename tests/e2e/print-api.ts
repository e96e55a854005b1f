// The demo server's API as a second device would use it, to set the scene for printing tests:
// sign in, pull what a person may see, push sealed entries.
import { newId, type Entry, type UnsignedEntry } from '../../src/domain/entry';
import { sealEntry } from '../../src/domain/hash';
import type { LoginResponse, PushResponse } from '../../src/domain/protocol';
import { apiCall as call, pullToEnd, signInApi } from '../support/server-api';

export interface ApiDevice {
  url: string;
  login: LoginResponse;
  deviceId: string;
  seq: number;
}

export async function signInDevice(url: string, username: string): Promise<ApiDevice> {
  const deviceId = `print-test-${username}-${newId()}`;
  const login = await signInApi(url, username, deviceId);
  return { url, login, deviceId, seq: 0 };
}

export async function pullAll(d: ApiDevice): Promise<Entry[]> {
  return (await pullToEnd(d.url, d.login.token)).entries;
}

/** Creates a document and returns its docId; throws unless the server accepts it. */
export async function createDocument(
  d: ApiDevice,
  fields: Pick<UnsignedEntry, 'docType' | 'scope' | 'body'> & { patientId?: string },
): Promise<string> {
  const entry = await sealEntry({
    id: newId(), docId: newId(), kind: 'create', parents: [],
    author: { userId: d.login.user.id, name: d.login.user.name, role: d.login.user.role },
    deviceId: d.deviceId, deviceSeq: ++d.seq, createdAt: new Date().toISOString(),
    ...fields,
  });
  const res = await call<PushResponse>(`${d.url}/api/sync/push`, { method: 'POST', token: d.login.token, json: { deviceId: d.deviceId, entries: [entry] } });
  if (res.results[0]?.status !== 'accepted') throw new Error(`push refused: ${JSON.stringify(res.results[0])}`);
  return entry.docId;
}
