// A bench-only page, never built into the app: two tablet databases holding the same ward, one
// through the vault and one without it, and the ward board's own read (loadWard) timed on each.
import { createElement as h } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { Entry } from '../../src/domain/entry';
import '../../src/client/i18n';
import type { WardRow } from '../../src/client/data/ward';
import { WardPatientRow } from '../../src/client/features/ward/WardPatientRow';
import '../../src/client/styles/base.css';
import '../../src/client/styles/components.css';
import '../../src/client/styles/ward.css';
import '../../src/client/styles/ward-board.css';
import { ReleveDb } from '../../src/client/db/schema';
import { applyServerEntries } from '../../src/client/db/apply-pull';
import { loadWard } from '../../src/client/data/ward';
import { currentDataKey, generateDataKey, setDataKey } from '../../src/client/db/vault/data-key';
import { memoWritten } from '../../src/client/db/vault/opened-memo';

const sealed = new ReleveDb('bench-sealed');
const plain = new ReleveDb('bench-plain');
plain.unuse({ stack: 'dbcore', name: 'vault' });

async function fill(entries: Entry[]): Promise<void> {
  setDataKey(await generateDataKey());
  for (const db of [sealed, plain]) {
    for (let i = 0; i < entries.length; i += 500) await applyServerEntries(db, entries.slice(i, i + 500), 'bench', i + 500);
  }
}

const board = createRoot(document.getElementById('board')!);

/**
 * The rows on screen as the board shows them (the app's own row component, French, the app's
 * CSS), laid out: the rest of what a nurse waits for once the read has answered. The same rows
 * cost the same here on both sides; the read alone (`ms`) stays the strict figure.
 */
function show(rows: readonly WardRow[]): void {
  // The rows' links need no router around them (wouter reads the page's address itself).
  const now = new Date();
  flushSync(() => board.render(h('ul', { className: 'ward-list' }, rows.map((row) => h(WardPatientRow, { key: row.patientId, row, now })))));
  void document.body.offsetHeight; // style and layout now, inside the timing
}

/**
 * The board's read; on the encrypted side, then the memo write it leads to (after the board has
 * its rows, so not in `ms`, but timed too: `memoMs`, from the read's end to the write's).
 */
async function timeOnce(db: ReleveDb, unit: string): Promise<{ ms: number; openMs: number; memoMs: number; rows: number }> {
  flushSync(() => board.render(null)); // each opening starts from an empty screen
  const t0 = performance.now();
  const rows = await loadWard(unit, db);
  const t1 = performance.now();
  show(rows);
  const t2 = performance.now();
  await memoWritten();
  return { ms: t1 - t0, openMs: t2 - t0, memoMs: performance.now() - t2, rows: rows.length };
}

type Series = { cold: number[]; changed: number[]; memo: number[]; warm: number[]; plain: number[]; coldOpen: number[]; plainOpen: number[]; rows: number };

/**
 * What a shift does between two unlocks: a few patients' lines rewritten (notes written or
 * pulled). Their stored text changes (fields in another order), so each is sealed anew: the
 * memo of the last unlock (vault/opened-memo.ts) no longer holds them.
 */
async function rewriteLines(unit: string, count: number): Promise<void> {
  const lines = (await sealed.noteSummaries.where('ward').equals(unit).toArray()).slice(0, count);
  await sealed.noteSummaries.bulkPut(lines.map(({ patientKey, ...rest }) => ({ ...(Object.fromEntries(Object.entries(rest).reverse()) as typeof rest), patientKey })));
  await memoWritten();
}

/** A fresh unlock: the vault has opened nothing yet, as when a nurse unlocks and opens the board. */
function unlockAgain(): void {
  const key = currentDataKey()!;
  setDataKey(null);
  setDataKey(key);
}

/**
 * Alternates them, so a slow moment of a shared machine falls on all alike: the encrypted board
 * right after an unlock (its lines from the memo of the unlock before, forms and templates
 * decrypted), the same after three lines were rewritten since (opened one by one; the memo
 * written again after it, timed apart), the same board read again (the live query's re-reads: rows already
 * opened are not decrypted again), and the clear database.
 */
async function compare(unit: string, runs: number): Promise<Series> {
  const out: Series = { cold: [], changed: [], memo: [], warm: [], plain: [], coldOpen: [], plainOpen: [], rows: 0 };
  await timeOnce(sealed, unit); // warm-up: code paths compiled, key imported, memo written
  await timeOnce(plain, unit);
  for (let i = 0; i < runs; i++) {
    unlockAgain();
    const c = await timeOnce(sealed, unit);
    await rewriteLines(unit, 3);
    unlockAgain();
    const x = await timeOnce(sealed, unit);
    const w = await timeOnce(sealed, unit);
    const p = await timeOnce(plain, unit);
    if ([c, x, w].some((s) => s.rows !== p.rows)) throw new Error(`the boards differ: ${c.rows}, ${x.rows}, ${w.rows} and ${p.rows} rows`);
    out.cold.push(c.ms);
    out.changed.push(x.ms);
    out.memo.push(x.memoMs);
    out.warm.push(w.ms);
    out.plain.push(p.ms);
    out.coldOpen.push(c.openMs);
    out.plainOpen.push(p.openMs);
    out.rows = p.rows;
  }
  return out;
}

Object.assign(window, { vaultBench: { fill, compare } });
document.body.dataset.ready = 'true';
