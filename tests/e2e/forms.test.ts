// Issue 3, end to end in Chromium: offline, a nurse hands over with I-PASS (two actions), admits
// a patient with a temporary IPP and charts two rows of vitals; a second nurse, offline on her
// own tablet, confirms the handover with her synthesis; back online, a third tablet finds it all.
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { serverAndBrowser, newTablet, waitForServiceWorker, screenshot } from './harness';
import { signIn, openPatientByRow, syncNow, goOffline, statusText, POLL_STATUS, fillVitalsRow } from './ward-tablet';

const suite = serverAndBrowser();

async function newForm(page: Page, title: string) {
  await page.getByRole('button', { name: 'Nouveau formulaire' }).click();
  await page.getByRole('link', { name: new RegExp(title) }).click();
  await page.locator('form.form-editor').waitFor();
}

async function saveForm(page: Page, label = 'Enregistrer le formulaire') {
  await page.getByRole('button', { name: label }).click();
}

describe('forms offline', () => {
  it('handover with two actions, confirmed by a second nurse; downtime admission; two rows of vitals; all found on a third tablet', async () => {
    const a = await newTablet(suite.browser);
    const b = await newTablet(suite.browser, { landscape: false });
    const pageA = await a.newPage();
    const pageB = await b.newPage();
    await signIn(pageA, suite.server.url, 'demo-nurse');
    await signIn(pageB, suite.server.url, 'demo-nurse2');
    await waitForServiceWorker(pageA);
    await waitForServiceWorker(pageB);

    // --- Tablet A, offline, after a reload from the service worker.
    await goOffline(a, pageA);
    await pageA.reload();
    await pageA.getByText(/IPP \d+/).first().waitFor();
    const patient = await openPatientByRow(pageA, 1);
    await newForm(pageA, 'Transmission I-PASS');
    // Saving an empty handover is refused, with the reason next to each required field.
    await saveForm(pageA);
    await pageA.getByText(/champs? à corriger/).waitFor();
    expect(await pageA.locator('.field-error').count()).toBeGreaterThanOrEqual(2);
    await pageA.getByRole('button', { name: 'À surveiller' }).click();
    await pageA.getByLabel(/Résumé : motif/).fill('Pneumopathie droite, J3 amoxicilline, apyrétique depuis hier');
    await pageA.getByLabel(/^Action/).first().fill('Contrôle lactates à 6 h');
    await pageA.getByLabel(/^Qui/).first().fill('IDE de nuit');
    await pageA.getByRole('button', { name: /Ajouter une ligne \(Liste des actions\)/ }).click();
    await pageA.getByLabel(/^Action/).nth(1).fill('Rappeler la famille pour le retour à domicile');
    await pageA.getByLabel(/^Si \(/).first().fill('SpO₂ < 92 %');
    await pageA.getByLabel(/^Alors/).first().fill('O₂ 2 L/min et appeler l’interne');
    await screenshot(pageA, 'ipass-filled-fr');
    await saveForm(pageA);
    await pageA.getByText('Formulaire enregistré sur cette tablette.').waitFor();
    const handoverUrl = pageA.url();
    expect(await pageA.locator('main').innerText()).toContain('Rappeler la famille pour le retour à domicile');
    // The author cannot confirm her own handover.
    expect(await pageA.getByRole('button', { name: 'Confirmer la relève' }).count()).toBe(0);

    // The ward board shows the severity, in words.
    await pageA.locator('a.header-ward').click();
    await pageA.getByRole('link').filter({ hasText: `IPP ${patient.ipp}` }).getByText('À surveiller').waitFor();

    // Downtime admission with a temporary IPP.
    await pageA.getByRole('link', { name: 'Admettre un patient' }).click();
    await pageA.getByText(/IPP provisoire qui sera attribué à l’enregistrement\s:\sTMP-[0-9A-Z]{8}-0001/).waitFor();
    await pageA.getByLabel(/^Nom de naissance/).fill('Nouvel');
    await pageA.getByLabel(/^Prénom/).fill('Arrivant');
    await pageA.getByLabel(/^Date de naissance/).fill('1987-05-14');
    await pageA.getByRole('button', { name: 'Femme' }).click();
    await pageA.getByRole('button', { name: 'Déclaration du patient' }).click();
    await pageA.getByLabel(/^Chambre/).fill('124');
    await pageA.getByLabel(/^Arrivé le/).fill('2026-03-02T03:40');
    await pageA.getByRole('button', { name: 'Urgences' }).click();
    await pageA.getByLabel(/^Motif d’admission/).fill('Décompensation cardiaque');
    await pageA.getByLabel(/^Allergies connues/).fill('Latex');
    await saveForm(pageA, 'Admettre le patient');
    await pageA.waitForURL(/\/patient\/[^/]+$/);
    const banner = await pageA.locator('section.identity').innerText();
    const tmpIpp = /TMP-[0-9A-Z]{8}-0001/.exec(banner)?.[0];
    expect(tmpIpp).toBeTruthy();
    expect(banner).toContain('NOUVEL Arrivant');
    expect(banner).toContain('Latex');

    // Two rows of vitals for the admitted patient.
    await newForm(pageA, 'Surveillance des constantes');
    await fillVitalsRow(pageA, 0, { time: '2026-03-02T04:00', sys: '142', dia: '88', hr: '104', spo2: '93', temp: '37,9', pain: '3' });
    await pageA.getByRole('button', { name: /Ajouter une ligne \(Relevés\)/ }).click();
    await fillVitalsRow(pageA, 1, { time: '2026-03-02T06:00', sys: '131', dia: '80', hr: '92', spo2: '95', temp: '37,4', pain: '1' });
    await screenshot(pageA, 'vitals-two-rows-fr');
    await saveForm(pageA);
    await pageA.getByText('Formulaire enregistré sur cette tablette.').waitFor();
    const vitals = await pageA.locator('.response-table tbody tr').allInnerTexts();
    expect(vitals).toHaveLength(2);
    expect(vitals[0]).toContain('142');
    expect(vitals[1]).toContain('37,4');
    await expect.poll(() => statusText(pageA), POLL_STATUS).toContain('4 en attente d’envoi'); // handover, patient, admission form, vitals

    // Everything survives a reload offline: saved, not held in memory.
    await pageA.reload();
    await pageA.locator('.response-table tbody tr').nth(1).waitFor();

    // --- Back online: A sends, B receives, then B confirms offline.
    await a.setOffline(false);
    await syncNow(pageA);
    await syncNow(pageB);
    await goOffline(b, pageB);
    await pageB.getByRole('link', { name: 'Relève du service' }).click();
    const item = pageB.locator('.handover-item').filter({ hasText: `IPP ${patient.ipp}` });
    await item.getByText('2 actions en attente').waitFor();
    await screenshot(pageB, 'handover-list-portrait-fr');
    await item.getByRole('link', { name: 'Ouvrir dans le tour' }).click();
    await pageB.getByText(/Patient \d+ sur \d+/).waitFor();
    expect(await pageB.locator('section.identity').innerText()).toContain(patient.ipp);
    await pageB.getByRole('button', { name: 'Confirmer la relève' }).click();
    await pageB.getByLabel('Synthèse par l’IDE qui reçoit').fill('Repris : lactates à 6 h, famille à rappeler ; si SpO₂ < 92 %, O₂ et interne.');
    await pageB.getByRole('button', { name: 'Enregistrer ma synthèse' }).click();
    await pageB.getByText(/Relève confirmée\s:\ssynthèse enregistrée sur cette tablette\./).waitFor();
    await pageB.getByText(/Relève confirmée par Julien Lefèvre/).waitFor();
    // Once confirmed, the button gives way to a done state (issue 11 §5).
    await pageB.locator('.round-actions [role="status"]').getByText('Relève confirmée').waitFor();
    expect(await pageB.getByRole('button', { name: 'Confirmer la relève' }).count()).toBe(0);
    await screenshot(pageB, 'handover-round-portrait-fr');
    await b.setOffline(false);
    await syncNow(pageB);

    // --- A third tablet finds all of it.
    const c = await newTablet(suite.browser);
    const pageC = await c.newPage();
    await signIn(pageC, suite.server.url, 'demo-charge');
    await pageC.getByRole('link').filter({ hasText: tmpIpp! }).waitFor();
    await pageC.goto(handoverUrl);
    await pageC.getByText('Rappeler la famille pour le retour à domicile').waitFor();
    const text = await pageC.locator('main').innerText();
    expect(text).toContain('Contrôle lactates à 6 h');
    expect(text).toContain('À surveiller');
    expect(text).toMatch(/Synthèse de l’IDE qui reçoit\s:\sJulien Lefèvre/);
    expect(text).toContain(patient.name);
    expect(text).toContain(patient.ipp);
    await pageC.locator('a.header-ward').click();
    await pageC.getByRole('link').filter({ hasText: tmpIpp! }).click();
    await pageC.getByRole('link', { name: /Surveillance des constantes/ }).click();
    await pageC.locator('.response-table tbody tr').nth(1).waitFor();
    expect(await pageC.locator('.response-table tbody tr').count()).toBe(2);
    expect(await pageC.locator('main').innerText()).toContain('NOUVEL Arrivant');
    for (const ctx of [a, b, c]) await ctx.close();
  });
});
