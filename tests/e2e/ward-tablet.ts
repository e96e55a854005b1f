// What a nurse does on a tablet, as steps the end-to-end tests share. Selectors are the
// French labels a nurse reads, so a renamed button breaks the test as it would confuse her.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { newTablet } from './harness';

export async function signIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByLabel('Identifiant').fill(username);
  await page.getByLabel('Mot de passe').fill('demo');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(/\/ward\/MED$/, { timeout: 30_000 });
  // the census has arrived when the board lists patients
  await page.getByText(/IPP \d+/).first().waitFor({ timeout: 30_000 });
}

/** Two tablets of the ward, A landscape signed in as demo-nurse, B portrait as demo-nurse2. */
export async function twoNurses(browser: Browser, url: string) {
  const a = await newTablet(browser);
  const b = await newTablet(browser, { landscape: false });
  const pageA = await a.newPage();
  const pageB = await b.newPage();
  await signIn(pageA, url, 'demo-nurse');
  await signIn(pageB, url, 'demo-nurse2');
  return { a, b, pageA, pageB };
}

/** Opens the patient in a room (e.g. "101" bed "A") and returns their identifiers as shown. */
export async function openPatientByRow(page: Page, index = 0): Promise<{ name: string; ipp: string }> {
  const row = page.locator('.ward-list a').nth(index);
  const text = await row.innerText();
  await row.click();
  await page.waitForURL(/\/patient\//);
  const ipp = /IPP (\d+)/.exec(text)?.[1] ?? '';
  const banner = page.locator('section.identity');
  const name = (await banner.locator('h1').innerText()).trim();
  return { name, ipp };
}

export async function writeNote(page: Page, note: { target: string; data: string; actions?: string; results?: string }) {
  await page.getByRole('button', { name: 'Nouvelle transmission' }).click();
  await page.getByLabel('Cible').fill(note.target);
  await page.getByLabel('Données').fill(note.data);
  if (note.actions) await page.getByLabel('Actions').fill(note.actions);
  if (note.results) await page.getByLabel('Résultats').fill(note.results);
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await page.getByText('Transmission enregistrée sur cette tablette.').waitFor();
}

export async function amendFirstNote(page: Page, results: string) {
  await page.getByRole('button', { name: 'Modifier', exact: true }).first().click();
  await page.getByLabel('Résultats').fill(results);
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  // In the note's own card: the "new note" confirmation above the list may still be showing.
  await page.getByRole('article').first().getByText('Transmission enregistrée sur cette tablette.').waitFor();
}

/** Presses "Synchroniser" and waits until nothing is left to send. */
export async function syncNow(page: Page) {
  const lastSync = page.locator('.status-last-sync').first();
  const before = await lastSync.getAttribute('data-last-sync');
  await page.getByRole('button', { name: 'Synchroniser' }).click();
  await page.getByText('0 en attente d’envoi').waitFor({ timeout: 30_000 });
  // A round is over once its pull has landed and it stamped a new last-sync time; a tablet with
  // nothing to send would otherwise pass the check above before its pull began.
  await page.waitForFunction(
    (prev) => {
      const el = document.querySelector('.status-last-sync');
      return !!el && el.getAttribute('data-last-sync') !== prev && el.getAttribute('data-last-sync') !== '';
    },
    before,
    { timeout: 30_000 },
  );
}

/** Cuts the network; the status bar must say so by itself, without a tap on "Synchroniser". */
export async function goOffline(context: BrowserContext, page: Page) {
  await context.setOffline(true);
  await page.getByText('Hors ligne', { exact: true }).waitFor({ timeout: 10_000 });
}

/** Locks the tablet from the header's menu, and waits for the lock screen. */
export async function lockTablet(page: Page): Promise<void> {
  await page.locator('.header-menu > summary').click();
  await page.getByRole('button', { name: 'Verrouiller' }).click();
  await page.getByRole('heading', { name: 'Tablette verrouillée' }).waitFor();
}

/** Opens the locked tablet again with the demo password, and waits for the lock screen to go. */
export async function unlockTablet(page: Page): Promise<void> {
  await page.getByLabel('Mot de passe').fill('demo');
  await page.getByRole('button', { name: 'Déverrouiller' }).click();
  await page.getByRole('heading', { name: 'Tablette verrouillée' }).waitFor({ state: 'detached' });
}

/**
 * For `expect.poll(() => statusText(page), POLL_STATUS)`: the bar's counts are live queries of
 * their own and may land a moment after the screen that caused them, so a test polls the bar
 * rather than reading it once (a single read raced the conflict count on a loaded CI machine).
 */
export const POLL_STATUS = { timeout: 15_000, interval: 200 };

/** The status bar as it reads unfolded, at the top of the page (folded, zero counts step aside). */
export async function statusText(page: Page): Promise<string> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator('html:not([data-chrome="compact"])').waitFor();
  return page.locator('[role="status"]').first().innerText();
}

/**
 * Two tablets showing the same note go offline, each amends it, and both sync back: the note is
 * then in conflict on both (A syncs again to receive B's version).
 */
export async function amendOnBothOffline(
  a: { context: BrowserContext; page: Page; results: string },
  b: { context: BrowserContext; page: Page; results: string },
) {
  await goOffline(a.context, a.page);
  await goOffline(b.context, b.page);
  await amendFirstNote(a.page, a.results);
  await amendFirstNote(b.page, b.results);
  await a.context.setOffline(false);
  await b.context.setOffline(false);
  await syncNow(a.page);
  await syncNow(b.page);
  await syncNow(a.page);
}

/** Fills one row of the vital-signs flowsheet, as a nurse does (initials CM). */
export async function fillVitalsRow(page: Page, index: number, v: { time: string; sys: string; dia: string; hr: string; spo2: string; temp: string; pain: string }) {
  const row = page.locator('.form-row').nth(index);
  await row.getByLabel(/^Heure/).fill(v.time);
  await row.getByLabel(/PA systolique/).fill(v.sys);
  await row.getByLabel(/PA diastolique/).fill(v.dia);
  await row.getByLabel(/Fréquence cardiaque/).fill(v.hr);
  await row.getByLabel(/SpO₂/).fill(v.spo2);
  await row.getByLabel(/Température/).fill(v.temp);
  await row.getByRole('button', { name: /A — Éveillé/ }).click();
  await row.getByRole('button', { name: v.pain, exact: true }).click();
  await row.getByLabel(/^Initiales/).fill('CM');
}

/** The datetime-local value for now plus some minutes, on the tablet's clock and time zone. */
export function localTime(page: Page, minutes: number): Promise<string> {
  return page.evaluate((m) => {
    const d = new Date(Date.now() + m * 60_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }, minutes);
}
