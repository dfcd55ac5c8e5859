/**
 * Standard output written by a thread of its own. Turning a province's
 * 400 MB of JSON text into UTF-8 bytes and writing them took about a fifth of
 * the main thread's writing time, while the second core sat idle: here the
 * main thread only hands each piece over (a copy of the string) and goes on
 * making the next unit's trace.
 *
 * The writer thread writes the pieces in order, each in full, to the same
 * file descriptor (a file, a pipe, /dev/null): a pipe Node made non-blocking
 * answers EAGAIN when full, and the thread waits and tries again. Backpressure
 * as a stream's: `write` returns false while more than {@link HIGH} characters
 * wait, and `drain` comes when the thread has caught up. A reader that closed
 * the pipe (EPIPE) ends the process quietly, as cli/main.ts does for stdout.
 */
import { EventEmitter } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { Sink } from './json-stream.ts';

/** Characters handed over but not yet written, above which the writer says "wait". */
const HIGH = 16 << 20;

// evaluated as a script in either module system: imports are dynamic
const WRITER = `
Promise.all([import('node:worker_threads'), import('node:fs')]).then(([{ parentPort, workerData }, fs]) => {
  const nap = new Int32Array(new SharedArrayBuffer(4));
  parentPort.on('message', (chunk) => {
    try {
      const buf = Buffer.from(chunk, 'utf8');
      for (let off = 0; off < buf.length; ) {
        try {
          off += fs.writeSync(workerData.fd, buf, off, buf.length - off);
        } catch (e) {
          if (e.code !== 'EAGAIN') throw e;
          Atomics.wait(nap, 0, 0, 2);
        }
      }
      parentPort.postMessage({ wrote: chunk.length });
    } catch (e) {
      parentPort.postMessage({ error: e.code || String(e.message || e) });
    }
  });
});
`;

export class ThreadSink extends EventEmitter implements Sink {
  private readonly worker: Worker;
  private waiting = 0;
  private failed: Error | undefined;
  private idle: (() => void) | undefined;

  /** `onEpipe`: what a closed reader does (the CLI ends the process with exit 0). */
  constructor(fd: number, onEpipe: () => void) {
    super();
    this.worker = new Worker(WRITER, { eval: true, workerData: { fd } });
    this.worker.on('message', (m: { wrote: number } | { error: string }) => {
      if ('error' in m) {
        if (m.error === 'EPIPE') return onEpipe();
        this.fail(new Error(`无法写出结果 cannot write the output: ${m.error}`));
        return;
      }
      this.waiting -= m.wrote;
      if (this.waiting <= HIGH / 2) this.emit('drain');
      if (this.waiting === 0) this.idle?.();
    });
    this.worker.on('error', (e) => this.fail(e));
  }

  write(chunk: string): boolean {
    if (this.failed) return true; // the error is already out; `end` rejects with it
    this.waiting += chunk.length;
    this.worker.postMessage(chunk);
    return this.waiting < HIGH;
  }

  /** Resolves when every piece is written (then the thread ends); rejects if a write failed. */
  async end(): Promise<void> {
    try {
      if (this.failed) throw this.failed;
      if (this.waiting > 0) await new Promise<void>((resolve, reject) => {
        this.idle = resolve;
        this.once('error', reject);
      });
      if (this.failed) throw this.failed;
    } finally {
      await this.worker.terminate();
    }
  }

  private fail(e: Error): void {
    this.failed = e;
    this.idle = undefined;
    if (this.listenerCount('error') > 0) this.emit('error', e);
    // a writer waiting for `drain` must not wait for ever
    this.emit('close');
  }
}
