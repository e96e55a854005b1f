// A stolen tablet: everything a thief can read from its browser storage (every IndexedDB
// database, Cache Storage, localStorage, sessionStorage) holds none of the MED ward's patient
// names, birth dates or IPPs, and none of the tokens, while the board shows them on screen.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PatientBody } from '../../src/domain/schemas';
import { newTablet, serverAndBrowser, waitForServiceWorker } from './harness';
import { pullAll, signInDevice } from './print-api';
import { openPatientByRow, signIn, writeNote } from './ward-tablet';

/**
 * Every value the page's origin stores, as text (bytes as Latin-1, keys as a marker), by place:
 * 'keyring' is the sign-in database (staff names in clear by design, no patient data), 'code'
 * is Cache Storage (the app's own files, whose French words include "Homme"), 'data' the rest.
 */
function dumpStorage(page: Page): Promise<{ data: string; keyring: string; code: string; apiCached: string[] }> {
  return page.evaluate(async () => {
    const text = (v: unknown): string =>
      JSON.stringify(v, (_k, x: unknown) => {
        if (x instanceof ArrayBuffer || ArrayBuffer.isView(x)) {
          const bytes = x instanceof ArrayBuffer ? new Uint8Array(x) : new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
          return String.fromCharCode(...bytes);
        }
        if (x instanceof CryptoKey) return `[CryptoKey extractable=${x.extractable}]`;
        return x;
      });
    const data: string[] = [];
    const keyring: string[] = [];
    const code: string[] = [];
    const apiCached: string[] = [];
    for (const info of await indexedDB.databases()) {
      const out = info.name === 'releve-keyring' ? keyring : data;
      const db = await new Promise<IDBDatabase>((ok, ko) => {
        const req = indexedDB.open(info.name!);
        req.onsuccess = () => ok(req.result);
        req.onerror = () => ko(req.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((ok, ko) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => ok(req.result);
          req.onerror = () => ko(req.error);
        });
        out.push(`idb ${info.name}/${store} (${rows.length} rows)`, ...rows.map(text));
      }
      db.close();
    }
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const req of await cache.keys()) {
        if (new URL(req.url).pathname.startsWith('/api/')) apiCached.push(req.url);
        code.push(`cache ${req.url}`, await (await cache.match(req))!.text());
      }
    }
    for (const store of [localStorage, sessionStorage]) {
      for (let i = 0; i < store.length; i++) data.push(`storage ${store.key(i)}`, store.getItem(store.key(i)!) ?? '');
    }
    return { data: data.join('\n'), keyring: keyring.join('\n'), code: code.join('\n'), apiCached };
  });
}

describe('a stolen tablet', () => {
  const suite = serverAndBrowser();

  it('stores none of the ward’s names, birth dates or IPPs, and no token', async () => {
    const { server, browser } = suite;
    const ward = (await pullAll(await signInDevice(server.url, 'demo-nurse')))
      .filter((e) => e.docType === 'patient' && e.scope === 'unit:MED')
      .map((e) => e.body as PatientBody);
    expect(ward.length).toBeGreaterThan(10);

    const tablet = await newTablet(browser);
    const page = await tablet.newPage();
    const tokens: string[] = [];
    // The sign-in and refresh answers are read on their way to the tablet (routed, then fulfilled unchanged):
    // a response listener could not read a body once the page had navigated away from it.
    await page.route(/\/api\/auth\/(login|refresh)$/, async (route) => {
      const res = await route.fetch();
      const { token } = (await res.json()) as { token?: string };
      if (token) tokens.push(token);
      await route.fulfill({ response: res });
    });
    await signIn(page, server.url, 'demo-nurse');
    await waitForServiceWorker(page);
    await page.getByText(ward[0]!.lastName.toUpperCase(), { exact: false }).first().waitFor();
    const { name } = await openPatientByRow(page, 0);
    await writeNote(page, { target: 'Vol de tablette', data: `Note pour ${name}` });
    // A half-typed note stays as a draft.
    await page.getByRole('button', { name: 'Nouvelle transmission' }).click();
    await page.getByLabel('Cible').fill('Brouillon secret');
    await page.waitForTimeout(1500);
    expect(tokens.length).toBeGreaterThan(0);

    const dump = await dumpStorage(page);
    // The dump did read the tablet's rows: the census's document ids are there, in clear.
    expect(dump.data).toMatch(/idb releve\/docs \((\d{2,}) rows\)/);
    expect(dump.apiCached).toEqual([]); // no server answer (census, entries) kept in Cache Storage
    const everything = [dump.data, dump.keyring, dump.code].join('\n');
    const leaks: string[] = [];
    for (const p of ward) {
      for (const name of [p.lastName, p.firstName]) if (dump.data.includes(name)) leaks.push(name);
      for (const secret of [p.birthDate, p.ipp]) if (everything.includes(secret)) leaks.push(secret);
    }
    for (const secret of [...tokens, 'Vol de tablette', 'Brouillon secret']) if (everything.includes(secret)) leaks.push(secret.slice(0, 12));
    expect(leaks).toEqual([]);
    await tablet.close();
  });
});
