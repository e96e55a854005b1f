// The one place that talks HTTP to the server. A request that fails to reach the server is
// "offline", whatever navigator.onLine claims (captive portals, dead uplinks, DNS).
import type { ErrorResponse } from '../../domain/protocol';

export class OfflineError extends Error {
  constructor(cause?: unknown) {
    super('server unreachable', { cause });
    this.name = 'OfflineError';
  }
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorResponse | null,
  ) {
    super(`HTTP ${status}${body?.error ? `: ${body.error}` : ''}`);
    this.name = 'HttpError';
  }
}

export interface ApiOptions {
  token?: string;
  method?: 'GET' | 'POST';
  body?: unknown;
  timeoutMs?: number;
  /** Base URL; empty means same origin. Tests point it at a test server. */
  base?: string;
}

let defaultBase = '';
export function setApiBase(base: string): void {
  defaultBase = base;
}

export async function api<T>(path: string, opts: ApiOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch((opts.base ?? defaultBase) + path, {
      method: opts.method ?? (opts.body === undefined ? 'GET' : 'POST'),
      headers,
      body: opts.body === undefined ? null : JSON.stringify(opts.body),
      cache: 'no-store',
      signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
    });
  } catch (err) {
    throw new OfflineError(err);
  }
  const text = await res.text().catch(() => '');
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // A proxy's HTML error page is not our server: treat the path as down.
    if (!res.ok) throw new OfflineError(new Error(`non-JSON ${res.status}`));
  }
  if (!res.ok) throw new HttpError(res.status, json as ErrorResponse | null);
  return json as T;
}
