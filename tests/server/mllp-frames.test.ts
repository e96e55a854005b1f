// MLLP framing (interface/mllp-frames.ts, HL7 v2.5 Appendix C: <VT> message <FS><CR>), and what the
// listener does with it: each frame's bytes as sent, wherever TCP cuts the stream.
import { Hl7Message } from '@medplum/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FrameTooLong, MllpFrames } from '../../src/server/interface/mllp-frames';
import { admit } from './hl7-fixtures';
import { readAck } from './mllp-client';
import { startFeedServer, type FeedServer } from './mllp-harness';
import net from 'node:net';

const framed = (text: string) => Buffer.concat([Buffer.from([0x0b]), Buffer.from(text, 'utf8'), Buffer.from([0x1c, 0x0d])]);
const texts = (frames: Buffer[]) => frames.map((b) => b.toString('utf8'));
const person = (ipp: string) => ({ ipp, birthName: 'TRAME', given: 'Ève', birth: '19600101', sex: 'F' });

describe('MLLP frames', () => {
  const one = admit(person('930001'), { ward: 'MED', room: '1' }, { controlId: 'FRAME-1' });
  const two = admit(person('930002'), { ward: 'MED', room: '2' }, { controlId: 'FRAME-2' });

  it('two messages in one chunk are two frames, each as sent', () => {
    expect(texts(new MllpFrames(1 << 20).push(Buffer.concat([framed(one), framed(two)])))).toEqual([one, two]);
  });

  it('a stream cut at any byte, <FS> and <CR> included, gives the same frames and nothing of the trailer', () => {
    const stream = Buffer.concat([framed(one), framed(two)]);
    for (let cut = 1; cut < stream.length; cut++) {
      const frames = new MllpFrames(1 << 20);
      expect(texts([...frames.push(stream.subarray(0, cut)), ...frames.push(stream.subarray(cut))]), `cut at ${cut}`).toEqual([one, two]);
    }
  });

  it('no end of frame past the limit throws, and the next frame is read afresh', () => {
    const frames = new MllpFrames(1000);
    expect(frames.push(Buffer.concat([Buffer.from([0x0b]), Buffer.alloc(600, 0x41)]))).toEqual([]);
    expect(() => frames.push(Buffer.alloc(600, 0x41))).toThrow(FrameTooLong);
    expect(texts(frames.push(framed(one)))).toEqual([one]);
  });
});

describe('the listener reads frames as TCP delivers them', () => {
  let f: FeedServer;
  beforeAll(async () => {
    f = await startFeedServer();
  });
  afterAll(() => f.close());

  /** Writes the bytes in one go on a raw socket; resolves with the ACKs' texts once `count` have come. */
  function sendRaw(bytes: Buffer, count: number): Promise<string[]> {
    return new Promise((resolve, reject) => {
      const s = net.connect(f.port, '127.0.0.1', () => s.write(bytes));
      let got = Buffer.alloc(0);
      s.on('data', (chunk: Buffer) => {
        got = Buffer.concat([got, chunk]);
        // Only whole frames: what follows the last <FS><CR> is an ACK still on its way.
        const acks = got.toString('utf8').split('\u001c\r').slice(0, -1).map((a) => a.slice(a.indexOf('\u000b') + 1));
        if (acks.length >= count) {
          s.end();
          resolve(acks);
        }
      });
      s.once('error', reject);
    });
  }

  it('two messages sent in one write get two ACKs, in order', async () => {
    const a = admit(person('930011'), { ward: 'MED', room: '11' }, { controlId: 'FRAME-11' });
    const b = admit(person('930012'), { ward: 'MED', room: '12' }, { controlId: 'FRAME-12' });
    const acks = (await sendRaw(Buffer.concat([framed(a), framed(b)]), 2)).map(readAck);
    expect(acks.map((x) => [x.code, x.controlId])).toEqual([['AA', 'FRAME-11'], ['AA', 'FRAME-12']]);
  });

  it('the journal keeps the text as received (CR LF between segments), not the parsed message written again', async () => {
    const sent = admit(person('930021'), { ward: 'MED', room: '21' }, { controlId: 'FRAME-21' }).split('\r').join('\r\n');
    expect(Hl7Message.parse(sent).toString()).not.toBe(sent); // what was journalled before session 24
    expect(readAck(await f.mllp.send(sent)).code).toBe('AA');
    const row = await f.server.store.db.selectFrom('his_journal').select('raw').where('control_id', '=', 'FRAME-21').executeTakeFirstOrThrow();
    expect(row.raw).toBe(sent);
  });
});
