// MLLP over TLS (issue 13): with RELEVE_TLS_CERT / RELEVE_TLS_KEY set, the listener speaks TLS
// with the HTTPS certificate; a plain-TCP sender gets nothing stored.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admit } from './hl7-fixtures';
import { MllpClient, readAck } from './mllp-client';
import { counts, startFeedServer, type FeedServer } from './mllp-harness';

let f: FeedServer;
let certFile: string;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'releve-mllp-tls-'));
  certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'], { stdio: 'ignore' });
  f = await startFeedServer({ RELEVE_TLS_CERT: certFile, RELEVE_TLS_KEY: keyFile });
});
afterAll(() => f?.close());

describe('MLLP over TLS', () => {
  it('takes a message over TLS and journals it', async () => {
    const ack = readAck(await f.mllp.send(admit({ ipp: '960001', birthName: 'TLSTEST', given: 'Rémi', birth: '19800101', sex: 'M' }, { ward: 'MED', room: '160' }, { controlId: 'TLS-1' })));
    expect(ack).toMatchObject({ code: 'AA', controlId: 'TLS-1' });
    const row = await f.server.store.db.selectFrom('his_journal').select('status').where('control_id', '=', 'TLS-1').executeTakeFirst();
    expect(row?.status).toBe('applied');
    expect(readFileSync(certFile, 'utf8')).toContain('BEGIN CERTIFICATE');
  });

  it('stores nothing from a sender that does not speak TLS', async () => {
    const before = await counts(f.server);
    const plain = await MllpClient.connect(f.port);
    const reply = await Promise.race([plain.send(admit({ ipp: '960002', birthName: 'PLAIN', given: 'Paul', birth: '19800101', sex: 'M' }, { ward: 'MED', room: '161' })).catch(() => null), new Promise((r) => setTimeout(() => r(null), 2000))]);
    plain.close();
    expect(reply).toBeNull();
    expect(await counts(f.server)).toEqual(before);
  });
});
