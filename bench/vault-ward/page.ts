// A bench-only page, never built into the app: two tablet databases holding the same ward, one
// through the vault and one without it, and the ward board's own read (loadWard) timed on each.
import type { Entry } from '../../src/domain/entry';
import { ReleveDb } from '../../src/client/db/schema';
import { applyServerEntries } from '../../src/client/db/apply-pull';
import { loadWard } from '../../src/client/data/ward';
import { currentDataKey, generateDataKey, setDataKey } from '../../src/client/db/vault/data-key';

const sealed = new ReleveDb('bench-sealed');
const plain = new ReleveDb('bench-plain');
plain.unuse({ stack: 'dbcore', name: 'vault' });

async function fill(entries: Entry[]): Promise<void> {
  setDataKey(await generateDataKey());
  for (const db of [sealed, plain]) {
    for (let i = 0; i < entries.length; i += 500) await applyServerEntries(db, entries.slice(i, i + 500), 'bench', i + 500);
  }
}

async function timeOnce(db: ReleveDb, unit: string): Promise<{ ms: number; rows: number }> {
  const t0 = performance.now();
  const rows = await loadWard(unit, db);
  return { ms: performance.now() - t0, rows: rows.length };
}

type Series = { cold: number[]; warm: number[]; plain: number[]; rows: number };

/** A fresh unlock: the vault has opened nothing yet, as when a nurse unlocks and opens the board. */
function unlockAgain(): void {
  const key = currentDataKey()!;
  setDataKey(null);
  setDataKey(key);
}

/**
 * Alternates them, so a slow moment of a shared machine falls on all alike: the encrypted board
 * right after an unlock (every row decrypted), the same board read again (the live query's
 * re-reads: rows already opened are not decrypted again), and the clear database.
 */
async function compare(unit: string, runs: number): Promise<Series> {
  const out: Series = { cold: [], warm: [], plain: [], rows: 0 };
  await timeOnce(sealed, unit); // warm-up: code paths compiled, key imported
  await timeOnce(plain, unit);
  for (let i = 0; i < runs; i++) {
    unlockAgain();
    const c = await timeOnce(sealed, unit);
    const w = await timeOnce(sealed, unit);
    const p = await timeOnce(plain, unit);
    if (c.rows !== p.rows || w.rows !== p.rows) throw new Error(`the boards differ: ${c.rows}, ${w.rows} and ${p.rows} rows`);
    out.cold.push(c.ms);
    out.warm.push(w.ms);
    out.plain.push(p.ms);
    out.rows = p.rows;
  }
  return out;
}

Object.assign(window, { vaultBench: { fill, compare } });
document.body.dataset.ready = 'true';
