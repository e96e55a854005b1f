// The ward's shared tablet: its settings ask the browser to keep the data (and show the answer
// and the space used), and the next person to sign in does not land on the previous one's page.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newTablet, startServer, screenshot, type RunningServer } from './harness';
import { signIn, openPatientByRow } from './ward-tablet';

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

async function signOut(page: Page) {
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

describe('the shared ward tablet', () => {
  it('asks for persistent storage on a button press and shows the answer and the space used', async () => {
    const tablet = await newTablet(browser);
    const page = await tablet.newPage();
    await signIn(page, server.url, 'demo-nurse');
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
    const tablet = await newTablet(browser);
    const page = await tablet.newPage();
    await signIn(page, server.url, 'demo-nurse');
    await openPatientByRow(page, 0);
    const patientPath = new URL(page.url()).pathname;
    await signOut(page);

    // The tablet is left on that patient's address; a colleague signs in from there.
    await page.goto(`${server.url}${patientPath}`);
    await page.waitForURL(/\/login$/);
    expect(await signInHere(page, 'demo-nurse2')).toBe('/ward/MED');

    // The same person signing in again goes back to where they were.
    await signOut(page);
    await page.goto(`${server.url}${patientPath}`);
    await page.waitForURL(/\/login$/);
    expect(await signInHere(page, 'demo-nurse2')).toBe(patientPath);
    await tablet.close();
  });
});
