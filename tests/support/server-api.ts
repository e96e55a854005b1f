// The server's API as a second device (or a checker) uses it in tests: one call helper, sign-in
// and a pull to the end of the feed. A 503 "server_busy" means the request was not processed
// (the server sheds load before doing any work), so the helper waits as Retry-After asks and
// tries again, as a tablet's sync loop does; on a shared, loaded test machine the event loop
// can lag past the overload threshold for a moment, and that must not fail an unrelated test.
// A kept-alive connection the server closed while it sat idle in fetch's pool fails with "other
// side closed" before the request reaches the server (seen after an 85 s test on a loaded
// machine): that one failure is tried again once on a fresh connection.
import type { Entry } from '../../src/domain/entry';
import type { LoginResponse, PullResponse } from '../../src/domain/protocol';

export interface CallInit {
  method?: string;
  token?: string;
  json?: unknown;
}

const BUSY_PATIENCE_MS = 60_000;
const BUSY_WAIT_CAP_MS = 2_000;

export async function apiCall<T>(url: string, init: CallInit = {}): Promise<T> {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const body = init.json === undefined ? null : JSON.stringify(init.json);
  for (const giveUpAt = Date.now() + BUSY_PATIENCE_MS; ; ) {
    const res = await fetch(url, { method: init.method ?? 'GET', headers, body }).catch((err: unknown) => {
      if (!closedWhileIdle(err)) throw err;
      return fetch(url, { method: init.method ?? 'GET', headers: { ...headers, connection: 'close' }, body });
    });
    if (res.status === 503 && Date.now() < giveUpAt) {
      const retryAfterMs = Number(res.headers.get('retry-after') ?? '1') * 1000;
      await res.body?.cancel();
      await new Promise((r) => setTimeout(r, Math.min(BUSY_WAIT_CAP_MS, retryAfterMs)));
      continue;
    }
    if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }
}

function closedWhileIdle(err: unknown): boolean {
  const cause = (err as { cause?: { code?: string } } | undefined)?.cause;
  return cause?.code === 'UND_ERR_SOCKET';
}

/** Signs in with the demo password; the device id names the test device in the server's records. */
export function signInApi(baseUrl: string, username: string, deviceId: string): Promise<LoginResponse> {
  return apiCall<LoginResponse>(`${baseUrl}/api/auth/login`, { method: 'POST', json: { username, password: 'demo', deviceId } });
}

/** Every entry the token may see after `after`, to the end of the feed, and the cursor reached. */
export async function pullToEnd(baseUrl: string, token: string, after = 0): Promise<{ entries: Entry[]; next: number }> {
  const entries: Entry[] = [];
  for (let cursor = after; ; ) {
    const page = await apiCall<PullResponse>(`${baseUrl}/api/sync/pull?after=${cursor}&limit=1000`, { token });
    entries.push(...page.entries);
    cursor = page.next;
    if (!page.more) return { entries, next: cursor };
  }
}
