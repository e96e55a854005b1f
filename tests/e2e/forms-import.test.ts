// Issue 12, end to end in Chromium: the crisis cell imports two forms of the test corpus through
// the admin screen (the Apgar score as it is; the lforms PHQ-9 after giving the url, version and
// title it lacks, its look-only extensions reported as such); a nurse, offline, fills the Apgar
// score (the total computes itself and cannot be typed), saves it, prints it with the score, and
// the server accepts it once she is back online.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../domain/questionnaire-corpus';
import { newTablet, screenshot, serverAndBrowser, waitForServiceWorker } from './harness';
import { signInAs } from './downtime-steps';
import { pageCount, pageTexts, printA4, ARTEFACTS } from './print-pdf';
import { goOffline, openPatientByRow, signIn, statusText, POLL_STATUS, syncNow } from './ward-tablet';

const suite = serverAndBrowser();

describe('importing corpus forms and filling one with a score, offline', () => {
  it('imports the Apgar score and the PHQ-9, fills the Apgar offline and prints it with its total', async () => {
    // --- The crisis cell imports two forms.
    const admin = await newTablet(suite.browser);
    const a = await admin.newPage();
    await signInAs(a, suite.server.url, 'demo-admin');
    await a.goto(`${suite.server.url}/admin/templates`);
    const file = a.getByLabel('Fichier JSON');
    await file.setInputFiles(join(CORPUS_DIR, '15-apgar.json'));
    await a.getByText('Tout le contenu du fichier est pris en charge.').waitFor();
    await a.getByRole('button', { name: 'Enregistrer ce modèle' }).click();
    await a.getByText(/Modèle enregistré\s:\sScore d’Apgar 1\.0/).waitFor();

    await file.setInputFiles(join(CORPUS_DIR, '01-phq9-lforms.json'));
    await a.getByText('Informations manquantes dans le fichier').waitFor();
    // Proposed from the file's name; the admin keeps the url and types the version.
    expect(await a.locator('input[name="import-url"]').inputValue()).toBe('https://releve.example/fhir/Questionnaire/imported/phq-9-depistage-depression');
    await a.locator('input[name="import-version"]').fill('2024.1');
    await a.getByRole('button', { name: 'Utiliser ces informations' }).click();
    const look = a.getByRole('region', { name: 'Change seulement l’apparence' });
    await look.getByText(/answerOption\.extension http:\/\/hl7\.org\/fhir\/StructureDefinition\/questionnaire-optionPrefix/).waitFor();
    expect(await look.innerText()).toMatch(/× 36[\s\S]*«\u00a0Peu d’intérêt ou de plaisir à faire les choses\u00a0» \(\/44250-9\)/);
    expect(await a.getByRole('region', { name: 'Change le sens du formulaire' }).count()).toBe(0);
    await screenshot(a, 'import-phq9-report');
    await a.getByRole('button', { name: 'Enregistrer ce modèle' }).click();
    await a.getByText(/Modèle enregistré\s:\sQuestionnaire PHQ-9 \(dépistage de la dépression\) 2024\.1/).waitFor();
    await syncNow(a);

    // --- A nurse's tablet takes the templates, then goes offline.
    const tablet = await newTablet(suite.browser);
    const page = await tablet.newPage();
    await signIn(page, suite.server.url, 'demo-nurse');
    await waitForServiceWorker(page);
    await syncNow(page);
    await goOffline(tablet, page);
    await page.reload();
    await page.getByText(/IPP \d+/).first().waitFor();
    await openPatientByRow(page, 2);
    await page.getByRole('button', { name: 'Nouveau formulaire' }).click();
    await page.getByRole('link', { name: /Score d’Apgar/ }).click();
    await page.locator('form.form-editor').waitFor();
    const total = page.locator('[data-key="/9272-6"] input');
    expect(await total.getAttribute('readonly')).not.toBeNull();
    const pick = async (linkId: string, option: string) => page.locator(`[data-key="${linkId}"]`).getByRole('button', { name: option, exact: true }).click();
    await pick('/apgar/1', '100/min ou plus');
    await pick('/apgar/2', 'Bonne, cri vigoureux');
    expect(await total.inputValue()).toBe('4');
    await pick('/apgar/3', 'Flexion des membres');
    await pick('/apgar/4', 'Cri, toux, éternuement');
    await pick('/apgar/5', 'Corps rose, extrémités bleues');
    expect(await total.inputValue()).toBe('8');
    await page.getByText('Coter à 1 minute, puis refaire une fiche à 5 et 10 minutes.').waitFor();
    await screenshot(page, 'apgar-filled-offline');
    await page.getByRole('button', { name: 'Enregistrer le formulaire' }).click();
    await page.getByText('Formulaire enregistré sur cette tablette.').waitFor();

    // --- Printed offline, with the score.
    await page.getByRole('link', { name: 'Imprimer', exact: true }).click();
    await page.locator('[data-print-ready="true"]').waitFor({ timeout: 90_000 });
    expect((await page.locator('.pf-field', { hasText: 'Score d’Apgar (calculé)' }).innerText()).replace(/\s+/g, ' ')).toBe('Score d’Apgar (calculé) 8');
    const pdf = await printA4(page, 'apgar-filled');
    const text = pageTexts(pdf).join(' ');
    expect(text).toContain('Score d’Apgar (calculé)');
    expect(text).toMatch(/✕ Corps rose, extrémités bleues/);
    expect(text).toContain('Coter à 1 minute');
    execFileSync('pdftoppm', ['-r', '60', '-png', pdf, join(ARTEFACTS, 'apgar-filled-page')]);
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(1);

    // --- Back online: the server recomputes the total and takes the form.
    await tablet.setOffline(false);
    await page.goBack();
    await syncNow(page);
    // Nothing waiting (syncNow) and nothing refused: the server accepted the recomputed total.
    await expect.poll(() => statusText(page), POLL_STATUS).toContain('0 refusée');
    await admin.close();
    await tablet.close();
  });
});
