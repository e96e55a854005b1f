// The MLLP listener (RELEVE_MLLP_PORT): TCP, or TLS with the HTTPS certificate. Frames are cut
// here (mllp-frames.ts), decoded with iconv-lite (RELEVE_MLLP_ENCODING) and parsed by @medplum/core;
// each message goes through the FeedQueue and gets its ACK once its group is committed. Original
// acknowledgment mode: one application ACK. @medplum/hl7's Hl7Connection did the framing until
// session 24: it hands out only the parsed message, so the journal's raw text had to be serialised
// again from it, and each ACK was an Hl7Message serialised once more (bench/RESULTS.md, "HIS feed").
import net from 'node:net';
import tls from 'node:tls';
import { Hl7Message } from '@medplum/core';
import iconv from 'iconv-lite';
import type { FastifyBaseLogger } from 'fastify';
import { buildAck, buildRejectOfGarbage } from './hl7/ack';
import { readMessage, messageControlId } from './hl7/read-message';
import { refusalReceipt } from './receive';
import type { FeedQueue, QueueCounts } from './feed-queue';
import { FrameTooLong, MllpFrames } from './mllp-frames';

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

const START = Buffer.from([0x0b]);
const END = Buffer.from([0x1c, 0x0d]);

function serve(socket: net.Socket, o: MllpOptions): void {
  const encoding = o.encoding ?? 'utf-8';
  const frames = new MllpFrames(MAX_FRAME_BYTES);
  const answer = (ack: string) => {
    if (socket.writable) socket.write(Buffer.concat([START, iconv.encode(ack, encoding), END]));
  };
  const receive = (bytes: Buffer) => {
    const raw = iconv.decode(bytes, encoding);
    let message: Hl7Message;
    try {
      message = Hl7Message.parse(raw);
    } catch (err) {
      // A frame that is not an HL7 message: refuse it, keep the connection.
      answer(buildRejectOfGarbage(`not an HL7 message: ${(err as Error).message}`));
      return;
    }
    let incoming;
    try {
      const read = readMessage(message, bytes.length);
      incoming = { controlId: read.controlId, messageType: read.type, source: 'mllp' as const, raw, events: [read.event] };
    } catch (err) {
      const r = refusalReceipt(err);
      o.log.warn({ controlId: messageControlId(message), reason: r.text }, `MLLP message refused (${r.ack})`);
      answer(buildAck(message, r));
      return;
    }
    o.queue.submit(incoming, socket).then(
      (r) => answer(buildAck(message, r)),
      (err: unknown) => o.log.error({ err }, 'MLLP: no ACK sent'),
    );
  };
  socket.on('data', (chunk: Buffer) => {
    try {
      for (const bytes of frames.push(chunk)) receive(bytes);
    } catch (err) {
      if (err instanceof FrameTooLong) o.log.warn({ remote: socket.remoteAddress }, `MLLP: ${err.message}, connection closed`);
      else o.log.error({ err, remote: socket.remoteAddress }, 'MLLP: connection closed on an unexpected error');
      socket.destroy();
    }
  });
  socket.on('error', (err) => o.log.warn({ err, remote: socket.remoteAddress }, 'MLLP connection error'));
  socket.on('close', () => o.queue.forget(socket));
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
