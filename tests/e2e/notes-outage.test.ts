// Issue 11 §3, end to end: notes as an outage writes them. The ward's frequent cibles are one
// tap away; a note carries when it was observed (now by default, changed when written afterwards,
// never in the future), shown with "saisie différée" when typed late.
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { SHEET_CANONICALS } from '../../src/domain/print/qr-payload';
import { serverAndBrowser, newTablet, screenshot } from './harness';
import { signIn, openPatientByRow, localTime } from './ward-tablet';
import { readPages, printA4, type PrintedPage } from './print-pdf';

const suite = serverAndBrowser();

/** Prints the page at `path` to A4 PDF and reads it back (text and QR code of each page). */
async function printPdf(page: Page, path: string, name: string): Promise<PrintedPage[]> {
  await page.goto(suite.server.url + path);
  await page.locator('[data-print-ready="true"]').waitFor({ timeout: 90_000 });
  expect(await page.locator('.print-page[data-overflow]').count()).toBe(0);
  return readPages(await printA4(page, name), name);
}

describe('notes written during an outage', () => {
  it('offers the ward’s frequent cibles, keeps the time observed apart from the time typed, refuses a time in the future, says a late entry, and prints the notes (patient page and kit)', async () => {
    const a = await newTablet(suite.browser);
    const page = await a.newPage();
    await signIn(page, suite.server.url, 'demo-nurse');
    const who = await openPatientByRow(page, 0);
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
    await page.getByRole('button', { name: 'Fermer', exact: true }).click();

    // A complement under the note: an empty one is refused in words, a typed one is listed under
    // the note, which stays as written.
    await card.getByRole('button', { name: 'Ajouter un complément' }).click();
    const complement = card.getByRole('form', { name: 'Ajouter un complément' });
    await complement.getByRole('button', { name: 'Ajouter le complément' }).click();
    await complement.getByText('Le complément est vide.').waitFor();
    await expect.poll(() => complement.getByLabel('Complément').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'note-complement-empty');
    await complement.getByLabel('Complément').fill('Pas de douleur à la mobilisation, vu par l’interne.');
    await complement.getByRole('button', { name: 'Ajouter le complément' }).click();
    await page.getByText('Complément enregistré sur cette tablette.').waitFor();
    await card.locator('.addendum-text').filter({ hasText: 'Pas de douleur à la mobilisation, vu par l’interne.' }).waitFor();
    await card.getByText('Retrouvé au sol à côté du lit, conscient.').waitFor();
    await screenshot(page, 'note-complement-saved');

    // "Imprimer les transmissions": from the patient's print menu, with both identifiers, the time
    // observed and "saisie différée", and the QR code naming the notes sheet and the patient.
    const patientUrl = page.url();
    await page.locator('.print-menu > summary').click();
    const link = page.getByRole('link', { name: 'Imprimer les transmissions' });
    const path = new URL(await link.getAttribute('href') ?? '', suite.server.url).pathname;
    const patientId = decodeURIComponent(path.split('/')[3]!);
    const pages = await printPdf(page, path, 'notes-patient');
    const text = pages.map((p) => p.text).join(' ');
    expect(text).toContain('Transmissions ciblées');
    expect(text).toContain(`${d}/${m}/${y} ${time}`);
    expect(text).toContain('saisie différée');
    expect(text).toContain('Retrouvé au sol à côté du lit, conscient.');
    expect(text).toContain(`IPP ${who.ipp}`);
    for (const p of pages) expect(p.qr).toMatchObject({ t: SHEET_CANONICALS.notes, p: patientId });

    // The kit: the last 72 h of each patient who has notes, this one among them.
    const none = 'census=0&handover=0&vitals=0&mar=0&results=0&admissions=0&labRequisitions=0&transfers=0&directory=0&procedures=0';
    const kit = await printPdf(page, `/print/kit/MED?${none}`, 'notes-kit');
    expect(kit.length).toBeGreaterThan(0);
    for (const p of kit) expect(p.qr?.t).toBe(SHEET_CANONICALS.notes);
    const mine = kit.filter((p) => p.qr?.p === patientId).map((p) => p.text).join(' ');
    expect(mine).toContain('Transmissions des 72 dernières heures');
    expect(mine).toContain('Retrouvé au sol à côté du lit, conscient.');
    await page.goto(patientUrl);
    await a.close();
  });
});
