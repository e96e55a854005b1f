// English, switched from the header: the choice stays on the tablet across reloads, and the
// ward board, the patient page, the status bar, a conflict and the sync screen read in English,
// with dates still day-first (en-GB), so a birth date means the same thing in both languages.
import { describe, it, expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { PatientBody } from '../../src/domain/schemas';
import { ALLERGENS } from '../../src/server/seed/demo-people';
import { pullToEnd, signInApi } from '../support/server-api';
import { serverAndBrowser, newTablet, waitForServiceWorker, screenshot } from './harness';
import { signIn, openPatientByRow, syncNow as syncNowFr, goOffline as goOfflineFr, amendFirstNote, statusText, POLL_STATUS } from './ward-tablet';

const suite = serverAndBrowser();

// French words of the interface that must not be left on an English screen. Patient and ward
// names are data, not interface, so the check reads the chrome and the labels, not the census.
const FRENCH_UI = /\b(Transmissions?|Aucune?|Synchroniser|Dernière|en attente|Réglages|Connecté|Née? le|Chambre|Ch\.|Refusées?|Brouillons?|Enregistrer)\b/;

async function syncNow(page: Page) {
  await page.getByRole('button', { name: 'Sync now' }).click();
  await page.getByText('0 waiting to be sent').waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => !document.body.innerText.includes('Syncing…'), undefined, { timeout: 30_000 });
}

async function goOffline(context: BrowserContext, page: Page) {
  await context.setOffline(true);
  await page.getByText('Offline', { exact: true }).waitFor({ timeout: 10_000 });
}

/** The census as the server has it, to know a patient's birth date independently of the UI. */
async function birthDateOf(ipp: string): Promise<string> {
  const login = await signInApi(suite.server.url, 'demo-nurse', 'english-test');
  const { entries } = await pullToEnd(suite.server.url, login.token);
  const patient = entries.find((e) => e.docType === 'patient' && (e.body as PatientBody).ipp === ipp);
  if (!patient) throw new Error(`no patient with IPP ${ipp}`);
  return (patient.body as PatientBody).birthDate;
}

