// Drafts: a half-typed note survives a reload, online and offline, and a forgotten draft can be
// found from the sync screen (it holds back app updates) and opened or discarded there.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newTablet, startServer, waitForServiceWorker, screenshot, type RunningServer } from './harness';
import { signIn, openPatientByRow, goOffline } from './ward-tablet';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function expectRestored(page: Page, fields: Record<string, string>) {
  await page.getByText('Brouillon restauré').waitFor();
  for (const [label, value] of Object.entries(fields)) expect(await page.getByLabel(label).inputValue()).toBe(value);
}

describe('a half-typed note', () => {
  it('comes back after a reload, online and offline, and is listed on the sync screen', async () => {
    const tablet = await newTablet(browser);
    const page = await tablet.newPage();
    await signIn(page, server.url, 'demo-nurse');
    await waitForServiceWorker(page);
    const patient = await openPatientByRow(page, 2);

    await page.getByRole('button', { name: 'Nouvelle transmission' }).click();
    await page.getByLabel('Cible').fill('Agitation');
    await page.getByLabel('Données').fill('Désorienté, cherche à se lever vers 01:30');
    await page.getByText('Brouillon gardé sur cette tablette').waitFor();

    await page.reload();
    await expectRestored(page, { Cible: 'Agitation', Données: 'Désorienté, cherche à se lever vers 01:30' });
    await screenshot(page, 'draft-restored-fr');

    // Offline: the app comes from the service worker, the draft from IndexedDB.
    await goOffline(tablet, page);
    await page.reload();
    await expectRestored(page, { Cible: 'Agitation', Données: 'Désorienté, cherche à se lever vers 01:30' });
    await page.getByLabel('Actions').fill('Réorientation, barrières');
    await page.getByText('Brouillon gardé sur cette tablette').waitFor();
    await page.reload();
    await expectRestored(page, {
      Cible: 'Agitation',
      Données: 'Désorienté, cherche à se lever vers 01:30',
      Actions: 'Réorientation, barrières',
    });

    // The sync screen lists it with the patient's identifiers and leads back to it.
    await page.locator('.status-bar').getByRole('link').first().click();
    await page.waitForURL(/\/sync$/);
    const row = page.locator('.draft-row');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    const text = await row.innerText();
    expect(text).toContain('Nouvelle transmission');
    expect(text).toContain(patient.name);
    expect(text).toContain(`IPP ${patient.ipp}`);
    expect(text).toMatch(/\d{2}\/\d{2}\/\d{4}/);
    await row.scrollIntoViewIfNeeded();
    await screenshot(page, 'drafts-list-fr');
    await row.getByRole('link', { name: 'Ouvrir' }).click();
    await page.waitForURL(/\/patient\//);
    await expectRestored(page, { Actions: 'Réorientation, barrières' });

    // Discarded from the list (after a confirmation), it is gone everywhere.
    await page.locator('.status-bar').getByRole('link').first().click();
    await row.getByRole('button', { name: 'Abandonner' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Oui, abandonner' }).click();
    await page.getByText('Aucun brouillon en cours.').waitFor();
    await page.goBack();
    await page.waitForURL(/\/patient\//);
    await page.getByRole('button', { name: 'Nouvelle transmission' }).waitFor();
    expect(await page.getByText('Brouillon restauré').count()).toBe(0);
    expect(await page.getByLabel('Cible').count()).toBe(0);
    await tablet.close();
  });
});
