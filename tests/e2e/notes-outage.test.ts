// Issue 11 §3, end to end: notes as an outage writes them. The ward's frequent cibles are one
// tap away; a note carries when it was observed (now by default, changed when written afterwards,
// never in the future), shown with "saisie différée" when typed late.
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { serverAndBrowser, newTablet, screenshot } from './harness';
import { signIn, openPatientByRow } from './ward-tablet';

const suite = serverAndBrowser();

/** The datetime-local value for now plus some minutes, on the tablet's clock and time zone. */
function localTime(page: Page, minutes: number): Promise<string> {
  return page.evaluate((m) => {
    const d = new Date(Date.now() + m * 60_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }, minutes);
}

describe('notes written during an outage', () => {
  it('offers the ward’s frequent cibles, keeps the time observed apart from the time typed, refuses a time in the future, and says a late entry', async () => {
    const a = await newTablet(suite.browser);
    const page = await a.newPage();
    await signIn(page, suite.server.url, 'demo-nurse');
    await openPatientByRow(page, 0);
    await page.getByRole('button', { name: 'Nouvelle transmission' }).click();
    const observed = page.getByLabel('Heure de l’observation');
    // Now by default.
    const now = await localTime(page, 0);
    expect((await observed.inputValue()).slice(0, 13)).toBe(now.slice(0, 13));

    // The ward's frequent cibles (MED's own list has Glycémie): one tap fills the Cible.
    const picks = page.getByRole('group', { name: 'Choix rapides, fréquents dans le service' });
    await picks.getByRole('button', { name: 'Glycémie' }).waitFor();
    await picks.getByRole('button', { name: 'Chute' }).click();
    expect(await page.getByLabel('Cible').inputValue()).toBe('Chute');
    expect(await picks.getByRole('button', { name: 'Chute' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByLabel('Données').fill('Retrouvé au sol à côté du lit, conscient.');
    await observed.fill(await localTime(page, 120));
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByText('L’heure de l’observation ne peut pas être dans le futur.').waitFor();
    expect(await observed.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.note-list .note').count()).toBe(0);

    const earlier = await localTime(page, -150);
    await observed.fill(earlier);
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByText('Transmission enregistrée sur cette tablette.').waitFor();
    const card = page.locator('.note-list .note').filter({ hasText: 'Chute' });
    const line = await card.locator('.note-observed').innerText();
    const [date, time] = earlier.split('T');
    const [y, m, d] = date!.split('-');
    expect(line).toContain(`Observé le ${d}/${m}/${y} ${time}`);
    expect(line).toContain('saisie différée');
    await screenshot(page, 'note-observed-late');

    // Amending keeps the time observed unless the nurse changes it.
    await card.getByRole('button', { name: 'Modifier', exact: true }).click();
    expect(await page.getByLabel('Heure de l’observation').inputValue()).toBe(earlier);
    await a.close();
  });
});
