// How fast a tablet turns a 30-patient ward's downtime kit into a finished PDF, in Chromium with
// no network: open /print/kit/<ward> (read IndexedDB, measure, paginate), then page.pdf. The
// baseline, in the same run and the same browser, is the census alone through the same path: a
// kit should cost about as much per page as the simplest sheet, since every sheet is laid out the
// same way.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildResponse, emptyRow, type Questionnaire } from '../src/domain/questionnaire';
import type { PatientBody } from '../src/domain/schemas';
import { launchChromium, newTablet, startServer, waitForServiceWorker } from '../tests/e2e/harness';
import { createDocument, pullAll, signInDevice } from '../tests/e2e/print-api';
import { signIn } from '../tests/e2e/ward-tablet';
import { measure, type Figures } from './measure';

const WARD_SIZE = 30;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CENSUS_ONLY = '?handover=0&vitals=0&mar=0&admissions=0&labRequisitions=0&transfers=0&directory=0&procedures=0';

/** MED has 24 patients in the demo: admit more until the ward holds 30, each with an I-PASS handover. */
async function fillWard(url: string): Promise<void> {
  const nurse = await signInDevice(url, 'demo-nurse2');
  const entries = await pullAll(nurse);
  const med = entries.filter((e) => e.docType === 'patient' && e.scope === 'unit:MED');
  const ipass = entries.find((e) => e.docType === 'template' && (e.body as Questionnaire).url.endsWith('/handover-ipass'))!.body as Questionnaire;
  const ids = med.map((e) => e.docId);
  for (let i = med.length; i < WARD_SIZE; i++) {
    const body: PatientBody = {
      ipp: String(87_000_000 + i), lastName: `BANC-ESSAI${i}`, firstName: 'Camille', birthDate: '1950-01-15', sex: 'X',
      unitCode: 'MED', room: String(150 + i), bed: 'A', allergies: [],
    };
    ids.push(await createDocument(nurse, { docType: 'patient', scope: 'unit:MED', body }));
  }
  for (const patientId of ids) {
    const values = {
      ...emptyRow(),
      answers: { severity: ['stable'] },
      groups: {
        summary: [{ answers: { 'summary-text': ['Surveillance post-opératoire, douleur contrôlée, reprise alimentaire.'] }, groups: {} }],
        actions: [{ answers: { 'action-text': ['Bilan sanguin à 6 h'], 'action-owner': ['IDE de nuit'] }, groups: {} }],
      },
    };
    const body = buildResponse(ipass, values, { patientId, authored: new Date().toISOString() });
    await createDocument(nurse, { docType: 'form', scope: 'unit:MED', body, patientId });
  }
}

async function printOnce(page: Page, url: string): Promise<{ ms: number; layoutMs: number; pages: number }> {
  const t0 = performance.now();
  await page.goto(url);
  const ready = page.locator('[data-print-ready="true"]');
  await ready.waitFor({ timeout: 300_000 });
  const layoutMs = performance.now() - t0;
  const pages = Number(await ready.getAttribute('data-pages'));
  const pdf = await page.pdf({ format: 'A4' });
  if (pdf.length < 1000) throw new Error('empty PDF');
  return { ms: performance.now() - t0, layoutMs, pages };
}

function line(name: string, f: Figures, pages: number, layout: number) {
  const rate = (pages / f.median) * 1000;
  console.log(
    `  ${name.padEnd(40)} ${String(pages).padStart(4)} pages  median ${f.median.toFixed(0).padStart(6)} ms ` +
      `(min ${f.min.toFixed(0)}, max ${f.max.toFixed(0)}; layout ${layout.toFixed(0)} ms)  ${rate.toFixed(1).padStart(6)} pages/s`,
  );
  return rate;
}

export async function runPrintKit(): Promise<void> {
  console.log(`\nprint kit: a ${WARD_SIZE}-patient ward's downtime kit to a finished PDF (Chromium, no network), ${RUNS} runs`);
  const root = join(import.meta.dirname, '..');
  if (!existsSync(join(root, 'dist', 'index.html'))) execFileSync('npx', ['vite', 'build'], { cwd: root, stdio: 'ignore' });
  const server = await startServer();
  const browser = await launchChromium();
  try {
    await fillWard(server.url);
    const tablet = await newTablet(browser);
    const page = await tablet.newPage();
    await signIn(page, server.url, 'demo-nurse');
    await page.getByText(`BANC-ESSAI${WARD_SIZE - 1}`).waitFor({ timeout: 60_000 });
    // Offline, /print/kit comes from the service worker's precache: it must control the page first
    // (an idle machine once got there before the worker was active: ERR_INTERNET_DISCONNECTED).
    await waitForServiceWorker(page);
    await tablet.setOffline(true);
    let kit = { pages: 0, layout: 0 };
    let census = { pages: 0, layout: 0 };
    // Warm-up: the first visit fills caches (fonts, code) that a nurse's second print would have.
    await printOnce(page, `${server.url}/print/kit/MED${CENSUS_ONLY}`);
    const subject = await measure('whole kit', RUNS, async () => {
      const r = await printOnce(page, `${server.url}/print/kit/MED`);
      kit = { pages: r.pages, layout: r.layoutMs };
      return r.ms;
    });
    const baseline = await measure('census alone (baseline)', RUNS, async () => {
      const r = await printOnce(page, `${server.url}/print/kit/MED${CENSUS_ONLY}`);
      census = { pages: r.pages, layout: r.layoutMs };
      return r.ms;
    });
    const kitRate = line('whole kit', subject, kit.pages, kit.layout);
    const censusRate = line('census alone (baseline)', baseline, census.pages, census.layout);
    console.log(`  ratio kit/census (pages per second): ${(kitRate / censusRate).toFixed(2)}x`);
  } finally {
    await browser.close();
    await server.stop();
  }
}
