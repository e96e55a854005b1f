// The ward's shared tablet: its settings ask the browser to keep the data (and show the answer
// and the space used); the next person to sign in does not land on the previous one's page; and
// a half-typed note survives a reload, online and offline, and can be found from the sync screen
// (a draft holds back app updates), to be opened or discarded there.
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { serverAndBrowser, newTablet, waitForServiceWorker, screenshot } from './harness';
import { signIn, openPatientByRow, goOffline } from './ward-tablet';

const suite = serverAndBrowser();

async function signOut(page: Page) {
  await page.locator('.header-menu > summary').click();
  await page.getByRole('link', { name: 'Réglages' }).click();
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Oui, me déconnecter' }).click();
  await page.waitForURL(/\/login$/);
}

/** Signs in from wherever the login screen was reached, and returns where the app went. */
async function signInHere(page: Page, username: string): Promise<string> {
  await page.getByLabel('Identifiant').fill(username);
  await page.getByLabel('Mot de passe').fill('demo');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  // Home ('/') sends a one-ward nurse straight on to her ward board.
  await page.waitForURL((u) => u.pathname !== '/login' && u.pathname !== '/', { timeout: 30_000 });
  await page.getByText(/IPP \d+/).first().waitFor();
  return new URL(page.url()).pathname;
}

async function expectRestored(page: Page, fields: Record<string, string>) {
  await page.getByText('Brouillon restauré').waitFor();
  for (const [label, value] of Object.entries(fields)) expect(await page.getByLabel(label).inputValue()).toBe(value);
}

describe('the shared ward tablet', () => {
  it('asks for persistent storage on a button press and shows the answer and the space used', async () => {
    const tablet = await newTablet(suite.browser);
    const page = await tablet.newPage();
    await signIn(page, suite.server.url, 'demo-nurse');
    await page.locator('.header-menu > summary').click();
    await page.getByRole('link', { name: 'Réglages' }).click();
    await page.getByRole('heading', { name: 'Stockage sur la tablette' }).waitFor();
    const main = page.locator('main');
    await main.getByText(/Mo utilisés sur [\d\s\u202f\u00a0]+,\d Mo disponibles/).waitFor();
    expect(await main.innerText()).toMatch(/\d+,\d Mo utilisés sur [\d\s\u202f\u00a0]+,\d Mo disponibles/);

    await page.getByRole('button', { name: 'Demander un stockage persistant' }).click();
    const answer = main.getByText(/^(Accordé|Refusé par le navigateur)/);
    await answer.waitFor();
    // Whatever the browser decided, the screen says the same as navigator.storage.persisted().
    const granted = await page.evaluate(() => navigator.storage.persisted());
    expect(await answer.innerText()).toMatch(granted ? /^Accordé/ : /^Refusé par le navigateur/);
    await screenshot(page, 'settings-storage-fr');
    await tablet.close();
  });

  it('sends the next person to the home screen, not to the page the previous person left open', async () => {
    const tablet = await newTablet(suite.browser);
    const page = await tablet.newPage();
    await signIn(page, suite.server.url, 'demo-nurse');
    await openPatientByRow(page, 0);
    const patientPath = new URL(page.url()).pathname;
    await signOut(page);

    // The tablet is left on that patient's address; a colleague signs in from there.
    await page.goto(`${suite.server.url}${patientPath}`);
    await page.waitForURL(/\/login$/);
    expect(await signInHere(page, 'demo-nurse2')).toBe('/ward/MED');

    // The same person signing in again goes back to where they were.
    await signOut(page);
    await page.goto(`${suite.server.url}${patientPath}`);
    await page.waitForURL(/\/login$/);
    expect(await signInHere(page, 'demo-nurse2')).toBe(patientPath);
    await tablet.close();
  });

  it('keeps a half-typed note through reloads, online and offline, and lists it on the sync screen', async () => {
    const tablet = await newTablet(suite.browser);
    const page = await tablet.newPage();
    await signIn(page, suite.server.url, 'demo-nurse');
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
