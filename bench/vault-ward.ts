// Opening the MED ward board after unlock, with the vault and without it, side by side in one
// run (Chromium, a bench-only page built by Vite as the app is built, for production: the
// shipped app has no switch to turn the vault off). Two figures: the board's read alone (loadWard:
// the queries, decryption, projection), the strictest ratio; and the board opened as a nurse waits
// for it, that read then its rows rendered by the app's own row component and laid out. The memo
// write a read may lead to (vault/opened-memo.ts) comes after the board has its rows: timed apart.
import { join } from 'node:path';
import { build } from 'vite';
import type { Entry } from '../src/domain/entry';
import { launchChromium, startServer } from '../tests/e2e/harness';
import { createDocument, pullAll, signInDevice } from '../tests/e2e/print-api';
import { aNote } from './vault-ward/note';
import { serveBuiltPages } from './built-pages';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const NOTES_PER_PATIENT = 3;

/** The demo's MED ward as its nurse's tablet holds it, with a few notes per patient. */
async function wardEntries(url: string): Promise<{ entries: Entry[]; patients: number }> {
  const nurse = await signInDevice(url, 'demo-nurse');
  const med = (await pullAll(nurse)).filter((e) => e.docType === 'patient' && e.scope === 'unit:MED');
  for (const p of med) {
    for (let i = 0; i < NOTES_PER_PATIENT; i++) await createDocument(nurse, { docType: 'note', scope: 'unit:MED', body: aNote(i), patientId: p.docId });
  }
  return { entries: await pullAll(nurse), patients: med.length };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function runVaultWard(): Promise<void> {
  console.log(`\nvault: opening the MED ward board after unlock, encrypted vs clear (Chromium), ${RUNS} runs each`);
  const server = await startServer();
  const outDir = join(import.meta.dirname, '..', '.tmp', 'bench-vault-ward');
  await build({ root: join(import.meta.dirname, 'vault-ward'), base: '/bench-vault/', configFile: false, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const browser = await launchChromium();
  try {
    const { entries, patients } = await wardEntries(server.url);
    const page = await (await browser.newContext()).newPage();
    const served = await serveBuiltPages(page, server.url, '/bench-vault/', outDir);
    await page.goto(`${server.url}/bench-vault/index.html`);
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 120_000 });
    await served();
    await page.evaluate(async (e) => (window as unknown as { vaultBench: { fill: (x: Entry[]) => Promise<void> } }).vaultBench.fill(e), entries);
    type Result = { cold: number[]; changed: number[]; memo: number[]; warm: number[]; plain: number[]; coldOpen: number[]; plainOpen: number[]; rows: number };
    const r = await page.evaluate(
      async (runs) => (window as unknown as { vaultBench: { compare: (u: string, n: number) => Promise<Result> } }).vaultBench.compare('MED', runs),
      RUNS,
    );
    const line = (name: string, xs: number[]) =>
      console.log(`  ${name.padEnd(40)} median ${median(xs).toFixed(1).padStart(7)} ms  (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)})`);
    console.log(`  ${entries.length} entries on the tablet, ${patients} MED patients, ${r.rows} rows on the board`);
    line('encrypted, first read after unlock', r.cold);
    line('  same, 3 lines rewritten since', r.changed);
    line('  then the memo written again (after)', r.memo);
    line('encrypted, read again (rows known)', r.warm);
    line('clear (baseline)', r.plain);
    const ratio = (xs: number[]) => (median(xs) / median(r.plain)).toFixed(2);
    console.log(`  ratio first read after unlock / clear (median): ${ratio(r.cold)}x  (target <= 1.30x)`);
    console.log(`  ratio first read, 3 lines rewritten since / clear (median): ${ratio(r.changed)}x`);
    console.log(`  ratio read again / clear (median): ${ratio(r.warm)}x`);
    // Each run's three reads come within milliseconds: the ratio per run cancels a loaded moment.
    const paired = (xs: number[]) => median(xs.map((x, i) => x / r.plain[i]!)).toFixed(2);
    console.log(`  paired (median of each run's ratio): first read ${paired(r.cold)}x, 3 lines rewritten ${paired(r.changed)}x, read again ${paired(r.warm)}x`);
    // The whole opening as the nurse waits for it: the read, then the rows rendered and laid out.
    line('opened after unlock, encrypted (+ rows shown)', r.coldOpen);
    line('opened, clear (baseline)', r.plainOpen);
    const pairedOpen = median(r.coldOpen.map((x, i) => x / r.plainOpen[i]!)).toFixed(2);
    console.log(`  ratio board opened after unlock / clear: ${(median(r.coldOpen) / median(r.plainOpen)).toFixed(2)}x medians, ${pairedOpen}x paired  (target <= 1.30x)`);
  } finally {
    await browser.close();
    await server.stop();
  }
}
