// Issue 4, end to end in Chromium with no network: the MED downtime kit and a pre-filled I-PASS
// handover printed to PDF (page.pdf, A4), then read back with poppler as a nurse and a back-entry
// scanner would. Every patient's two identifiers are in the census and on each of their own
// pages, no page of one patient names another, every page says "page x / y", and every QR code
// decodes to the right template, patient, document and ward.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Entry } from '../../src/domain/entry';
import { SHEET_CANONICALS } from '../../src/domain/print/qr-payload';
import { displayName } from '../../src/domain/patient-identity';
import { buildResponse, canonicalOf, emptyRow, type FormValues, type Questionnaire } from '../../src/domain/questionnaire';
import type { PatientBody } from '../../src/domain/schemas';
import { launchChromium, newTablet, startServer, waitForServiceWorker, type RunningServer } from './harness';
import { createDocument, pullAll, signInDevice } from './print-api';
import { pageCount, readPages, printA4, type PrintedPage } from './print-pdf';
import { goOffline, signIn, syncNow } from './ward-tablet';

interface Patient {
  docId: string;
  body: PatientBody;
  name: string;
  born: string;
}

let server: RunningServer;
let browser: Browser;
let tablet: BrowserContext;
let page: Page;
let patients: Patient[];
let templates: Map<string, { docId: string; body: Questionnaire }>;
let handover: { formId: string; patient: Patient };

const SUMMARY = 'Pneumopathie franche lobaire inférieure droite, J2 amoxicilline, apyrétique depuis ce matin.';
const ACTIONS = ['Hémocultures si température > 38,5 °C', 'Rappeler la famille pour le retour à domicile'];

function frenchDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function template(name: string) {
  const t = [...templates.values()].find((x) => x.body.url.endsWith(`/${name}`));
  if (!t) throw new Error(`template ${name} not seeded`);
  return t;
}

/** An I-PASS handover with two actions and a contingency, built and checked by the forms engine. */
function ipassValues(): FormValues {
  const row = (answers: Record<string, string[]>, groups: FormValues['groups'] = {}): FormValues => ({ answers, groups });
  return {
    ...emptyRow(),
    answers: { severity: ['watcher'] },
    groups: {
      summary: [row({ 'summary-text': [SUMMARY], 'summary-diagnosis': ['Pneumopathie'] })],
      actions: [
        row({ 'action-text': [ACTIONS[0]!], 'action-owner': ['IDE de nuit'], 'action-due': ['2026-03-02T06:00'] }),
        row({ 'action-text': [ACTIONS[1]!], 'action-owner': ['Interne'] }),
      ],
      awareness: [row({ 'awareness-text': ['Risque de désaturation la nuit'] }, {
        contingency: [row({ 'contingency-if': ['SpO₂ < 92 %'], 'contingency-then': ['O₂ 2 L/min et appeler l’interne de garde'] })],
      })],
    },
  };
}

async function printToPdf(path: string, name: string): Promise<{ pages: PrintedPage[]; file: string }> {
  await page.goto(server.url + path);
  await page.locator('[data-print-ready="true"]').waitFor({ timeout: 90_000 });
  const expected = Number(await page.locator('[data-print-ready="true"]').getAttribute('data-pages'));
  expect(await page.locator('.print-page[data-overflow]').count()).toBe(0);
  const file = await printA4(page, name);
  // Our own page blocks and the PDF's pages agree: nothing spilled onto an extra sheet.
  expect(pageCount(file)).toBe(expected);
  return { pages: readPages(file, name), file };
}

function expectIdentifiers(text: string, p: Patient) {
  expect(text).toContain(p.name);
  expect(text).toContain(p.born);
  // Whole, on one line: a temporary IPP (TMP-XXXXXXXX-0001) once broke at its hyphens.
  expect(text).toContain(p.body.ipp);
}

