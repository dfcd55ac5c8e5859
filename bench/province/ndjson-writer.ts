/**
 * Buffered line writer: lines are gathered into a string of about a mebibyte
 * and written with one synchronous call, so twenty million records cost
 * twenty thousand writes, not twenty million.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

const FLUSH_AT = 1 << 20;

export class NdjsonWriter {
  private readonly fd: number;
  private buffer = '';
  /** Lines written (or buffered) so far. */
  lines = 0;
  /** Bytes handed to the file so far. */
  bytes = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }

  /** One line, given without its newline. */
  line(text: string): void {
    this.buffer += text + '\n';
    this.lines++;
    if (this.buffer.length >= FLUSH_AT) this.flush();
  }

  record(value: unknown): void {
    this.line(JSON.stringify(value));
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    this.bytes += writeSync(this.fd, this.buffer);
    this.buffer = '';
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
