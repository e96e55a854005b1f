// A bench-only page, never built into the app: two tablet databases holding the same ward, one
// through the vault and one without it, and the ward board's own read (loadWard) timed on each.
import type { Entry } from '../../src/domain/entry';
import { ReleveDb } from '../../src/client/db/schema';
import { applyServerEntries } from '../../src/client/db/apply-pull';
import { loadWard } from '../../src/client/data/ward';
import { generateDataKey, setDataKey } from '../../src/client/db/vault/data-key';

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

/** Alternates the two, so a slow moment of a shared machine falls on both alike. */
async function compare(unit: string, runs: number): Promise<{ sealed: number[]; plain: number[]; rows: number }> {
  const out = { sealed: [] as number[], plain: [] as number[], rows: 0 };
  await timeOnce(sealed, unit); // warm-up: code paths compiled, key imported
  await timeOnce(plain, unit);
  for (let i = 0; i < runs; i++) {
    const s = await timeOnce(sealed, unit);
    const p = await timeOnce(plain, unit);
    if (s.rows !== p.rows) throw new Error(`the two boards differ: ${s.rows} and ${p.rows} rows`);
    out.sealed.push(s.ms);
    out.plain.push(p.ms);
    out.rows = s.rows;
  }
  return out;
}

Object.assign(window, { vaultBench: { fill, compare } });
document.body.dataset.ready = 'true';