/** No other patient's IPP or full name on this page (a namesake's name is no proof either way). */
function expectNoOtherPatient(text: string, p: Patient) {
  for (const other of patients) {
    if (other.docId === p.docId) continue;
    expect(text, `page of ${p.name} names ${other.name}`).not.toContain(other.body.ipp);
    if (other.name !== p.name) expect(new RegExp(`${other.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(text)).toBe(false);
  }
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  // The scene: a colleague's tablet writes an I-PASS handover for the first patient of MED.
  const colleague = await signInDevice(server.url, 'demo-nurse2');
  const entries: Entry[] = await pullAll(colleague);
  templates = new Map(entries.filter((e) => e.docType === 'template').map((e) => [e.docId, { docId: e.docId, body: e.body as Questionnaire }]));
  patients = entries
    .filter((e) => e.docType === 'patient' && e.scope === 'unit:MED' && e.kind === 'create')
    .map((e) => {
      const body = e.body as PatientBody;
      return { docId: e.docId, body, name: displayName(body), born: frenchDate(body.birthDate) };
    });
  expect(patients.length).toBe(25); // the census, and the demo drill's temporary admission
  const ipass = template('handover-ipass');
  const first = [...patients].sort((a, b) => a.body.room.localeCompare(b.body.room, 'fr', { numeric: true }) || (a.body.bed ?? '').localeCompare(b.body.bed ?? ''))[0]!;
  const body = buildResponse(ipass.body, ipassValues(), { patientId: first.docId, authored: new Date().toISOString(), authorName: colleague.login.user.name });
  const formId = await createDocument(colleague, { docType: 'form', scope: 'unit:MED', body, patientId: first.docId });
  handover = { formId, patient: first };

  tablet = await newTablet(browser);
  page = await tablet.newPage();
  await signIn(page, server.url, 'demo-nurse');
  await waitForServiceWorker(page);
  await page.getByText(/IPP \d+/).first().waitFor();
  // Printing needs no network: everything below comes from the tablet's IndexedDB.
  await goOffline(tablet, page);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('printing with no network', () => {
  it('prints a pre-filled I-PASS handover: both identifiers and "page x / y" on every page, and a QR code naming the form', async () => {
    const ipass = template('handover-ipass');
    const { pages } = await printToPdf(`/print/form/${ipass.docId}?patient=${handover.patient.docId}&form=${handover.formId}`, 'ipass');
    expect(pages.length).toBeGreaterThanOrEqual(1);
    const all = pages.map((p) => p.text).join('\n');
    expect(all).toContain(SUMMARY);
    for (const a of ACTIONS) expect(all).toContain(a);
    expect(all).toContain('Julien Lefèvre'); // who filled it in
    for (const p of pages) {
      expectIdentifiers(p.text, handover.patient);
      expectNoOtherPatient(p.text, handover.patient);
      expect(p.text).toContain(`page ${p.n} / ${pages.length}`);
      expect(p.text).toContain('Transmission I-PASS');
      expect(p.text).toMatch(/Imprimé le \d\d\/\d\d\/\d{4} \d\d:\d\d par Camille Martin — données au \d\d\/\d\d\/\d{4} \d\d:\d\d/);
      expect(p.qr, `QR of page ${p.n}: ${p.qrText}`).toEqual({ t: canonicalOf(ipass.body), p: handover.patient.docId, d: handover.formId, u: 'MED' });
      expect(p.width).toBeLessThan(p.height); // A4 portrait
    }
  });

  it('prints the MED downtime kit: the census with every patient, each patient\'s own pages, blank forms, directory and procedures', async () => {
    const { pages } = await printToPdf('/print/kit/MED', 'kit-MED');
    const total = pages.length;
    const byId = new Map(patients.map((p) => [p.docId, p]));
    const vitals = canonicalOf(template('vital-signs').body);
    const ipass = canonicalOf(template('handover-ipass').body);
    const admission = canonicalOf(template('downtime-admission').body);

    for (const p of pages) {
      expect(p.qr, `QR of page ${p.n}: ${p.qrText}`).not.toBeNull();
      expect(p.qr!.u).toBe('MED');
      expect(p.text).toMatch(/page \d+ \/ \d+/);
      expect(p.text).toContain(`Kit MED · feuille ${p.n} / ${total}`);
      expect(p.text).toMatch(/Imprimé le .* par Camille Martin — données au /);
    }

    // 1. The census: every patient of MED with both identifiers.
    const census = pages.filter((p) => p.qr!.t === SHEET_CANONICALS.census);
    expect(census.length).toBeGreaterThanOrEqual(1);
    expect(pages[0]!.qr!.t).toBe(SHEET_CANONICALS.census);
    const censusText = census.map((p) => p.text).join('\n');
    for (const p of patients) expectIdentifiers(censusText, p);
    // The latest severity: the handover written for the first patient says "watcher".
    expect(censusText).toContain(`${handover.patient.body.ipp} ${handover.patient.body.allergies.length ? handover.patient.body.allergies.join(', ') : 'aucune connue'} À surveiller`);

    // 2. Each patient's own pages: their identifiers on each, nobody else's, and the right QR.
    const own = pages.filter((p) => p.qr!.p !== null);
    for (const pg of own) {
      const who = byId.get(pg.qr!.p!);
      expect(who, `page ${pg.n} names an unknown patient`).toBeDefined();
      expectIdentifiers(pg.text, who!);
      expectNoOtherPatient(pg.text, who!);
    }
    for (const p of patients) {
      const kinds = new Set(own.filter((pg) => pg.qr!.p === p.docId).map((pg) => pg.qr!.t));
      // The HIS sent every demo patient prescriptions and results: her MAR comes pre-filled with
      // them (in place of the blank MAR template), and a "derniers résultats" page follows.
      // (The drill's TMP admission, made on a tablet, has no HIS data: the blank MAR template.)
      const fromHis = !p.body.ipp.startsWith('TMP-');
      const marOk = fromHis ? kinds.has(SHEET_CANONICALS.mar) && kinds.has(SHEET_CANONICALS.results) : kinds.has(canonicalOf(template('medication-record').body));
      expect(kinds.has(vitals) && marOk, `sheets of ${p.name}`).toBe(true);
      expect([...kinds].some((t) => t.includes('/handover-'))).toBe(true);
    }
    // The latest handover is printed as it stands, and its QR names that form.
    const handoverPages = own.filter((pg) => pg.qr!.p === handover.patient.docId && pg.qr!.t === ipass);
    expect(handoverPages.length).toBeGreaterThanOrEqual(1);
    expect(handoverPages.every((pg) => pg.qr!.d === handover.formId)).toBe(true);
    expect(handoverPages.map((pg) => pg.text).join(' ')).toContain(SUMMARY);

    // 3. Blank forms: no patient named; admissions each carry their own reserved temporary IPP.
    const blank = pages.filter((p) => p.qr!.p === null && !Object.values(SHEET_CANONICALS).includes(p.qr!.t as never));
    for (const pg of blank) for (const p of patients) expect(pg.text).not.toContain(p.body.ipp);
    const tmp = blank.filter((pg) => pg.qr!.t === admission).flatMap((pg) => pg.text.match(/TMP-[0-9A-Z]{8}-\d{4,}/g) ?? []);
    expect(new Set(tmp).size).toBe(3);

    // 4. The directory and the ward's procedures, as synced to the tablet.
    const directory = pages.filter((p) => p.qr!.t === SHEET_CANONICALS.directory).map((p) => p.text).join('\n');
    expect(directory).toContain('Annuaire téléphonique');
    expect(directory).toMatch(/Pharmacie/i);
    const procedures = pages.filter((p) => p.qr!.t === SHEET_CANONICALS.procedures);
    expect(procedures.length).toBeGreaterThan(0);

    // Every page is A4, portrait or landscape.
    for (const p of pages) {
      expect(Math.abs(Math.min(p.width, p.height) - 595.3)).toBeLessThan(1.5); // 210 mm
      expect(Math.abs(Math.max(p.width, p.height) - 841.9)).toBeLessThan(1.5); // 297 mm
    }
  });

  it('marks every page EXERCICE while a drill is in force on the ward', async () => {
    const charge = await signInDevice(server.url, 'demo-charge');
    await createDocument(charge, {
      docType: 'downtime', scope: 'unit:MED',
      body: { area: 'unit', unitCode: 'MED', startedAt: new Date(Date.now() - 60_000).toISOString(), reason: 'drill', down: ['records'], drill: true },
    });
    await tablet.setOffline(false);
    await page.goto(`${server.url}/ward/MED`);
    await syncNow(page);
    // The tablet has the drill once its banner says so (a sync already under way when the button
    // was pressed may have ended before the drill was declared): print only then, as a nurse would.
    await page.locator('.drill-badge').first().waitFor({ timeout: 30_000 });
    await goOffline(tablet, page);
    const none = 'handover=0&vitals=0&mar=0&admissions=0&labRequisitions=0&transfers=0&directory=0&procedures=0';
    const census = await printToPdf(`/print/kit/MED?${none}`, 'drill-census');
    const vitals = await printToPdf(`/print/form/${template('vital-signs').docId}?patient=${handover.patient.docId}`, 'drill-vitals');
    for (const p of [...census.pages, ...vitals.pages]) expect(p.text).toContain('EXERCICE — ne pas utiliser pour des soins réels');
    for (const p of vitals.pages) expectIdentifiers(p.text, handover.patient);
    expectIdentifiers(census.pages.map((p) => p.text).join(' '), handover.patient);
  });

  it('leads there in one click from the ward board, the patient page and a form page', async () => {
    await page.goto(`${server.url}/ward/MED`);
    await page.getByRole('link', { name: 'Imprimer le kit mode dégradé' }).click();
    await page.waitForURL(/\/print\/kit\/MED$/);
    await page.locator('[data-print-ready="true"]').waitFor({ timeout: 90_000 });
    await page.goto(`${server.url}/patient/${handover.patient.docId}`);
    await page.getByText('Imprimer', { exact: true }).click();
    await page.locator('.print-menu').getByRole('link', { name: 'Transmission I-PASS' }).click();
    await page.waitForURL(new RegExp(`/print/form/.+form=${handover.formId}`));
    await page.goto(`${server.url}/patient/${handover.patient.docId}/form/${handover.formId}`);
    await page.getByRole('link', { name: 'Imprimer', exact: true }).click();
    await page.waitForURL(new RegExp(`/print/form/${template('handover-ipass').docId}\\?patient=${handover.patient.docId}&form=${handover.formId}`));
  });

  it('gives every print fresh temporary IPPs, so two paper copies never share a number', async () => {
    const admission = template('downtime-admission');
    const read = async () => {
      await page.goto(`${server.url}/print/form/${admission.docId}`);
      await page.locator('[data-print-ready="true"]').waitFor();
      return (await page.locator('.print-page').first().innerText()).match(/TMP-[0-9A-Z]{8}-\d{4,}/)?.[0];
    };
    const one = await read();
    const two = await read();
    expect(one).toBeDefined();
    expect(two).toBeDefined();
    expect(two).not.toBe(one);
  });
});
