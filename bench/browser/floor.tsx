// The floor: the least a React 19 + Dexie + workbox-window PWA can load and do before its first
// useful render (a list read from IndexedDB). The app's bundle and cold start are compared to it.
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import Dexie, { type EntityTable } from 'dexie';
import { Workbox } from 'workbox-window';

interface Row {
  id: string;
  name: string;
}

const db = new Dexie('floor', { chromeTransactionDurability: 'strict' }) as Dexie & { rows: EntityTable<Row, 'id'> };
db.version(1).stores({ rows: 'id' });

function Board() {
  const [rows, setRows] = useState<Row[] | null>(null);
  useEffect(() => {
    void (async () => {
      if ((await db.rows.count()) === 0) {
        await db.rows.bulkPut(Array.from({ length: 24 }, (_, i) => ({ id: String(i), name: `Patient ${i}` })));
      }
      setRows(await db.rows.toArray());
    })();
  }, []);
  if (!rows) return <p>…</p>;
  return (
    <ul className="floor-list">
      {rows.map((r) => (
        <li key={r.id}>{r.name}</li>
      ))}
    </ul>
  );
}

if ('serviceWorker' in navigator) void new Workbox('/sw.js').register();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Board />
  </StrictMode>,
);
