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
  /** The body already written as JSON (a push writes each entry once: sync/batches.ts pushBody). */
  json?: string;
  /**
   * How long the server may stay silent: until the answer starts (plus the time a slow link
   * needs to upload the body), then between two chunks of the answer. A large pull page coming
   * slowly is not cut: only one that stops coming is, and that is "offline".
   */
  timeoutMs?: number;
  /** Base URL; empty means same origin. Tests point it at a test server. */
  base?: string;
}

/** The slowest upload we wait for before calling the server silent (a weak ward Wi-Fi). */
const SLOW_UPLOAD_BYTES_PER_S = 64 * 1024;

let defaultBase = '';
export function setApiBase(base: string): void {
  defaultBase = base;
}

/** An abort signal that fires after `ms` without a call to `touch`. */
function silenceTimer(ms: number) {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const touch = (extraMs = 0) => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(new DOMException('the server went silent', 'TimeoutError')), ms + extraMs);
  };
  return { signal: controller.signal, touch, stop: () => clearTimeout(timer) };
}

async function readText(res: Response, touch: () => void): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    touch();
    text += decoder.decode(value, { stream: true });
  }
}

export async function api<T>(path: string, opts: ApiOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const body = opts.json ?? (opts.body === undefined ? null : JSON.stringify(opts.body));
  if (body !== null) headers['content-type'] = 'application/json';
  const silence = silenceTimer(opts.timeoutMs ?? 30_000);
  silence.touch(body ? (body.length / SLOW_UPLOAD_BYTES_PER_S) * 1000 : 0);
  let res: Response;
  let text: string;
  try {
    res = await fetch((opts.base ?? defaultBase) + path, {
      method: opts.method ?? (body === null ? 'GET' : 'POST'),
      headers,
      // Handed over as a Blob: Chromium copies a string body through the page's main thread
      // (14 ms for a push's 300 KB, 40-60 ms while IndexedDB is busy, as it is during a push)
      // where a Blob goes by reference (about 4 ms, its making included).
      body: body === null ? null : new Blob([body], { type: 'application/json' }),
      cache: 'no-store',
      signal: silence.signal,
    });
    silence.touch();
    text = await readText(res, silence.touch);
  } catch (err) {
    throw new OfflineError(err);
  } finally {
    silence.stop();
  }
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
