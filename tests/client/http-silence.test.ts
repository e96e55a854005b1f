// A pull page that comes slowly but keeps coming is not "offline"; one that stops coming is.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, OfflineError } from '../../src/client/sync/http';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.flushHeaders();
    const parts = ['{"entries":[', '1,', '2,', '3,', '4,', '5,', '6,', '7,', '8', '],"next":8,"more":false}'];
    // /trickle: a chunk every 200 ms (2 s in all, twice the timeout); /stall: two chunks, then nothing.
    const stall = req.url === '/stall';
    let i = 0;
    const timer = setInterval(() => {
      if (stall && i === 2) return;
      res.write(parts[i++]);
      if (i === parts.length) {
        clearInterval(timer);
        res.end();
      }
    }, 200);
    req.on('close', () => clearInterval(timer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('the silence timeout', () => {
  it('takes a slow answer that keeps coming, however long it takes in all', async () => {
    const page = await api<{ entries: number[] }>('/trickle', { base, timeoutMs: 1000 });
    expect(page.entries).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('gives up on an answer that stops coming, as offline', async () => {
    await expect(api('/stall', { base, timeoutMs: 1000 })).rejects.toBeInstanceOf(OfflineError);
  });
});
