// MLLP framing (HL7 v2.5 Appendix C): <VT> message <FS><CR>. The bytes of each message are cut out
// here as they arrived, so the text journalled is the text the HIS sent (no parse and re-serialise
// round trip), and a chunk holding the end of one message and the start of the next, or a frame
// whose <FS> and <CR> come in two chunks, is cut where the frame ends. <FS> never occurs inside a
// message, so it alone ends a frame; the <CR> after it is dropped with whatever precedes the next <VT>.

const VT = 0x0b;
const FS = 0x1c;

export class FrameTooLong extends Error {}

export class MllpFrames {
  #chunks: Buffer[] = [];
  #bytes = 0;

  /** `maxBytes`: beyond this many bytes without an end of frame, push throws FrameTooLong. */
  constructor(private readonly maxBytes: number) {}

  /** The messages this chunk completes (the bytes between <VT> and <FS>), in order. */
  push(chunk: Buffer): Buffer[] {
    const frames: Buffer[] = [];
    let from = 0;
    for (let end = chunk.indexOf(FS); end >= 0; end = chunk.indexOf(FS, from)) {
      frames.push(this.#take(chunk.subarray(from, end)));
      from = end + 1;
    }
    if (from < chunk.length) {
      this.#chunks.push(chunk.subarray(from));
      this.#bytes += chunk.length - from;
      if (this.#bytes > this.maxBytes) {
        this.#chunks = [];
        this.#bytes = 0;
        throw new FrameTooLong(`no end of message after ${this.maxBytes} bytes`);
      }
    }
    return frames;
  }

  #take(last: Buffer): Buffer {
    const all = this.#chunks.length === 0 ? last : Buffer.concat([...this.#chunks, last]);
    this.#chunks = [];
    this.#bytes = 0;
    const start = all.indexOf(VT);
    return start >= 0 ? all.subarray(start + 1) : all;
  }
}
