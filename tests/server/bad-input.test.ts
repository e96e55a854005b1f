// Bad input gets a clear 4xx with {error, details}, never a 500 (DESIGN.md, "Errors").
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, MAX_PUSH_ENTRIES } from '../../src/domain/protocol';
import type { Store } from '../../src/server/store/open-store';
import { bearer, closeAll, entryBy, login, patientsOf, testApp, type Tablet } from './helpers';

describe('bad input', () => {
  let app: FastifyInstance;
  let store: Store;
  let nurse: Tablet;
  beforeAll(async () => {
    ({ app, store } = await testApp());
    nurse = await login(app, 'demo-nurse');
  });
  afterAll(async () => closeAll(app, store));

  const postPush = (payload: string | Buffer, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/sync/push', payload, headers: { 'content-type': 'application/json', ...bearer(nurse), ...headers } });

  it('answers 400 malformed_json, saying where, to a body that is not JSON', async () => {
    for (const body of ['{"deviceId": "d", "entries": [', '{deviceId: 1}', 'nul', '{"a":1}}']) {
      const res = await postPush(body);
      expect(res.statusCode, body).toBe(400);
      expect(res.json().error).toBe('malformed_json');
      expect(res.json().details).toMatch(/JSON|position|token/i);
    }
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: '{"username":', headers: { 'content-type': 'application/json' } });
    expect(login.statusCode).toBe(400);
    expect(login.json().error).toBe('malformed_json');
  });

  it('answers 400 to an empty JSON body, and malformed_json to a "__proto__" key', async () => {
    expect((await postPush('')).json()).toEqual({ error: 'invalid_request', details: expect.stringContaining('JSON body') });
    const poisoned = await postPush('{"deviceId":"d","entries":[],"__proto__":{"admin":true}}');
    expect(poisoned.statusCode).toBe(400);
    expect(poisoned.json().error).toBe('malformed_json');
  });

  it('answers 400 invalid_request to the wrong types, naming the field', async () => {
    const cases: [unknown, RegExp][] = [
      [[], /expected object/],
      [{ deviceId: nurse.deviceId }, /entries/],
      [{ deviceId: nurse.deviceId, entries: 'all of them' }, /entries/],
      [{ deviceId: 42, entries: [] }, /deviceId/],
      [{ deviceId: nurse.deviceId, entries: [], force: true }, /force/],
    ];
    for (const [body, details] of cases) {
      const res = await postPush(JSON.stringify(body));
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json()).toEqual({ error: 'invalid_request', details: expect.stringMatching(details) });
    }
  });

  it(`answers 400 to more than ${MAX_PUSH_ENTRIES} entries, and stores none of them`, async () => {
    const [patient] = await patientsOf(store, 'MED');
    const first = await entryBy(nurse, { patient });
    const entries = [first, ...Array.from({ length: MAX_PUSH_ENTRIES }, () => first)];
    const res = await postPush(JSON.stringify({ deviceId: nurse.deviceId, entries }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: 'invalid_request', details: expect.stringContaining(`at most ${MAX_PUSH_ENTRIES}`) });
    expect(store.sqlite.prepare('select count(*) as n from entries where id = ?').get(first.id)).toEqual({ n: 0 });
  });

  it('answers 413 payload_too_large to a body over the limit', async () => {
    const huge = JSON.stringify({ deviceId: nurse.deviceId, entries: ['x'.repeat(MAX_BODY_BYTES)] });
    const res = await postPush(huge);
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toBe('payload_too_large');
  });

  it('answers 415 unsupported_media_type to a body that is not application/json', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml']) {
      const res = await postPush('deviceId=d', { 'content-type': type });
      expect(res.statusCode, type).toBe(415);
      expect(res.json()).toEqual({ error: 'unsupported_media_type', details: expect.stringContaining('application/json') });
    }
  });

  it('answers 400 when the body is missing altogether', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/sync/push', headers: bearer(nurse) });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: 'invalid_request', details: expect.stringContaining('JSON body') });
  });

  it('answers 404 with JSON for an unknown /api route or method', async () => {
    for (const [method, url] of [['GET', '/api/nothing'], ['DELETE', '/api/sync/push'], ['GET', '/api'], ['PUT', '/api/auth/login']] as const) {
      const res = await app.inject({ method, url, headers: bearer(nurse) });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().error).toBe('not_found');
    }
  });

  it('carries the security headers on API answers too', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });
});
