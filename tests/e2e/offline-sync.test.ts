// Issue 2, end to end: a note written offline reaches a colleague's tablet; two offline
// amendments are surfaced as a conflict on both tablets and resolved by a person.
import { describe, it, expect } from 'vitest';
import { serverAndBrowser, newTablet, waitForServiceWorker, screenshot } from './harness';
import { signIn, openPatientByRow, writeNote, syncNow, goOffline, statusText, POLL_STATUS, amendOnBothOffline } from './ward-tablet';

const suite = serverAndBrowser();

describe('a ward tablet offline', () => {
  it('loads offline after one online visit, keeps working, and the note reaches a colleague', async () => {
    const a = await newTablet(suite.browser);
    const pageA = await a.newPage();
    await signIn(pageA, suite.server.url, 'demo-nurse');
    await waitForServiceWorker(pageA);
    await screenshot(pageA, 'ward-board-fr');
    await expect.poll(() => statusText(pageA), POLL_STATUS).toContain('En ligne');

    await goOffline(a, pageA);
    await pageA.reload();
    // the shell comes from the service worker, the census and session from IndexedDB
    await pageA.getByText(/IPP \d+/).first().waitFor();
    await expect.poll(() => statusText(pageA), POLL_STATUS).toContain('Hors ligne');

    const patient = await openPatientByRow(pageA, 0);
    await writeNote(pageA, { target: 'Douleur', data: 'EVA 7/10 abdominale', actions: 'Paracétamol 1 g PO', results: 'EVA 3/10 à 45 min' });
    await expect.poll(() => statusText(pageA)).toContain('1 en attente d’envoi'); // the live count follows the save
    await screenshot(pageA, 'patient-offline-fr');

    // The same tablet reloaded while still offline still has the note: it was saved, not held in memory.
    await pageA.reload();
    await pageA.getByText('EVA 7/10 abdominale').waitFor();

    await a.setOffline(false);
    await syncNow(pageA);

    const b = await newTablet(suite.browser);
    const pageB = await b.newPage();
    await signIn(pageB, suite.server.url, 'demo-nurse2');
    await pageB.getByRole('link').filter({ hasText: `IPP ${patient.ipp}` }).click();
    await pageB.getByText('EVA 7/10 abdominale').waitFor();
    const text = await pageB.locator('main').innerText();
    expect(text).toContain('Camille Martin');
    expect(text).toContain(patient.name);
    expect(text).toContain(patient.ipp);
    await a.close();
    await b.close();
  });

  it('two offline amendments of one note are shown as a conflict on both tablets until a person resolves it', async () => {
    const a = await newTablet(suite.browser);
    const b = await newTablet(suite.browser, { landscape: false });
    const pageA = await a.newPage();
    const pageB = await b.newPage();
    await signIn(pageA, suite.server.url, 'demo-nurse');
    await signIn(pageB, suite.server.url, 'demo-nurse2');
    const patient = await openPatientByRow(pageA, 3);
    await writeNote(pageA, { target: 'Chute', data: 'Retrouvée au sol à 02:10', actions: 'Relevée, constantes', results: 'Pas de douleur' });
    await syncNow(pageA);
    await syncNow(pageB);
    await pageB.getByRole('link').filter({ hasText: `IPP ${patient.ipp}` }).click();
    await pageB.getByText('Retrouvée au sol à 02:10').waitFor();

    await amendOnBothOffline(
      { context: a, page: pageA, results: 'Hématome frontal apparu à 04:00' },
      { context: b, page: pageB, results: 'Médecin de garde prévenu à 03:00' },
    );

    for (const page of [pageA, pageB]) {
      await page.getByText(/Conflit\s:\s2 versions à comparer/).waitFor({ timeout: 30_000 });
      const main = await page.locator('main').innerText();
      expect(main).toContain('Hématome frontal apparu à 04:00');
      expect(main).toContain('Médecin de garde prévenu à 03:00');
      await expect.poll(() => statusText(page), POLL_STATUS).toContain('1 en conflit');
    }
    await screenshot(pageA, 'conflict-fr');
    await screenshot(pageB, 'conflict-portrait-fr');

    await pageB.getByRole('button', { name: 'Résoudre le conflit' }).click();
    await pageB.getByRole('button', { name: 'Partir de cette version' }).first().click();
    await pageB.getByLabel('Résultats').fill('Hématome frontal à 04:00 ; médecin de garde prévenu à 03:00');
    await pageB.getByRole('button', { name: 'Enregistrer la version résolue' }).click();
    await syncNow(pageB);
    await syncNow(pageA);
    for (const page of [pageA, pageB]) {
      await page.getByText('Hématome frontal à 04:00 ; médecin de garde prévenu à 03:00').first().waitFor({ timeout: 30_000 });
      expect(await page.getByText(/versions à comparer/).count()).toBe(0);
      await expect.poll(() => statusText(page), POLL_STATUS).toContain('0 en conflit');
    }
    await a.close();
    await b.close();
  });
});
