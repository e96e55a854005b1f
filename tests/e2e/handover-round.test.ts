// Issue 11 §5, end to end in Chromium: the handover round shows each patient's latest note and
// latest vitals next to the I-PASS, with the patient's two identifiers on every card; and the
// round's bottom bar never covers "Quitter le tour", however far the round is scrolled.
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { serverAndBrowser, newTablet, screenshot } from './harness';
import { signIn, openPatientByRow, fillVitalsRow, localTime } from './ward-tablet';

const suite = serverAndBrowser();

async function note(page: Page, target: string, data: string, minutesAgo: number) {
  await page.getByRole('button', { name: 'Nouvelle transmission' }).click();
  await page.getByLabel('Cible').fill(target);
  await page.getByLabel('Données').fill(data);
  await page.getByLabel('Heure de l’observation').fill(await localTime(page, -minutesAgo));
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await page.getByText('Transmission enregistrée sur cette tablette.').waitFor();
}

async function openRound(page: Page, ipp: string) {
  await page.locator('a.header-ward').click();
  await page.getByRole('link', { name: 'Relève du service' }).click();
  await page.locator('.handover-item').filter({ hasText: `IPP ${ipp}` }).getByRole('link', { name: 'Ouvrir dans le tour' }).click();
  await page.getByText(/Patient \d+ sur \d+/).waitFor();
}

describe('handover round', () => {
  it('shows the latest note (observed last, not entered in error) and the latest vitals beside the I-PASS', async () => {
    const ctx = await newTablet(suite.browser);
    const page = await ctx.newPage();
    await signIn(page, suite.server.url, 'demo-nurse');
    const who = await openPatientByRow(page, 0);
    const patientUrl = page.url();
    // Typed first but observed last: the round shows it, not the late entry typed after it.
    await note(page, 'Douleur', 'EVA 6 au flanc droit, paracétamol 1 g donné.', 5);
    await note(page, 'Sommeil', 'Nuit calme, dort par périodes.', 180);
    await page.getByRole('button', { name: 'Nouveau formulaire' }).click();
    await page.getByRole('link', { name: /Surveillance des constantes/ }).click();
    await fillVitalsRow(page, 0, { time: '2026-03-02T04:00', sys: '142', dia: '88', hr: '104', spo2: '93', temp: '37,9', pain: '3' });
    await page.getByRole('button', { name: /Ajouter une ligne \(Relevés\)/ }).click();
    await fillVitalsRow(page, 1, { time: '2026-03-02T06:00', sys: '131', dia: '80', hr: '92', spo2: '95', temp: '37,4', pain: '1' });
    await page.getByRole('button', { name: 'Enregistrer le formulaire' }).click();
    await page.getByText('Formulaire enregistré sur cette tablette.').waitFor();

    await openRound(page, who.ipp);
    const identity = await page.locator('section.identity').innerText();
    expect(identity).toContain(who.name);
    expect(identity).toContain(who.ipp);
    expect(identity).toMatch(/\d{2}\/\d{2}\/\d{4}/); // birth date
    const latestNote = page.locator('.round-latest-note');
    await latestNote.getByText('Douleur').waitFor();
    const noteText = await latestNote.innerText();
    expect(noteText).toContain('EVA 6 au flanc droit');
    expect(noteText).toContain('Camille Martin');
    expect(noteText).toMatch(/Observé le/);
    expect(noteText).not.toContain('Sommeil');
    const vitals = page.locator('.round-latest-vitals');
    const vitalsText = await vitals.innerText();
    expect(vitalsText).toMatch(/Relevées le 02\/03\/2026.*06:00/);
    expect(vitalsText).toContain('37,4');
    expect(vitalsText).not.toContain('37,9');
    expect(await vitals.locator('tbody tr').count()).toBe(1);
    await screenshot(page, 'round-latest-landscape-fr');

    // Entered in error: the round now shows the note before it.
    await vitals.getByRole('link', { name: 'Ouvrir la pancarte' }).click();
    await page.waitForURL(/\/form\//);
    await page.goto(patientUrl);
    const douleur = page.locator('.note-list .note').filter({ hasText: 'Douleur' });
    await douleur.getByRole('button', { name: 'Saisie par erreur…' }).click();
    await douleur.getByLabel('Motif').fill('mauvais patient');
    await douleur.getByRole('button', { name: 'Marquer comme saisie par erreur' }).click();
    await page.getByRole('button', { name: 'Oui, marquer' }).click();
    await page.getByText('Transmission marquée «\u00a0saisie par erreur\u00a0».').waitFor();
    await openRound(page, who.ipp);
    await latestNote.getByText('Sommeil').waitFor();
    expect(await latestNote.innerText()).not.toContain('Douleur');

    // A patient with neither says so, still with both identifiers.
    await page.getByRole('button', { name: /Suivant/ }).click();
    await page.locator('.round-latest-note').getByText('Pas encore de transmission ciblée.').waitFor();
    await page.locator('.round-latest-vitals').getByText('Pas encore de constantes relevées.').waitFor();
    expect(await page.locator('section.identity').innerText()).toMatch(/IPP \d+/);
    await ctx.close();
  });

  it('never covers "Quitter le tour" with the bottom bar, at 1280×800 and 800×1280, scrolled to the top, the middle, the bottom or just onto the screen', async () => {
    for (const landscape of [true, false]) {
      const ctx = await newTablet(suite.browser, { landscape });
      const page = await ctx.newPage();
      await signIn(page, suite.server.url, 'demo-nurse');
      // The first patient of the round: the test above left a note and vitals, so the round scrolls.
      await page.goto(`${suite.server.url}/ward/MED/handover/round/1`);
      await page.locator('.round-latest-vitals tbody tr').waitFor();
      const quit = page.getByRole('link', { name: 'Quitter le tour' });
      await quit.waitFor();
      expect(await page.evaluate(() => document.scrollingElement!.scrollHeight > window.innerHeight)).toBe(true);
      const placements = ['top', 'middle', 'bottom', 'just onto the screen'] as const;
      let seen = 0;
      for (const where of placements) {
        await quit.evaluate((el, w) => {
          const max = document.scrollingElement!.scrollHeight - window.innerHeight;
          if (w === 'top') window.scrollTo(0, 0);
          else if (w === 'middle') window.scrollTo(0, max / 2);
          else if (w === 'bottom') window.scrollTo(0, max);
          // Its lower edge on the screen's lower edge: where a bar stuck to the bottom would sit on it.
          else el.scrollIntoView({ block: 'end' });
        }, where);
        await page.waitForTimeout(150); // the chrome folds on scroll
        const hit = await quit.evaluate((el) => {
          const r = el.getBoundingClientRect();
          const x = r.left + r.width / 2;
          const y = r.top + r.height / 2;
          if (y < 0 || y > window.innerHeight || x < 0 || x > window.innerWidth) return 'off-screen';
          const top = document.elementFromPoint(x, y);
          return top !== null && el.contains(top) ? 'hit' : `covered by ${top?.className ?? 'nothing'}`;
        });
        if (hit === 'off-screen') continue;
        seen += 1;
        expect(`${landscape ? '1280×800' : '800×1280'} ${where}: ${hit}`).toBe(`${landscape ? '1280×800' : '800×1280'} ${where}: hit`);
      }
      expect(seen).toBeGreaterThanOrEqual(2);
      await screenshot(page, `round-quit-${landscape ? 'landscape' : 'portrait'}-fr`);
      await ctx.close();
    }
  });
});
