// Issue 11 §4, end to end: a checklist run shows every step of its fiche with continuous
// numbers and the life-saving step pinned in red with its tel: link; unticking asks first; a
// call tree records "no answer at hh:mm" and "call back", and says who is still to reach.
import { describe, it, expect } from 'vitest';
import { serverAndBrowser, newTablet, screenshot } from './harness';
import { signIn } from './ward-tablet';

const suite = serverAndBrowser();

describe('procedures and call trees on a ward tablet', () => {
  it('pins the life-saving step, shows every step numbered, and asks before unticking', async () => {
    const a = await newTablet(suite.browser);
    const page = await a.newPage();
    await signIn(page, suite.server.url, 'demo-charge');
    await page.getByRole('link', { name: 'Procédures', exact: true }).click();
    await page.getByLabel('Rechercher une procédure').fill('standard');
    await page.getByRole('link', { name: /Panne du standard téléphonique/ }).click();
    const ficheBox = page.getByRole('complementary', { name: 'Urgence vitale' });
    await ficheBox.getByText(/Urgence vitale : déclencher l’équipe de réanimation/).waitFor();
    expect(await ficheBox.getByRole('link', { name: /4000/ }).getAttribute('href')).toBe('tel:4000');

    await page.getByRole('button', { name: 'Démarrer la checklist (MED)' }).click();
    await page.waitForURL(/\/checklists\//);
    // The run has rendered (the fiche's own box, with the same link, may still be on screen).
    await page.getByText('0 sur 6 étapes faites').waitFor();
    const box = page.getByRole('complementary', { name: 'Urgence vitale' });
    expect(await box.getByRole('link', { name: /Équipe de réanimation 4000/ }).getAttribute('href')).toBe('tel:4000');
    // The box comes before the steps. Polled: the fiche's box can still be leaving the screen as
    // the run's replaces it (a fresh-clone CI read a box already detached: no bounding box).
    const boxAboveSteps = async () => {
      const [boxAt, stepsAt] = await Promise.all([box.boundingBox(), page.locator('.run-steps').boundingBox()]);
      return boxAt && stepsAt ? boxAt.y < stepsAt.y : 'not on screen yet';
    };
    await expect.poll(boxAboveSteps, { timeout: 15_000 }).toBe(true);
    // Every step of the fiche, numbered 1 to 8; the six to tick are checkboxes.
    const items = page.locator('.run-steps > li');
    await expect.poll(() => items.count(), { timeout: 15_000 }).toBe(8);
    for (let i = 0; i < 8; i++) expect(await items.nth(i).innerText()).toContain(`${i + 1}.`);
    expect(await page.getByRole('checkbox').count()).toBe(6);
    await screenshot(page, 'run-landscape');

    const first = page.getByRole('checkbox').first();
    await first.click();
    await page.getByText('1 sur 6 étapes faites').waitFor();
    // A stray touch on a done step: asked, and "no" leaves it done.
    await first.click();
    const dialog = page.getByRole('dialog', { name: 'Décocher l’étape 1 ?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Non, la laisser faite' }).click();
    expect(await first.getAttribute('aria-checked')).toBe('true');
    await first.click();
    await dialog.getByRole('button', { name: 'Oui, décocher' }).click();
    await page.getByText('0 sur 6 étapes faites').waitFor();
    expect(await first.getAttribute('aria-checked')).toBe('false');
    await page.getByText('Décochée par Nathalie Rousseau').waitFor();

    const portrait = await newTablet(suite.browser, { landscape: false });
    const pageP = await portrait.newPage();
    await signIn(pageP, suite.server.url, 'demo-charge');
    await pageP.goto(page.url());
    await pageP.getByRole('complementary', { name: 'Urgence vitale' }).waitFor();
    await screenshot(pageP, 'run-portrait');
    await portrait.close();
    await a.close();
  });

  it('records no answer at hh:mm and call back on a call tree, and lists who is still to reach', async () => {
    const a = await newTablet(suite.browser);
    const page = await a.newPage();
    await signIn(page, suite.server.url, 'demo-charge');
    await page.goto(`${suite.server.url}/directory/call-trees`);
    await page.locator('main a[href^="/directory/call-trees/"]').first().click();
    await page.getByRole('button', { name: /Démarrer cet arbre d’appel/ }).click();
    await page.waitForURL(/\/checklists\//);
    await page.getByRole('checkbox').first().waitFor();
    const calls = await page.getByRole('checkbox').count();
    const still = page.getByRole('region', { name: /Reste à joindre/ });
    await still.getByRole('heading', { name: `Reste à joindre : ${calls} contacts` }).waitFor();

    await page.getByRole('button', { name: 'Pas de réponse' }).first().click();
    const first = page.locator('.run-steps > li').first();
    await first.getByText(/Pas de réponse à \d\d:\d\d/).waitFor();
    await first.getByText('Pas de réponse — noté par Nathalie Rousseau').waitFor();
    expect(await page.getByRole('checkbox').first().getAttribute('aria-checked')).toBe('false');
    expect(await still.innerText()).toMatch(/Pas de réponse à \d\d:\d\d/);

    await page.locator('.run-steps > li').nth(1).getByRole('button', { name: 'Rappeler' }).click();
    await page.locator('.run-steps > li').nth(1).getByText('À rappeler — noté par Nathalie Rousseau').waitFor();

    await page.getByRole('checkbox').first().click();
    await still.getByRole('heading', { name: `Reste à joindre : ${calls - 1} contact${calls - 1 > 1 ? 's' : ''}` }).waitFor();
    await first.getByText('Joint — coché par Nathalie Rousseau').waitFor();
    await screenshot(page, 'call-tree-run');
    await a.close();
  });
});
