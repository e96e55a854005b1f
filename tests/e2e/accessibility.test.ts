// Issue 11, done-when: axe-core (WCAG 2.2 AA tags) on the screens a nurse, a charge nurse and the
// next shift use, at 1280×800 — the board, a patient, a note being written, the handover, the
// procedures and a checklist run, the directory and its call trees, downtime, sync, settings,
// a conflict, the lock screen — failing on any serious or critical violation and on any tap target under 44 px.
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { serverAndBrowser, newTablet, screenshot } from './harness';
import { signIn, openPatientByRow, writeNote, syncNow, amendOnBothOffline } from './ward-tablet';
import { screenProblems } from './a11y-check';

const suite = serverAndBrowser();

async function settle(page: Page, heading?: RegExp | string): Promise<void> {
  if (heading) await page.getByRole('heading', { name: heading }).first().waitFor({ timeout: 30_000 });
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForTimeout(300);
}

describe('accessibility of the ward tablet', () => {
  it('has no serious or critical axe violation and no tap target under 44 px on the screens used in a night', async () => {
    const problems: string[] = [];
    const check = async (page: Page, screen: string) => {
      problems.push(...(await screenProblems(page, screen)));
      await screenshot(page, `a11y-${screen}`);
    };
    const a = await newTablet(suite.browser);
    const page = await a.newPage();
    await page.goto(`${suite.server.url}/login`);
    await page.getByLabel('Identifiant').waitFor();
    await settle(page);
    await check(page, 'login');

    await signIn(page, suite.server.url, 'demo-charge');
    await settle(page);
    await check(page, 'ward-board');

    const patient = await openPatientByRow(page, 3);
    await settle(page);
    await check(page, 'patient');
    await page.getByRole('button', { name: 'Nouvelle transmission' }).click();
    await settle(page);
    await check(page, 'note-editor');
    await page.getByRole('button', { name: 'Fermer', exact: true }).first().click();

    await page.goto(`${suite.server.url}/ward/MED/handover`);
    await settle(page);
    await check(page, 'ward-handover');
    await page.goto(`${suite.server.url}/ward/MED/handover/round`);
    await settle(page);
    await check(page, 'handover-round');

    await page.goto(`${suite.server.url}/procedures`);
    await settle(page);
    await check(page, 'procedures');
    await page.getByLabel('Rechercher une procédure').fill('standard');
    await page.getByRole('link', { name: /Panne du standard téléphonique/ }).click();
    await settle(page);
    await check(page, 'procedure');
    await page.getByRole('button', { name: 'Démarrer la checklist (MED)' }).click();
    await page.waitForURL(/\/checklists\//);
    await settle(page);
    await page.getByRole('checkbox').first().click();
    await check(page, 'checklist-run');

    for (const [path, screen] of [['/directory', 'directory'], ['/directory/on-call', 'on-call'], ['/directory/call-trees', 'call-trees']] as const) {
      await page.goto(`${suite.server.url}${path}`);
      await settle(page);
      await check(page, screen);
    }
    await page.locator('main a[href^="/directory/call-trees/"]').first().click();
    await settle(page);
    await check(page, 'call-tree');

    for (const [path, screen] of [['/downtime', 'downtime'], ['/downtime/declare', 'declare-downtime'], ['/sync', 'sync'], ['/settings', 'settings']] as const) {
      await page.goto(`${suite.server.url}${path}`);
      await settle(page);
      await check(page, screen);
    }

    // A conflict: the same note amended on two tablets offline.
    await page.goto(`${suite.server.url}/ward/MED`);
    await page.getByRole('link').filter({ hasText: `IPP ${patient.ipp}` }).click();
    await writeNote(page, { target: 'Chute', data: 'Retrouvée au sol à 02:10' });
    await syncNow(page);
    const b = await newTablet(suite.browser);
    const pageB = await b.newPage();
    await signIn(pageB, suite.server.url, 'demo-nurse2');
    await pageB.getByRole('link').filter({ hasText: `IPP ${patient.ipp}` }).click();
    await pageB.getByText('Retrouvée au sol à 02:10').waitFor();
    await amendOnBothOffline({ context: a, page, results: 'Hématome frontal à 04:00' }, { context: b, page: pageB, results: 'Médecin prévenu à 03:00' });
    await page.getByText(/Conflit\s:\s2 versions à comparer/).waitFor({ timeout: 30_000 });
    await settle(page);
    await check(page, 'conflict');
    await b.close();

    // The lock screen a shared tablet shows between two nurses.
    await page.locator('.header-menu > summary').click();
    await page.getByRole('button', { name: 'Verrouiller' }).click();
    await page.getByRole('heading', { name: 'Tablette verrouillée' }).waitFor();
    await settle(page);
    await check(page, 'lock-screen');

    await a.close();
    expect(problems).toEqual([]);
  });

  it('catches what it is there to catch: a 30 px link, a button with no name, a link named unlike its text', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.setContent(`<!doctype html><html lang="fr"><head><title>t</title></head><body><main>
      <h1>Essai</h1>
      <p><a href="#x" style="display:inline-block;height:30px;width:120px">Petit lien</a></p>
      <button style="width:60px;height:60px"></button>
      <p><a href="tel:4000" aria-label="Réanimation" style="display:inline-block;height:50px;width:200px">DECT 4000</a></p>
      <label style="display:block;height:20px"><input type="checkbox"> Case</label>
    </main></body></html>`);
    const found = await screenProblems(page, 'bad');
    expect(found.some((p) => p.includes('tap target') && p.includes('Petit lien') && p.includes('120×30'))).toBe(true);
    expect(found.some((p) => p.includes('tap target') && p.includes('input.-'))).toBe(true);
    expect(found.some((p) => p.includes('axe critical button-name'))).toBe(true);
    expect(found.some((p) => p.includes('label-content-name-mismatch'))).toBe(true);
    await page.close();
  });
});
