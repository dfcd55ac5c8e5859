import { stat } from 'node:fs/promises';
import { Folder } from './fold.ts';
import { foldsMostly } from './folds-mostly.ts';
import type { DataInput, FoldOptions } from './load-data.ts';
import type { RangeTask } from './ndjson-worker.ts';
import type { RosterIds } from '../engine/data/check-fact.ts';
import { DEFAULT_PARALLEL_MIN_BYTES, defaultThreads, ReaderPool, startNdjsonParallel, startOnThisThread, type ParallelOptions, type StartedFile } from './parallel-ndjson.ts';

/** The reader threads of one load: started when the first large NDJSON file comes, closed at the end. */
export class Threads {
  private pool: ReaderPool | undefined;
  readonly minBytes: number;
  private readonly envThreads: number | undefined;
  readonly task: RangeTask['fold'];
  /** Samples a file's first lines; absent when nothing folds (then no file is worth the threads). */
  private readonly sampler: Folder | undefined;
  private readonly fold: FoldOptions | undefined;
  private readonly roster: RosterIds | undefined;

  constructor(
    private readonly opts: ParallelOptions | false | undefined,
    fold: FoldOptions | undefined,
  ) {
    // PINGYI_READER_THREADS=1 reads everything on the main thread (operators sharing a machine; comparisons)
    const env = Number(process.env.PINGYI_READER_THREADS);
    this.envThreads = Number.isSafeInteger(env) && env > 0 ? env : undefined;
    this.minBytes = opts === false || this.envThreads === 1 ? Infinity : (opts?.minBytes ?? DEFAULT_PARALLEL_MIN_BYTES);
    this.task = fold ? { scheme: JSON.stringify(fold.scheme), plan: fold.plan, roster: fold.roster } : undefined;
    const r = fold?.roster;
    this.roster = r ? { units: new Set(r.units), parents: new Set(r.parents) } : undefined;
    this.fold = fold;
    this.sampler = fold ? new Folder(fold.scheme, fold.plan, this.roster) : undefined;
  }

  get(): ReaderPool {
    this.pool ??= new ReaderPool((this.opts || undefined)?.threads ?? this.envThreads ?? defaultThreads());
    return this.pool;
  }

  /** Files already on the reader threads, by input. */
  private readonly started = new Map<DataInput, StartedFile>();
  /** Large NDJSON files not started yet, in input order. */
  private readonly pending: Array<{ input: DataInput & { path: string }; size: number }> = [];
  private maxLineBytes = 0;

  /**
   * Note every large NDJSON file (the caller passes only NDJSON files) and put
   * those worth the threads on them at once: files whose lines sampled across
   * the file mostly fold (io/folds-mostly.ts), unless `all` is set, and small
   * such files too when together they are as large as a large one; the others are read faster on
   * this thread, and are read at once too, wherever they come in the input
   * order (io/parallel-ndjson.ts startOnThisThread). The threads read their
   * files in input order, one range after another, while this thread reads
   * its own and merges every file in input order. What a folding file keeps for
   * the merge is its groups and its few records that did not fold; with `all`,
   * a file is started only when the one before is taken, so no more than one
   * file's records wait in memory. Only regular files: a FIFO must meet the
   * guard in {@link readOne} first.
   */
  async startAll(inputs: readonly DataInput[], maxLineBytes: number): Promise<void> {
    if (this.minBytes === Infinity) return;
    this.maxLineBytes = maxLineBytes;
    const all = (this.opts || undefined)?.all === true;
    const files: Array<{ input: DataInput & { path: string }; size: number }> = [];
    for (const input of inputs) {
      if (!('path' in input)) continue;
      const st = await stat(input.path).catch(() => undefined);
      if (st?.isFile()) files.push({ input, size: st.size });
    }
    // a hundred small files of votes are as much reading as one large one: then each small file that
    // mostly folds goes to a thread whole, the threads taking them in turn (issue #22)
    const smallBytes = files.reduce((a, f) => a + (f.size < this.minBytes ? f.size : 0), 0);
    const small = !all && this.sampler !== undefined && smallBytes >= this.minBytes;
    const here: Array<DataInput & { path: string }> = [];
    let turn = 0;
    for (const { input, size } of files) {
      if (size < this.minBytes) {
        if (small && (await foldsMostly(input.path, this.sampler as Folder))) this.start(input, size, turn++ % this.get().threads);
        continue;
      }
      if (all) this.pending.push({ input, size });
      else if (this.sampler !== undefined && (await foldsMostly(input.path, this.sampler))) this.start(input, size);
      else here.push(input);
    }
    this.startNext();
    // while the threads read, this thread reads the other large files (cases), wherever they come in the
    // input order: each into a fold of its own, merged in order like a thread's range
    if (this.started.size > 0 && this.fold !== undefined) {
      const { scheme, plan } = this.fold;
      for (const input of here) this.started.set(input, startOnThisThread(input.path, maxLineBytes, new Folder(scheme, plan, this.roster), input.name));
    }
  }

  /** Settles once the last started file's ranges are sent (they then queue on the threads in input order). */
  private sent: Promise<unknown> = Promise.resolve();

  private start(input: DataInput & { path: string }, size: number, whole?: number): void {
    const s = startNdjsonParallel(input.path, size, this.maxLineBytes, this.get(), this.task, this.sent, input.name, whole);
    this.sent = s.sent;
    this.started.set(input, s);
  }

  private startNext(): void {
    const next = this.pending.shift();
    if (next) this.start(next.input, next.size);
  }

  /** The input's reading if it was started (then the next large file starts), taken once. */
  take(input: DataInput): StartedFile | undefined {
    const s = this.started.get(input);
    if (s === undefined) return undefined;
    this.started.delete(input);
    this.startNext();
    return s;
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}

