// The demo server's API as a second device would use it, to set the scene for printing tests:
// sign in, pull what a person may see, push sealed entries.
import { newId, type Entry, type UnsignedEntry } from '../../src/domain/entry';
import { sealEntry } from '../../src/domain/hash';
import type { LoginResponse, PullResponse, PushResponse } from '../../src/domain/protocol';

export interface ApiDevice {
  url: string;
  login: LoginResponse;
  deviceId: string;
  seq: number;
}

async function call<T>(url: string, init: { method?: string; token?: string; json?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, { method: init.method ?? 'GET', headers, body: init.json === undefined ? null : JSON.stringify(init.json) });
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function signInDevice(url: string, username: string): Promise<ApiDevice> {
  const deviceId = `print-test-${username}-${newId()}`;
  const login = await call<LoginResponse>(`${url}/api/auth/login`, { method: 'POST', json: { username, password: 'demo', deviceId } });
  return { url, login, deviceId, seq: 0 };
}

export async function pullAll(d: ApiDevice): Promise<Entry[]> {
  const out: Entry[] = [];
  for (let after = 0; ; ) {
    const page = await call<PullResponse>(`${d.url}/api/sync/pull?after=${after}&limit=1000`, { token: d.login.token });
    out.push(...page.entries);
    after = page.next;
    if (!page.more) return out;
  }
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
