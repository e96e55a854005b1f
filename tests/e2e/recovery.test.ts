// Issue 14, end to end in Chromium, as a charge nurse does recovery after the MED drill: print a
// patient's vital-signs sheet to PDF, read its QR code back from the page image (pdftoppm), give
// that image to "Scanner une feuille" (decoded in the browser), transcribe the sheet with the
// paper's author and time, see the worklist of the drill list it, mark it ressaisi; scanning the
// same sheet again says it was transcribed; link the drill's temporary patient to a real one; the
// export holds the transcription with its Provenance naming the paper's author.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/domain/entry';
import { displayName } from '../../src/domain/patient-identity';
import { canonicalOf, type Questionnaire } from '../../src/domain/questionnaire';
import type { ExportBundle } from '../../src/domain/recovery/fhir/bundle';
import type { PatientBody } from '../../src/domain/schemas';
import type { DowntimeBody } from '../../src/domain/schemas/downtime';
import { newTablet, serverAndBrowser } from './harness';
import { signInAs } from './downtime-steps';
import { pullAll, signInDevice } from './print-api';
import { ARTEFACTS, readPages, printA4 } from './print-pdf';
import { fillVitalsRow, syncNow } from './ward-tablet';

const suite = serverAndBrowser();

const bodyOf = <T>(e: Entry) => e.body as T;

