// Issue 11, end to end in Chromium: two tablets, each offline, add a round of vitals to the same
// flowsheet; back online, both rounds are on both tablets, with no conflict and nothing retyped.
// An impossible value (SpO₂ 960 %) cannot be saved; an alarming one (84 %) is saved and flagged.
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { serverAndBrowser, screenshot } from './harness';
import { readPages, printA4 } from './print-pdf';
import { twoNurses, openPatientByRow, syncNow, goOffline, statusText, POLL_STATUS } from './ward-tablet';

const suite = serverAndBrowser();

interface Round { time: string; sys: string; spo2: string; temp: string }

async function fillRound(page: Page, r: Round) {
  const form = page.locator('form.form-editor');
  await form.getByLabel(/^Heure/).fill(r.time);
  await form.getByLabel(/PA systolique/).fill(r.sys);
  await form.getByLabel(/SpO₂/).fill(r.spo2);
  await form.getByLabel(/Température/).fill(r.temp);
  await form.getByLabel(/^Initiales/).fill('CM');
}

async function addRound(page: Page, r: Round) {
  await page.getByRole('button', { name: /Ajouter un relevé \(Relevés\)/ }).click();
  await fillRound(page, r);
  await page.getByRole('button', { name: 'Enregistrer le relevé' }).click();
  await page.getByText('Relevé enregistré sur cette tablette.').waitFor();
}

const flowsheetLines = (page: Page) => page.locator('section.flowsheet .rows-table tbody tr').allInnerTexts();

describe('flowsheet rounds from two tablets', () => {
  it('both offline rounds reach both tablets with no conflict; 960 % is refused, 84 % is flagged', async () => {
    const { a, b, pageA, pageB } = await twoNurses(suite.browser, suite.server.url);

    // Tablet A starts the flowsheet with its 6 o'clock round, and it reaches tablet B.
    const patient = await openPatientByRow(pageA, 2);
    await pageA.getByRole('button', { name: 'Nouveau formulaire' }).click();
    await pageA.getByRole('link', { name: /Surveillance des constantes/ }).click();
    await pageA.locator('form.form-editor .form-row').first().waitFor();
    const first = pageA.locator('.form-row').first();
    await first.getByLabel(/^Heure/).fill('2026-03-02T06:00');
    await first.getByLabel(/SpO₂/).fill('97');
    await first.getByLabel(/^Initiales/).fill('CM');
    await pageA.getByRole('button', { name: 'Enregistrer le formulaire' }).click();
    await pageA.getByText('Formulaire enregistré sur cette tablette.').waitFor();
    const formUrl = pageA.url();
    await syncNow(pageA);
    await syncNow(pageB);
    await pageB.goto(formUrl.replace(/^https?:\/\/[^/]+/, suite.server.url));
    await pageB.locator('section.flowsheet').waitFor();
    expect(await flowsheetLines(pageB)).toHaveLength(1);

    // Both offline, each adds a round.
    await goOffline(a, pageA);
    await goOffline(b, pageB);
    await addRound(pageA, { time: '2026-03-02T10:00', sys: '128', spo2: '95', temp: '37,2' });

    // On B, an impossible value is refused with its reason, then the alarming one is saved.
    await pageB.getByRole('button', { name: /Ajouter un relevé \(Relevés\)/ }).click();
    await fillRound(pageB, { time: '2026-03-02T10:05', sys: '131', spo2: '960', temp: '40,2' });
    await pageB.getByRole('button', { name: 'Enregistrer le relevé' }).click();
    await pageB.locator('.field--invalid').filter({ hasText: /SpO₂/ }).waitFor();
    expect(await pageB.getByText('Relevé enregistré sur cette tablette.').count()).toBe(0);
    await pageB.locator('form.form-editor').getByLabel(/SpO₂/).fill('84');
    await pageB.locator('.field-alarm').filter({ hasText: /alerte < 92/ }).waitFor();
    await screenshot(pageB, 'flowsheet-alarm-editor-portrait-fr');
    await pageB.getByRole('button', { name: 'Enregistrer le relevé' }).click();
    await pageB.getByText('Relevé enregistré sur cette tablette.').waitFor();
    await expect.poll(() => statusText(pageB), POLL_STATUS).toContain('1 en attente d’envoi');

    // Back online: both rounds on both tablets, in observation order, and no conflict anywhere.
    await a.setOffline(false);
    await b.setOffline(false);
    await syncNow(pageA);
    await syncNow(pageB);
    await syncNow(pageA);
    for (const page of [pageA, pageB]) {
      await page.waitForFunction(() => document.querySelectorAll('section.flowsheet .rows-table tbody tr').length === 3, undefined, { timeout: 30_000 });
      const lines = await flowsheetLines(page);
      expect(lines[0]).toContain('97');
      expect(lines[1]).toContain('95');
      expect(lines[1]).toContain('Camille Martin');
      expect(lines[2]).toMatch(/84[\s\S]*alerte < 92/);
      expect(lines[2]).toMatch(/40,2[\s\S]*alerte > 38,5/);
      const main = await page.locator('main').innerText();
      expect(main).not.toMatch(/Conflit/);
      expect(main).toContain(patient.ipp);
      await expect.poll(() => statusText(page), POLL_STATUS).toMatch(/(^|\n)0 en conflit/);
    }
    await screenshot(pageA, 'flowsheet-landscape-fr');
    await screenshot(pageB, 'flowsheet-portrait-fr');

    // Neither table scrolls sideways, at 1280 px or at 800 px.
    for (const page of [pageA, pageB]) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const box = await page.locator('section.flowsheet .rows-table-box').evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(box).toBeLessThanOrEqual(0);
    }

    // On paper: the rounds added as rows are on the sheet, the date in a column of its own
    // beside the hour, the alarming values flagged with a sign and a word.
    await pageA.getByRole('link', { name: 'Imprimer', exact: true }).click();
    await pageA.locator('[data-print-ready="true"]').waitFor({ timeout: 90_000 });
    const file = await printA4(pageA, 'flowsheet-vitals');
    const [sheet] = readPages(file, 'flowsheet-vitals');
    expect(sheet!.text).toMatch(/Date \*/);
    expect(sheet!.text).toMatch(/02\/03\s+10:05/);
    expect(sheet!.text).toMatch(/⚠ 84/);
    expect(sheet!.text).toContain(patient.ipp);
    await a.close();
    await b.close();
  });
});
