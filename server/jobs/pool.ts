/**
 * A small pool of worker threads for the heavy work (server/jobs/kinds.ts):
 * cores − 1 threads, at least one, each with a heap limit, jobs queued in the
 * order they come. A job that exhausts its worker's heap (a hostile file)
 * costs that worker, which is replaced: the request thread and the other
 * jobs go on. The request thread only routes.
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { HttpError } from '../errors.ts';
import type { FromWorker, JobIo, JobKind, JobProgress } from './kinds.ts';

export interface PoolOptions {
  /** Worker threads (default: cores − 1, at least 1; `PINGYI_JOB_THREADS`). */
  threads?: number;
  /** Old-space limit of each worker, MiB (default 2048; `PINGYI_JOB_HEAP_MB`). */
  heapMb?: number;
}

/** A job that failed in its worker: out of memory, or an error the handler threw. */
export class JobFailure extends Error {
  constructor(
    readonly code: 'job-out-of-memory' | 'job-failed',
    message: string,
  ) {
    super(message);
  }
}

const envInt = (name: string): number | undefined => {
  const n = Number(process.env[name]);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
};

/**
 * Start a worker: the TypeScript entry through tsx (`npm start`, tests), or a built one beside this
 * file. Jobs travel on a port of their own, not on the worker's parentPort: modules the worker
 * imports may listen there (io/ndjson-worker.ts answers every parentPort message as a reader thread).
 */
function startWorker(heapMb: number): { worker: Worker; port: MessagePort } {
  const here = import.meta.url;
  const { port1, port2 } = new MessageChannel();
  const opts = { resourceLimits: { maxOldGenerationSizeMb: heapMb }, workerData: { port: port2 }, transferList: [port2] };
  if (here.endsWith('.ts')) {
    const api = new URL('../../node_modules/tsx/dist/esm/api/index.mjs', here).href;
    const entry = new URL('./worker.ts', here).href;
    const boot = `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
    return { worker: new Worker(boot, { eval: true, ...opts }), port: port1 };
  }
  return { worker: new Worker(new URL('./worker.js', here), opts), port: port1 };
}

interface Pending {
  id: number;
  kind: JobKind;
  input: unknown;
  progress: (p: JobProgress) => void;
  resolve: (out: unknown) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: { worker: Worker; port: MessagePort } | undefined;
  job: Pending | undefined;
  /** Settles when the slot's worker has loaded its job modules (true) or is gone before that (false). */
  ready?: Promise<boolean>;
}

export class JobPool {
  readonly threads: number;
  private readonly heapMb: number;
  private readonly slots: Slot[];
  private readonly queue: Pending[] = [];
  private next = 1;
  private closed = false;
  /** Jobs their worker answered (a result or a refusal) since the pool was made, by kind: what ran off the request thread. */
  readonly ended: Record<JobKind, number> = { upload: 0, run: 0, export: 0, impact: 0, template: 0, explain: 0 };

  constructor(opts: PoolOptions = {}) {
    this.threads = opts.threads ?? envInt('PINGYI_JOB_THREADS') ?? Math.max(1, availableParallelism() - 1);
    this.heapMb = opts.heapMb ?? envInt('PINGYI_JOB_HEAP_MB') ?? 2048;
    this.slots = Array.from({ length: this.threads }, () => ({ worker: undefined, job: undefined }));
  }

  /** Worker threads started and not gone (a pool starts them on its first jobs, or all at once by {@link warm}). */
  get started(): number {
    return this.slots.filter((s) => s.worker !== undefined).length;
  }

  /**
   * Start every worker now rather than on the first jobs: under tsx a worker
   * compiles the job modules as it starts (seconds), which the first upload
   * after `npm start` would otherwise wait for. Idle workers do not keep the
   * process alive. main.ts calls it once listening; tests' apps stay lazy.
   * Resolves with how many workers are ready (their job modules loaded).
   */
  async warm(): Promise<number> {
    if (this.closed) return 0;
    for (const slot of this.slots) {
      if (slot.worker !== undefined) continue;
      const w = (slot.worker = this.spawn(slot));
      w.worker.unref();
      w.port.unref();
    }
    const ready = await Promise.all(this.slots.map((s) => s.ready ?? false));
    return ready.filter(Boolean).length;
  }

  /** Jobs waiting for a free worker. */
  get waiting(): number {
    return this.queue.length;
  }

  run<K extends JobKind>(kind: K, input: JobIo[K]['input'], progress: (p: JobProgress) => void = () => {}): Promise<JobIo[K]['output']> {
    if (this.closed) return Promise.reject(new JobFailure('job-failed', 'the job pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.next++, kind, input, progress, resolve: resolve as (out: unknown) => void, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.job !== undefined) continue;
      const job = this.queue.shift();
      if (!job) return;
      slot.job = job;
      const w = (slot.worker ??= this.spawn(slot));
      // a worker with a job keeps the process alive; an idle one must not (a test's server, Ctrl-C)
      w.worker.ref();
      w.port.ref();
      w.port.postMessage({ id: job.id, kind: job.kind, input: job.input });
    }
  }

  private spawn(slot: Slot): { worker: Worker; port: MessagePort } {
    const started = startWorker(this.heapMb);
    const { worker: w, port } = started;
    let markReady: (ok: boolean) => void = () => {};
    slot.ready = new Promise((resolve) => (markReady = resolve));
    w.once('exit', () => markReady(false));
    port.on('message', (msg: FromWorker) => {
      if ('ready' in msg) return markReady(true);
      const job = slot.job;
      if (!job || job.id !== msg.id) return;
      if ('progress' in msg) return job.progress(msg.progress);
      slot.job = undefined;
      this.ended[job.kind]++;
      w.unref();
      port.unref();
      if ('error' in msg) job.reject(msg.refusal ? new HttpError(msg.refusal.status, msg.refusal.body) : new JobFailure('job-failed', msg.error));
      else job.resolve(msg.output);
      this.dispatch();
    });
    w.on('error', (e: Error & { code?: string }) => {
      // the worker is gone (ERR_WORKER_OUT_OF_MEMORY, or a crash): its job fails, a new worker takes the next
      const job = slot.job;
      slot.job = undefined;
      slot.worker = undefined;
      port.close();
      job?.reject(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new JobFailure('job-out-of-memory', e.message) : new JobFailure('job-failed', e.message));
      this.dispatch();
    });
    w.on('exit', () => {
      if (slot.worker !== started) return;
      port.close();
      const job = slot.job;
      slot.job = undefined;
      slot.worker = undefined;
      job?.reject(new JobFailure('job-failed', 'the worker stopped'));
      if (!this.closed) this.dispatch();
    });
    return started;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new JobFailure('job-failed', 'the job pool is closed'));
    await Promise.all(this.slots.map((s) => s.worker?.worker.terminate()));
  }
}
