import { stat } from 'node:fs/promises';
import type { DataInput, FoldOptions } from './load-data.ts';
import type { RangeTask } from './ndjson-worker.ts';
import { DEFAULT_PARALLEL_MIN_BYTES, defaultThreads, ReaderPool, startNdjsonParallel, type ParallelOptions, type StartedFile } from './parallel-ndjson.ts';

/** The reader threads of one load: started when the first large NDJSON file comes, closed at the end. */
export class Threads {
  private pool: ReaderPool | undefined;
  readonly minBytes: number;
  private readonly envThreads: number | undefined;
  readonly task: RangeTask['fold'];

  constructor(
    private readonly opts: ParallelOptions | false | undefined,
    fold: FoldOptions | undefined,
  ) {
    // PINGYI_READER_THREADS=1 reads everything on the main thread (operators sharing a machine; comparisons)
    const env = Number(process.env.PINGYI_READER_THREADS);
    this.envThreads = Number.isSafeInteger(env) && env > 0 ? env : undefined;
    this.minBytes = opts === false || this.envThreads === 1 ? Infinity : (opts?.minBytes ?? DEFAULT_PARALLEL_MIN_BYTES);
    this.task = fold ? { scheme: JSON.stringify(fold.scheme), plan: fold.plan, roster: fold.roster } : undefined;
  }

  get(): ReaderPool {
    this.pool ??= new ReaderPool((this.opts || undefined)?.threads ?? this.envThreads ?? defaultThreads());
    return this.pool;
  }

  /** Files already on the reader threads, by input. */
  private readonly started = new Map<DataInput, StartedFile>();

  /**
   * Put every large NDJSON file (the caller passes only those) on the reader threads before the first is
   * merged, so that they read the next file while this thread merges (the
   * checks and their problems still come in input order, in {@link readOne}).
   * Only regular files: a FIFO must meet the guard first.
   */
  async startAll(inputs: readonly DataInput[], maxLineBytes: number): Promise<void> {
    if (this.minBytes === Infinity) return;
    for (const input of inputs) {
      if (!('path' in input)) continue;
      const st = await stat(input.path).catch(() => undefined);
      if (!st?.isFile() || st.size < this.minBytes) continue;
      this.started.set(input, startNdjsonParallel(input.path, st.size, maxLineBytes, this.get(), this.task));
    }
  }

  /** The input's started reading, taken once. */
  take(input: DataInput): StartedFile | undefined {
    const s = this.started.get(input);
    this.started.delete(input);
    return s;
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}

