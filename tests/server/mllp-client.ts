// A bare MLLP sender for the tests: a TCP socket, <VT> message <FS><CR> framing, one message at
// a time, the ACK's text back. Raw on purpose, so the tests can also send what is not HL7.
import net from 'node:net';
import tls from 'node:tls';

export class MllpClient {
  #buffer = Buffer.alloc(0);
  #waiting: ((ack: string) => void) | null = null;

  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.#buffer = Buffer.concat([this.#buffer, chunk]);
      const end = this.#buffer.indexOf(0x1c);
      if (end < 0 || !this.#waiting) return;
      const text = this.#buffer.subarray(this.#buffer.indexOf(0x0b) + 1, end).toString('utf8');
      this.#buffer = this.#buffer.subarray(end + 2);
      const w = this.#waiting;
      this.#waiting = null;
      w(text);
    });
  }

  static connect(port: number, host = '127.0.0.1'): Promise<MllpClient> {
    return new Promise((resolve, reject) => {
      const s = net.connect(port, host, () => resolve(new MllpClient(s)));
      s.once('error', reject);
    });
  }

  /** MLLP over TLS, trusting the given certificate authority (PEM). */
  static connectTls(port: number, ca: string, host = '127.0.0.1'): Promise<MllpClient> {
    return new Promise((resolve, reject) => {
      const s = tls.connect({ port, host, ca, servername: 'localhost' }, () => resolve(new MllpClient(s)));
      s.once('error', reject);
    });
  }

  /** Sends one framed message and resolves with its ACK (segments split on \r). */
  send(text: string | Buffer): Promise<string> {
    return new Promise((resolve, reject) => {
      this.#waiting = resolve;
      const body = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
      this.socket.write(Buffer.concat([Buffer.from([0x0b]), body, Buffer.from([0x1c, 0x0d])]), (err) => err && reject(err));
    });
  }

  close(): void {
    this.socket.end();
  }
}

/** MSA-1 (AA, AE, AR), MSA-2 (the control id acknowledged), MSA-3, and ERR-3.1 when there is one. */
export function readAck(ack: string): { code: string; controlId: string; text: string; error: string | null } {
  const segments = ack.split('\r');
  const msa = (segments.find((s) => s.startsWith('MSA|')) ?? '').split('|');
  const err = segments.find((s) => s.startsWith('ERR|'))?.split('|');
  return { code: msa[1] ?? '', controlId: msa[2] ?? '', text: msa[3] ?? '', error: err ? (err[3] ?? '').split('^')[0]! : null };
}
