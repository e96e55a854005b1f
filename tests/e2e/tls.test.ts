// Issue 10, part 4: the server speaks HTTPS (HTTP/1.1 and HTTP/2, HSTS) from RELEVE_TLS_CERT and
// RELEVE_TLS_KEY, and the PWA works over it: a secure context, a service worker, offline reload.
// The certificate is a throwaway one made by openssl for this run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { get as httpsGet } from 'node:https';
import { connect as http2Connect } from 'node:http2';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newTablet, startServer, waitForServiceWorker, type RunningServer } from './harness';
import { goOffline, signIn } from './ward-tablet';

function throwawayCertificate(): { certFile: string; keyFile: string; ca: string } {
  const dir = mkdtempSync(join(tmpdir(), 'releve-tls-'));
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=localhost',
    '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
  ], { stdio: 'ignore' });
  return { certFile, keyFile, ca: readFileSync(certFile, 'utf8') };
}

function http1Get(url: string, ca: string): Promise<{ status: number; headers: Record<string, unknown>; version: string }> {
  return new Promise((resolve, reject) => {
    httpsGet(url, { ca }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, headers: res.headers, version: res.httpVersion });
    }).on('error', reject);
  });
}

function http2Get(origin: string, path: string, ca: string): Promise<{ status: number; hsts: unknown }> {
  return new Promise((resolve, reject) => {
    const session = http2Connect(origin, { ca });
    session.on('error', reject);
    const req = session.request({ ':path': path });
    req.on('response', (headers) => {
      resolve({ status: Number(headers[':status']), hsts: headers['strict-transport-security'] });
      req.close();
      session.close();
    });
    req.on('error', reject);
    req.end();
  });
}

describe('HTTPS with a certificate from RELEVE_TLS_CERT / RELEVE_TLS_KEY', () => {
  let server: RunningServer;
  let browser: Browser;
  let tls: ReturnType<typeof throwawayCertificate>;
  beforeAll(async () => {
    tls = throwawayCertificate();
    server = await startServer({ tls });
    // The throwaway certificate is trusted by the Node clients above through `ca`; Chromium has
    // no way to take a CA on the command line, so it is told to accept this one.
    browser = await launchChromium(['--ignore-certificate-errors']);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('answers over HTTP/1.1 and HTTP/2 with HSTS, and says so at start-up', async () => {
    const h1 = await http1Get(`${server.url}/api/health`, tls.ca);
    expect(h1).toMatchObject({ status: 200, version: '1.1' });
    expect(h1.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    const h2 = await http2Get(server.url, '/', tls.ca);
    expect(h2.status).toBe(200);
    expect(String(h2.hsts)).toMatch(/max-age=31536000/);
    expect(server.output()).toMatch(/serving on https:\/\/\S+ \(data in .*\), over HTTPS \(HTTP\/1.1 and HTTP\/2, HSTS on\)/);
  });

  it('runs the PWA: a secure context, a service worker, and an offline reload', async () => {
    const context = await newTablet(browser);
    const page = await context.newPage();
    await signIn(page, server.url, 'demo-nurse');
    expect(await page.evaluate(() => window.isSecureContext && typeof crypto.subtle?.digest === 'function')).toBe(true);
    await waitForServiceWorker(page);
    await goOffline(context, page);
    await page.reload();
    await page.getByText(/IPP \d+/).first().waitFor();
    await context.close();
  });
});
