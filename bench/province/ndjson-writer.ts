/**
 * Buffered line writer: lines are encoded into a 4 MiB buffer and written
 * with one synchronous call when it fills, so twenty million records cost a
 * few hundred writes, not twenty million. Encoding into a Buffer measured
 * about three times faster here than joining a string and writing that.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

const SIZE = 1 << 22;
const NEWLINE = 0x0a;

export class NdjsonWriter {
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(SIZE);
  private pos = 0;
  /** Lines written (or buffered) so far. */
  lines = 0;
  /** Bytes written or buffered so far. */
  bytes = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }

  /** One line, given without its newline. */
  line(text: string): void {
    this.lines++;
    // UTF-8 takes at most 3 bytes per UTF-16 unit
    const most = text.length * 3 + 1;
    if (most > SIZE) {
      this.flush();
      const b = Buffer.from(`${text}\n`, 'utf8');
      this.write(b, b.length);
      return;
    }
    if (this.pos + most > SIZE) this.flush();
    this.pos += this.buffer.write(text, this.pos, 'utf8');
    this.buffer[this.pos++] = NEWLINE;
  }

  /** One line given as its bytes, without its newline. */
  lineBytes(line: Buffer): void {
    this.lines++;
    if (line.length + 1 > SIZE) {
      this.flush();
      this.write(Buffer.concat([line, Buffer.from([NEWLINE])]), line.length + 1);
      return;
    }
    if (this.pos + line.length + 1 > SIZE) this.flush();
    this.pos += line.copy(this.buffer, this.pos);
    this.buffer[this.pos++] = NEWLINE;
  }

  record(value: unknown): void {
    this.line(JSON.stringify(value));
  }

  private write(b: Buffer, n: number): void {
    let done = 0;
    while (done < n) done += writeSync(this.fd, b, done, n - done);
    this.bytes += n;
  }

  private flush(): void {
    if (this.pos === 0) return;
    this.write(this.buffer, this.pos);
    this.pos = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
