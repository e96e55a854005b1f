// Issue 11 §2, end to end in Chromium: two tablets amend the same vitals form offline. Back
// online, the form is a conflict you can find: the sync page lists it with the patient's name,
// birth date, IPP and room and the form's title, as a link that opens it; the ward board marks
// her row; the conflict view marks the answer that differs and does not say the form was saved.
import { describe, it, expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { serverAndBrowser, screenshot } from './harness';
import { twoNurses, openPatientByRow, syncNow, goOffline, statusText, POLL_STATUS } from './ward-tablet';

const suite = serverAndBrowser();

async function amendSpo2(context: BrowserContext, page: Page, spo2: string) {
  await goOffline(context, page);
  await page.getByRole('button', { name: 'Modifier', exact: true }).click();
  await page.locator('form.form-editor .form-row').first().getByLabel(/SpO₂/).fill(spo2);
  await page.getByRole('button', { name: 'Enregistrer le formulaire' }).click();
  await page.getByText('Formulaire enregistré sur cette tablette.').waitFor();
}

describe('a form two tablets changed offline', () => {
  it('is listed on the sync page with both identifiers, marked on the board, and shows what differs', async () => {
    const { a, b, pageA, pageB } = await twoNurses(suite.browser, suite.server.url);
    const patient = await openPatientByRow(pageA, 4);
    await pageA.getByRole('button', { name: 'Nouveau formulaire' }).click();
    await pageA.getByRole('link', { name: /Surveillance des constantes/ }).click();
    const first = pageA.locator('form.form-editor .form-row').first();
    await first.getByLabel(/^Heure/).fill('2026-03-02T06:00');
    await first.getByLabel(/SpO₂/).fill('97');
    await first.getByLabel(/^Initiales/).fill('CM');
    await pageA.getByRole('button', { name: 'Enregistrer le formulaire' }).click();
    await pageA.getByText('Formulaire enregistré sur cette tablette.').waitFor();
    const formPath = new URL(pageA.url()).pathname;
    await syncNow(pageA);
    await syncNow(pageB);
    await pageB.goto(`${suite.server.url}${formPath}`);
    await pageB.locator('section.flowsheet').waitFor();

    await amendSpo2(a, pageA, '96');
    await amendSpo2(b, pageB, '93');
    await a.setOffline(false);
    await b.setOffline(false);
    await syncNow(pageA);
    await syncNow(pageB);
    await syncNow(pageA);

    for (const [page, size] of [[pageA, 'landscape'], [pageB, 'portrait']] as const) {
      await page.getByText('Partir de cette version').first().waitFor({ timeout: 30_000 });
      await expect.poll(() => statusText(page), POLL_STATUS).toMatch(/(^|\n)1 en conflit/);
      const main = await page.locator('main').innerText();
      expect(main).not.toContain('Formulaire enregistré sur cette tablette.');
      // Only the SpO₂ differs, in both versions; the time and initials do not.
      const differing = page.locator('td.rows-table-differs');
      expect(await differing.count()).toBe(2);
      expect(await differing.allInnerTexts()).toEqual([expect.stringMatching(/9[36][\s\S]*diffère/), expect.stringMatching(/9[36][\s\S]*diffère/)]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, `form-conflict-${size}-fr`);

      // The sync page lists it: title, patient name, birth date, IPP, room; the link opens it.
      await page.locator('.status-bar').getByRole('link').first().click();
      const link = page.locator('a.conflict-link');
      await link.waitFor();
      expect(await link.count()).toBe(1);
      const line = await link.innerText();
      expect(line).toContain('Surveillance des constantes');
      expect(line).toContain(patient.name);
      expect(line).toContain(patient.ipp);
      expect(line).toMatch(/Né\(?e?\)? le \d\d\/\d\d\/\d{4}/);
      expect(line).toMatch(/Ch\. \d+/);
      await link.scrollIntoViewIfNeeded();
      await screenshot(page, `sync-conflicts-${size}-fr`);
      await link.click();
      await page.waitForURL((u) => u.pathname === formPath);
      await page.getByText('Partir de cette version').first().waitFor();

      // The ward board marks her row, and only hers.
      await page.locator('a.header-ward').click();
      const row = page.getByRole('link').filter({ hasText: `IPP ${patient.ipp}` });
      await row.getByText('Conflit à résoudre').waitFor();
      expect(await page.locator('.ward-list a').filter({ hasText: 'Conflit à résoudre' }).count()).toBe(1);
      await row.scrollIntoViewIfNeeded();
      await screenshot(page, `board-conflict-${size}-fr`);
    }
    await a.close();
    await b.close();
  });
});
