// The HIS side of the feed bench, in a process of its own (forked by mllp-feed.ts): an HIS is
// another machine, so building and framing its messages must not share the server's event loop.
// Protocol with the parent: it sends a Burst; this process builds the messages and connects,
// answers 'ready'; on 'go' it sends them and answers 'done' (or an error's text).
import { MllpClient, readAck } from '../tests/server/mllp-client';
import { messageOf } from './hl7-messages';

export interface Burst {
  port: number;
  run: number;
  connections: number;
  messages: number;
}

export type SenderReply = { kind: 'ready' } | { kind: 'done' } | { kind: 'error'; text: string };

async function prepare(b: Burst): Promise<() => Promise<void>> {
  // Messages of one patient go on the same connection, in order (an admission before its results).
  const lanes = await Promise.all(Array.from({ length: b.connections }, async (_, k) => {
    const texts: string[] = [];
    for (let i = k * 2; i < b.messages; i += b.connections * 2) {
      for (const j of [i, i + 1]) if (j < b.messages) texts.push(messageOf(b.run, j));
    }
    return { client: await MllpClient.connect(b.port), texts };
  }));
  return async () => {
    await Promise.all(lanes.map(async ({ client, texts }) => {
      for (const text of texts) {
        const ack = readAck(await client.send(text));
        if (ack.code !== 'AA') throw new Error(`${ack.code} ${ack.text}`);
      }
      client.close();
    }));
  };
}

const reply = (r: SenderReply) => process.send!(r);
let send: (() => Promise<void>) | undefined;
process.on('message', (m: Burst | 'go') => {
  const step = m === 'go' ? send!().then(() => reply({ kind: 'done' })) : prepare(m).then((s) => { send = s; reply({ kind: 'ready' }); });
  step.catch((err: unknown) => reply({ kind: 'error', text: String(err) }));
});
