/**
 * Large NDJSON files read on every core: the file is cut into byte ranges at
 * line breaks, each range parsed (and its votes folded) by a reader thread
 * (io/ndjson-worker.ts), and the ranges merged here in file order with their
 * line numbers made absolute — the same records, problems, lines and fold
 * groups as reading the file on this thread ({@link loadNdjson}).
 */
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Merge } from './data-merge.ts';
import { reportNdjsonProblem } from './load-ndjson.ts';
import type { Folder } from './fold.ts';
import { KIND_CODES, readRange, unpacked, type RangeDone, type RangeTask } from './ndjson-worker.ts';

export interface ParallelOptions {
  /** Files at least this large are split (default 16 MiB); smaller ones are read on the main thread. */
  minBytes?: number;
  /** Reader threads (default: the cores available, at least 2). */
  threads?: number;
  /** Every large file to the threads, folding or not (tests of the threads' reading; default: only files that mostly fold). */
  all?: boolean;
}

export const DEFAULT_PARALLEL_MIN_BYTES = 16 * 1024 * 1024;

/** How to start a reader thread: the bundled worker next to the bundle, or the TypeScript source through tsx. */
function startWorker(): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const api = new URL('../node_modules/tsx/dist/esm/api/index.mjs', here).href;
    const entry = new URL('./ndjson-worker.ts', here).href;
    const boot = `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
    return new Worker(boot, { eval: true });
  }
  // in the bundle this module is dist/pingyi.js or a chunk under dist/chunks/
  return new Worker(new URL(here.includes('/chunks/') ? '../ndjson-worker.js' : './ndjson-worker.js', here));
}

/** Reader threads, started on first use and kept for every file of one load. */
export class ReaderPool {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, { resolve: (d: RangeDone) => void; reject: (e: Error) => void }>();
  private next = 0;

  constructor(readonly threads: number) {}

  private worker(i: number): Worker {
    let w = this.workers[i];
    if (!w) {
      w = startWorker();
      w.on('message', (msg: RangeDone | { id: number; error: string }) => {
        const p = this.waiting.get(msg.id);
        this.waiting.delete(msg.id);
        if (this.waiting.size === 0) for (const x of this.workers) x.unref();
        if ('error' in msg) p?.reject(new Error(msg.error));
        else p?.resolve(msg);
      });
      w.on('error', (e) => {
        for (const p of this.waiting.values()) p.reject(e);
        this.waiting.clear();
      });
      this.workers[i] = w;
    }
    return w;
  }

  run(task: Omit<RangeTask, 'id'>, thread: number): Promise<RangeDone> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      const w = this.worker(thread % this.threads);
      // a thread with work keeps the process alive; an idle one must not (unref'd when all work is back)
      w.ref();
      w.postMessage({ ...task, id });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers.length = 0;
  }
}

export function defaultThreads(): number {
  return Math.max(2, availableParallelism());
}

/** Byte offsets cutting a file into `n` ranges, each starting at a line's first byte. */
export async function lineRanges(file: string, size: number, n: number): Promise<number[]> {
  const cuts = [0];
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    for (let k = 1; k < n; k++) {
      let pos = Math.max(Math.floor((size * k) / n), cuts[cuts.length - 1] as number);
      let cut = size;
      while (pos < size) {
        const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
        if (bytesRead === 0) break;
        const nl = buf.subarray(0, bytesRead).indexOf(0x0a);
        if (nl !== -1) {
          cut = pos + nl + 1;
          break;
        }
        pos += bytesRead;
      }
      cuts.push(cut);
    }
  } finally {
    await fh.close();
  }
  cuts.push(size);
  return cuts;
}

/** A file whose ranges are on the reader threads; merged later, in file order, by {@link mergeNdjsonParallel}. */
export interface StartedFile {
  /** The file's name in problems. */
  file: string;
  done: Promise<RangeDone[]>;
  /** Settles when the file's ranges are on the threads' queues. */
  sent: Promise<void>;
}

/**
 * Hand a file's ranges to the reader threads now. A load starts every large
 * file at once, so the threads read the next file while this thread merges
 * the one before (else they would wait for each merge).
 */
export function startNdjsonParallel(file: string, size: number, maxLineBytes: number, pool: ReaderPool, fold: RangeTask['fold'], after?: Promise<unknown>, name = file, whole?: number): StartedFile {
  // `after`: the file started before has its ranges sent, so each thread reads the files in input order;
  // `whole`: a small file is one range, read whole by that thread (small files take the threads in turn)
  const cuts = (after ?? Promise.resolve()).then(() => (whole === undefined ? lineRanges(file, size, pool.threads) : [0, size]));
  const done = cuts.then((c) => Promise.all(c.slice(1).map((end, k) => pool.run({ file, name, start: c[k] as number, end, maxLineBytes, fold }, whole ?? k))));
  // registered after `done`'s callback, so it settles once the ranges are sent (or the file could not be cut)
  const sent = cuts.then(
    () => undefined,
    () => undefined,
  );
  // a file never merged (its check failed first) must not end the process with an unhandled rejection
  done.catch(() => undefined);
  return { file: name, done, sent };
}

/**
 * Read a whole file on this thread now, into a range of its own (its votes
 * folded into `folder`, a fold of its own), merged later in input order like
 * a thread's ranges: a file of records that do not fold is read here while
 * the threads read the vote files before it.
 */
export function startOnThisThread(file: string, maxLineBytes: number, folder: Folder | undefined, name = file): StartedFile {
  const done = readRange({ file, name, start: 0, end: Infinity, maxLineBytes }, folder, false).then((r): RangeDone[] => [
    { id: -1, lines: r.lines, records: r.records, kinds: Uint8Array.from(r.kinds), recordLines: Uint32Array.from(r.recordLines), problems: r.problems, groups: r.groups },
  ]);
  done.catch(() => undefined);
  return { file: name, done, sent: Promise.resolve() };
}

/** Merge a started file's ranges in order, with their line numbers made absolute. */
export async function mergeNdjsonParallel(started: StartedFile, m: Merge, maxLineBytes: number): Promise<void> {
  const { file } = started;
  const done = await started.done;
  let offset = 0;
  let badEncoding = false;
  for (const d of done) {
    let p = 0;
    const problemsUpTo = (line: number) => {
      for (; p < d.problems.length && (d.problems[p]?.line ?? 0) <= line; p++) {
        const problem = d.problems[p] as RangeDone['problems'][number];
        // one encoding problem per file, at its first bad line (each range reports its own first)
        if (problem.kind === 'encoding') {
          if (badEncoding) continue;
          badEncoding = true;
        }
        reportNdjsonProblem({ ...problem, line: problem.line + offset }, file, m, maxLineBytes);
      }
    };
    const records = unpacked(d.records);
    for (let i = 0; i < records.length; i++) {
      const line = d.recordLines[i] as number;
      problemsUpTo(line);
      m.add(KIND_CODES[d.kinds[i] as number] ?? 'fact', records[i], { file, line: line + offset });
    }
    problemsUpTo(Infinity);
    if (m.folder) for (const g of unpacked(d.groups)) m.folder.merge({ ...g, line: g.line + offset });
    offset += d.lines;
  }
}