describe('the app in English', () => {
  it('switches from the header, persists across reloads, and reads in English everywhere', async () => {
    const a = await newTablet(suite.browser);
    const page = await a.newPage();
    await signIn(page, suite.server.url, 'demo-nurse');
    await waitForServiceWorker(page);

    const header = page.locator('header');
    await header.locator('.header-menu > summary').click();
    await header.getByRole('button', { name: /^EN\b/ }).click();
    await page.getByLabel('Search (name, IPP or room)').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    // The choice is kept on the tablet: a reload (and the offline start-up) comes back in English.
    await page.reload();
    await page.getByLabel('Search (name, IPP or room)').waitFor();
    await page.getByText(/IPP \d+/).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await header.getByRole('button', { name: /^EN\b/, includeHidden: true }).getAttribute('aria-pressed')).toBe('true');
    await page.locator('.status-bar').getByText('Online', { exact: true }).waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => !document.body.innerText.includes('Syncing…'), undefined, { timeout: 30_000 });
    await expect.poll(() => statusText(page), POLL_STATUS).toMatch(/0 in conflict[\s\S]*Procedures & directory as of \d|Procedures & directory as of \d[\s\S]*0 in conflict/);
    const status = await statusText(page);
    expect(status).toContain('Online');
    expect(status).toContain('0 waiting to be sent');
    expect(status).toContain('0 rejected');
    expect(status).toContain('0 in conflict');
    // A 24-hour clock, the date (day first) only when it is not today: "14:05", "28/11, 14:05".
    expect(status).toMatch(/Last sync: (just now|\d+ (min|hr|day)s?\.? ago)/);
    expect(status).toMatch(/Patients as of (\d{2}\/\d{2},? )?\d{2}:\d{2}/);
    expect(status).toMatch(/Procedures & directory as of (\d{2}\/\d{2},? )?\d{2}:\d{2}/);
    const board = await page.locator('body').innerText();
    expect(board).toMatch(/Room \d+/);
    expect(board).toMatch(/Born \d{2}\/\d{2}\/\d{4} \(age \d+\)/);
    expect(board).not.toMatch(FRENCH_UI);
    // Data with an English form reads in English (issue 11 §6): the ward's name, the usual allergens.
    expect(board).toContain('Internal medicine');
    expect(board).not.toContain('Médecine interne');
    expect(board).toMatch(/Allergies: /);
    const frenchOnly = ALLERGENS.filter((a) => !['Latex', 'Morphine'].includes(a));
    expect(frenchOnly.filter((a) => board.includes(a))).toEqual([]);
    await screenshot(page, 'ward-board-en');

    // The patient page: a birth date written day-first, as in French.
    const patient = await openPatientByRow(page, 0);
    const [y, m, d] = (await birthDateOf(patient.ipp)).split('-');
    const banner = await page.locator('section.identity').innerText();
    expect(banner).toContain(`Born ${d}/${m}/${y}`);
    expect(banner).toContain(`IPP ${patient.ipp}`);
    expect(banner).toMatch(/Sex: (Female|Male|Unspecified)/);
    expect(banner).toMatch(/Allergies: /);

    // Offline, a note written in English; the status bar says what waits.
    await goOffline(a, page);
    await page.getByRole('button', { name: 'New note' }).click();
    await page.getByLabel('Target').fill('Pain');
    await page.getByLabel('Data').fill('Pain score 6/10, left hip');
    await page.getByLabel('Actions').fill('Paracetamol 1 g PO');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Note saved on this tablet.').waitFor();
    await expect.poll(() => statusText(page), POLL_STATUS).toContain('1 waiting to be sent');
    const offline = await statusText(page);
    expect(offline).toContain('Offline');
    expect(offline).toContain('1 waiting to be sent');
    const notes = await page.locator('main').innerText();
    expect(notes).toContain('Written by Camille Martin');
    expect(notes).toContain('Not sent yet');
    expect(await page.locator('body').innerText()).not.toMatch(FRENCH_UI);
    await screenshot(page, 'patient-offline-en');

    await a.setOffline(false);
    await syncNow(page);

    // A conflict, seen in English: a French-speaking colleague amends the same note offline.
    const b = await newTablet(suite.browser);
    const pageB = await b.newPage();
    await signIn(pageB, suite.server.url, 'demo-nurse2');
    await pageB.getByRole('link').filter({ hasText: `IPP ${patient.ipp}` }).click();
    await pageB.getByText('Pain score 6/10, left hip').waitFor();
    await goOffline(a, page);
    await goOfflineFr(b, pageB);
    await page.getByRole('button', { name: 'Amend', exact: true }).first().click();
    await page.getByLabel('Results').fill('Pain 2/10 at 45 min');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('article').first().getByText('Note saved on this tablet.').waitFor();
    await amendFirstNote(pageB, 'EVA 3/10 à 1 h');
    await a.setOffline(false);
    await b.setOffline(false);
    await syncNow(page);
    await syncNowFr(pageB);
    await syncNow(page);
    await page.getByText('Conflict: 2 versions to compare').waitFor({ timeout: 30_000 });
    await expect.poll(() => statusText(page), POLL_STATUS).toContain('1 in conflict');
    await page.getByRole('button', { name: 'Resolve the conflict' }).waitFor();
    expect(await page.locator('body').innerText()).not.toMatch(FRENCH_UI);
    await screenshot(page, 'conflict-en');

    // The sync screen, in English too.
    await page.locator('.status-bar').getByRole('link').first().click();
    await page.getByRole('heading', { name: 'Drafts in progress (0)' }).waitFor();
    const sync = await page.locator('main').innerText();
    expect(sync).toContain('No draft in progress.');
    expect(sync).toContain('In conflict (1)');
    expect(await page.locator('body').innerText()).not.toMatch(FRENCH_UI);
    await screenshot(page, 'sync-en');

    // The directory's ways to reach people: labels and radio channels in English where the directory has them.
    await page.goto(`${suite.server.url}/directory`);
    await page.getByText('DECT, nurses').first().waitFor();
    const directory = await page.locator('main').innerText();
    expect(directory).toContain('Channel 1');
    expect(directory).not.toMatch(/\b(Canal \d|DECT infirmier|Ligne directe|Portable d’astreinte)\b/);
    await screenshot(page, 'directory-en');
    await a.close();
    await b.close();
  });
});