describe('recovery', () => {
  it('prints a sheet, scans it back, transcribes it into the drill’s worklist, marks it; links a temporary patient; exports with Provenance', async () => {
    const url = suite.server.url;
    const api = await signInDevice(url, 'demo-charge');
    const entries = await pullAll(api);
    const vitals = entries.find((e) => e.docType === 'template' && bodyOf<Questionnaire>(e).url.endsWith('/vital-signs'))!;
    const drill = entries.find((e) => e.docType === 'downtime' && e.kind === 'create' && bodyOf<DowntimeBody>(e).drill)!;
    const medPatients = entries.filter((e) => e.docType === 'patient' && e.kind === 'create' && e.scope === 'unit:MED');
    const tmp = medPatients.find((e) => bodyOf<PatientBody>(e).ipp.startsWith('TMP-'))!;
    const real = medPatients.find((e) => !bodyOf<PatientBody>(e).ipp.startsWith('TMP-'))!;
    const realBody = bodyOf<PatientBody>(real);

    const tablet = await newTablet(suite.browser);
    const page = await tablet.newPage();
    await signInAs(page, url, 'demo-charge');
    await page.getByText(/IPP \d+/).first().waitFor({ timeout: 30_000 });

    // Print the patient's vitals sheet and read its QR code from the PDF page image.
    await page.goto(`${url}/print/form/${vitals.docId}?patient=${real.docId}`);
    await page.locator('[data-print-ready="true"]').waitFor({ timeout: 90_000 });
    const pdf = await printA4(page, 'recovery-vitals');
    const [first] = readPages(pdf, 'recovery-vitals');
    expect(first!.qr).toEqual({ t: canonicalOf(vitals.body as Questionnaire), p: real.docId, d: null, u: 'MED' });
    const qrDir = join(ARTEFACTS, 'recovery-vitals-qr');
    const image = join(qrDir, readdirSync(qrDir).filter((f) => f.endsWith('.png')).sort()[0]!);

    // Scan it: the right form for the right patient, both identifiers shown.
    await page.goto(`${url}/recovery/scan`);
    await page.locator('input[type=file]').setInputFiles(image);
    await page.getByRole('heading', { name: /Feuille « Surveillance des constantes/ }).waitFor({ timeout: 30_000 });
    const found = await page.locator('.scan-result').innerText();
    expect(found).toContain(displayName(realBody));
    expect(found).toContain(realBody.ipp);
    await page.getByRole('link', { name: 'Retranscrire cette feuille' }).click();
    await page.waitForURL(/\/form\/new\/.+\?sheet=/);
    expect(await page.locator('section.identity').innerText()).toContain(realBody.ipp);

    // Transcribe: the paper's author and time as written (during the drill), then the row.
    const paperAt = new Date(Date.parse(bodyOf<DowntimeBody>(drill).startedAt) + 45 * 60_000);
    const local = await page.evaluate((iso) => {
      const d = new Date(iso);
      const p = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
    }, paperAt.toISOString());
    await fillVitalsRow(page, 0, { time: local, sys: '151', dia: '84', hr: '97', spo2: '95', temp: '38,1', pain: '4' });
    await page.getByRole('button', { name: 'Enregistrer le formulaire' }).click();
    await page.getByText('Qui a écrit la feuille ?').waitFor(); // refused: the paper's author and time are missing
    await page.getByLabel(/Écrit par \(nom ou initiales/).fill('JL');
    await page.getByLabel(/Écrit le \(date et heure/).fill(local);
    await page.getByRole('button', { name: 'Enregistrer le formulaire' }).click();
    await page.getByText('Formulaire enregistré sur cette tablette.').waitFor();
    const formId = /\/form\/([0-9a-f-]{36})/.exec(page.url())![1]!;

    // The same sheet again: already transcribed, by whom.
    await page.goto(`${url}/recovery/scan`);
    await page.locator('input[type=file]').setInputFiles(image);
    await page.getByText(/Feuille déjà retranscrite par Nathalie Rousseau/).waitFor({ timeout: 30_000 });

    // The drill's worklist lists the transcription (the paper was written during it): mark it.
    await page.goto(`${url}/recovery/${drill.docId}`);
    const row = page.locator(`tr[data-doc="${formId}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain('À ressaisir');
    await row.getByLabel('Référence dans le dossier principal').fill('DPI-4242');
    await row.getByRole('button', { name: 'Ressaisi' }).click();
    await expect.poll(() => row.innerText()).toContain('DPI-4242');
    expect(await row.innerText()).toMatch(/Ressaisi par Nathalie Rousseau/);

    // Link the drill's temporary patient to the real one, side by side first.
    await page.goto(`${url}/recovery/links`);
    const tmpRow = page.locator(`li[data-patient="${tmp.docId}"]`);
    await tmpRow.getByRole('button', { name: 'Rapprocher…' }).click();
    await tmpRow.getByLabel(/Chercher le vrai patient/).fill(realBody.ipp);
    await tmpRow.locator('.choice').first().click();
    const compare = await tmpRow.locator('.identity-compare').innerText();
    expect(compare).toContain(bodyOf<PatientBody>(tmp).ipp);
    expect(compare).toContain(realBody.ipp);
    await tmpRow.getByRole('button', { name: 'Confirmer le rapprochement' }).click();
    await tmpRow.getByText(new RegExp(`Rapproché de .*${realBody.ipp}`)).waitFor();
    await page.goto(`${url}/patient/${real.docId}`);
    await page.getByRole('heading', { name: new RegExp(`Écrit sous le numéro temporaire ${bodyOf<PatientBody>(tmp).ipp}`) }).waitFor();
    await syncNow(page);

    // The export: the transcription, under the real patient, with a Provenance naming the paper's author.
    const res = await fetch(`${url}/api/recovery/export?downtime=${drill.docId}`, { headers: { authorization: `Bearer ${api.login.token}` } });
    const bundle = (await res.json()) as ExportBundle;
    const qr = bundle.entry.find((e) => e.resource.resourceType === 'QuestionnaireResponse' && (e.resource.identifier as { value: string }).value === formId)!;
    expect(qr).toBeDefined();
    const prov = bundle.entry.filter((e) => e.resource.resourceType === 'Provenance' && JSON.stringify(e.resource.target).includes(qr.fullUrl));
    expect(prov).toHaveLength(1);
    expect(JSON.stringify(prov[0]!.resource.agent)).toContain('"display":"JL"');
    expect(bundle.entry.filter((e) => e.resource.resourceType === 'Provenance')).toHaveLength(bundle.entry.length / 2);
    await tablet.close();
  }, 240_000);
});
