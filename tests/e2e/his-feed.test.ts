// The HIS feed reaching a ward tablet (issue 13): an admission sent over MLLP while the tablet
// is online is on the ward board within one sync cycle (30 s, nobody touching the tablet); its
// prescriptions then print, offline, as a MAR pre-filled for the next 24 hours.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { admit, labResults, pharmacy, type Person } from '../server/hl7-fixtures';
import { MllpClient, readAck } from '../server/mllp-client';
import { freePort, launchChromium, newTablet, screenshot, startServer, waitForServiceWorker, type RunningServer } from './harness';
import { ARTEFACTS, pageCount, pageTexts, printA4 } from './print-pdf';
import { goOffline, signIn, syncNow } from './ward-tablet';
import { signInAs } from './downtime-steps';

let server: RunningServer;
let browser: Browser;
let mllpPort: number;
beforeAll(async () => {
  mllpPort = await freePort();
  server = await startServer({ env: { RELEVE_MLLP_PORT: String(mllpPort) } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const odette: Person = { ipp: '920001', birthName: 'FEEDTEST', given: 'Odette', birth: '19410220', sex: 'F' };

describe('the HIS feed on a ward tablet', () => {
  it('an A01 reaches the ward board within one sync cycle; offline, the printed MAR lists her prescriptions', async () => {
    const ctx = await newTablet(browser);
    const page = await ctx.newPage();
    await signIn(page, server.url, 'demo-nurse');
    await waitForServiceWorker(page);
    await page.goto(`${server.url}/ward/MED`);
    await page.getByText(/IPP \d+/).first().waitFor();

    const hl7 = await MllpClient.connect(mllpPort);
    const sentAt = Date.now();
    expect(readAck(await hl7.send(admit(odette, { ward: 'MED', room: '118', bed: 'A' }, { allergies: ['Pénicilline'] }))).code).toBe('AA');
    // No tap on "Synchroniser": the tablet's own loop (every 30 s) brings her.
    await page.getByText('FEEDTEST Odette').waitFor({ timeout: 40_000 });
    expect(Date.now() - sentAt).toBeLessThan(40_000);
    await expect.poll(() => page.locator('.status-bar').innerText()).toMatch(/Données du SIH au \d\d:\d\d/);
    await screenshot(page, 'his-board');

    expect(readAck(await hl7.send(pharmacy(odette, [
      { control: 'NW', id: 'RX-920001-1', drug: 'Céfazoline', dose: '2', unit: 'g', route: 'IV', pattern: 'Q8H^toutes les 8 h', times: ['0600', '1400', '2200'], start: '20260101000000' },
      { control: 'NW', id: 'RX-920001-2', drug: 'Énoxaparine', dose: '4000', unit: 'UI', route: 'SC', pattern: 'QD^1 fois par jour', times: ['2000'], start: '20260101000000' },
      { control: 'DC', id: 'RX-920001-3', drug: 'Amoxicilline', dose: '1', unit: 'g', route: 'PO', pattern: 'TID', times: ['0800', '1400', '2000'], start: '20260101000000', stop: '20260102000000' },
    ]))).code).toBe('AA');
    expect(readAck(await hl7.send(labResults(odette, [{ loinc: '2823-3', label: 'Potassium', value: '5.9', unit: 'mmol/L', range: '3.5-5.0', flag: 'H' }]))).code).toBe('AA');
    hl7.close();

    await page.getByText('FEEDTEST Odette').click();
    await page.waitForURL(/\/patient\//);
    const patientId = decodeURIComponent(page.url().split('/patient/')[1]!.split(/[/?]/)[0]!);
    await syncNow(page);
    await page.getByRole('rowheader', { name: /Céfazoline/ }).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('.his').innerText()).toMatch(/Potassium[\s\S]*5\.9 mmol\/L[\s\S]*haut/);
    await expect.poll(() => page.locator('.his-stopped > summary').innerText()).toBe('1 prescription arrêtée');
    await screenshot(page, 'his-patient');

    await goOffline(ctx, page);
    await page.goto(`${server.url}/print/his/${encodeURIComponent(patientId)}/mar`);
    await page.locator('[data-print-ready="true"]').waitFor({ timeout: 60_000 });
    const file = await printA4(page, 'his-mar');
    const text = pageTexts(file).join('\n');
    expect(text).toContain('FEEDTEST Odette');
    expect(text).toContain('920001');
    expect(text).toContain('Pénicilline');
    // Three doses of céfazoline and one of énoxaparine in the next 24 h, the stopped order nowhere.
    expect(text.match(/Céfazoline/g)?.length).toBe(1 + 3);
    expect(text.match(/Énoxaparine/g)?.length).toBe(1 + 1);
    expect(text).not.toContain('Amoxicilline');
    expect(text).toContain('Initiales');
    expect(text).toContain('Fait à (heure)');
    // The pages as a person sees them.
    execFileSync('pdftoppm', ['-png', '-r', '60', file, join(ARTEFACTS, 'his-mar')]);
    expect(pageCount(file)).toBeGreaterThanOrEqual(1);
    await ctx.close();
  });

  it('an admin sees who waits behind an unmapped HIS ward code, maps it from the screen, and the patient reaches the ward', async () => {
    const rene: Person = { ipp: '920002', birthName: 'ATTENTE', given: 'René', birth: '19390515', sex: 'M' };
    const hl7 = await MllpClient.connect(mllpPort);
    expect(readAck(await hl7.send(admit(rene, { ward: 'SSR2', room: '4' }, { controlId: 'E2E-SSR2' }))).code).toBe('AA');
    hl7.close();
    const ctx = await newTablet(browser);
    const page = await ctx.newPage();
    await signInAs(page, server.url, 'demo-admin');
    await page.goto(`${server.url}/admin`);
    await page.getByRole('link', { name: 'Messages du SIH en attente' }).click();
    await page.getByRole('heading', { name: 'Code SIH SSR2 — 1 message' }).waitFor();
    const row = page.getByRole('row', { name: /ATTENTE René/ });
    await expect.poll(() => row.innerText()).toMatch(/Né le 15\/05\/1939 \(\d+ ans\) · IPP 920002[\s\S]*ADT\^A01[\s\S]*4/);
    const unit = page.getByLabel('Service de Relève pour le code SSR2');
    const map = page.getByRole('button', { name: 'Associer et appliquer les messages' });
    for (const target of [unit, map]) expect((await target.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await map.click();
    await page.getByText('Choisissez le service de Relève.').waitFor();
    await screenshot(page, 'his-kept');
    await unit.selectOption('MED');
    await map.click();
    await page.getByText('SSR2 associé à MED : 1 message appliqué, 0 encore en attente.').waitFor();
    await page.getByText('Aucun message en attente').waitFor();
    await ctx.close();

    const nurse = await newTablet(browser);
    const board = await nurse.newPage();
    await signIn(board, server.url, 'demo-nurse');
    await board.goto(`${server.url}/ward/MED`);
    await board.getByText('ATTENTE René').waitFor({ timeout: 40_000 });
    await nurse.close();
  });
});
