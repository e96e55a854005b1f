// The MLLP listener (RELEVE_MLLP_PORT): TCP, or TLS with the HTTPS certificate. @medplum/hl7's
// Hl7Connection frames the bytes and parses the messages; each goes through the FeedQueue and
// gets its ACK once its group is committed. Original acknowledgment mode: one application ACK.
import net from 'node:net';
import tls from 'node:tls';
import { Hl7Connection } from '@medplum/hl7';
import type { FastifyBaseLogger } from 'fastify';
import { buildAck, buildRejectOfGarbage } from './hl7/ack';
import { readMessage, messageControlId } from './hl7/read-message';
import { refusalReceipt } from './receive';
import type { FeedQueue, QueueCounts } from './feed-queue';

/** Beyond this many bytes without an end of message, the sender is cut off (a 10 MB message is refused by readMessage). */
const MAX_FRAME_BYTES = 32 * 1024 * 1024;

export interface MllpOptions {
  port: number;
  host?: string;
  tls?: { cert: Buffer; key: Buffer };
  encoding?: string;
  queue: FeedQueue;
  log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
}

export interface MllpListener {
  port: number;
  /** Transactions and messages written so far (group commit: fewer groups than messages). */
  counts: QueueCounts;
  close(): Promise<void>;
}

function serve(socket: net.Socket, o: MllpOptions): void {
  let unframed = 0;
  socket.on('data', (chunk: Buffer) => {
    const end = chunk.lastIndexOf(0x1c);
    unframed = end >= 0 ? chunk.length - end - 1 : unframed + chunk.length;
    if (unframed > MAX_FRAME_BYTES) {
      o.log.warn({ remote: socket.remoteAddress }, 'MLLP: no end of message after 32 MB, connection closed');
      socket.destroy();
    }
  });
  socket.on('close', () => o.queue.forget(socket));
  const connection = new Hl7Connection(socket, o.encoding ?? 'utf-8');
  connection.addEventListener('message', ({ message }) => {
    const raw = message.toString();
    let incoming;
    try {
      const read = readMessage(message, Buffer.byteLength(raw));
      incoming = { controlId: read.controlId, messageType: read.type, source: 'mllp' as const, raw, events: [read.event] };
    } catch (err) {
      const r = refusalReceipt(err);
      o.log.warn({ controlId: messageControlId(message), reason: r.text }, `MLLP message refused (${r.ack})`);
      connection.send(buildAck(message, r));
      return;
    }
    o.queue.submit(incoming, socket).then(
      (r) => {
        if (!connection.isClosed()) connection.send(buildAck(message, r));
      },
      (err: unknown) => o.log.error({ err }, 'MLLP: no ACK sent'),
    );
  });
  connection.addEventListener('error', ({ error }) => {
    // A frame that is not an HL7 message: refuse it, keep the connection. The library keeps the
    // bad frame's bytes when its parse throws, which would spoil every later message: drop them.
    (connection as unknown as { resetBuffer(): void }).resetBuffer();
    if ((error as NodeJS.ErrnoException).code === undefined && !connection.isClosed() && socket.writable) {
      connection.send(buildRejectOfGarbage(`not an HL7 message: ${error.message}`));
    }
  });
}

export function startMllpListener(o: MllpOptions): Promise<MllpListener> {
  const server = o.tls ? tls.createServer({ cert: o.tls.cert, key: o.tls.key }, (s) => serve(s, o)) : net.createServer((s) => serve(s, o));
  const sockets = new Set<net.Socket>();
  server.on(o.tls ? 'secureConnection' : 'connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host ?? '0.0.0.0', () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : o.port;
      o.log.info(`HL7v2 MLLP listener on port ${port}${o.tls ? ' (TLS)' : ''}`);
      resolve({
        port,
        counts: o.queue.counts,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => void o.queue.idle().then(done));
            for (const s of sockets) s.end();
          }),
      });
    });
  });
}
