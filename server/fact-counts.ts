/**
 * How many facts an accepted data set holds, derived from its facts file
 * (complete lines of `facts.ndjson`) rather than kept in the lowdb document:
 * a live append then never rewrites that document, and the count can never
 * drift from the facts (a crash between two writes used to leave it behind).
 * Counted once per process, then kept up to date by the appends: one number
 * per data set in memory.
 */
import { createReadStream } from 'node:fs';
import { factsFile } from './dataset-files.ts';
import type { Store } from './store/store.ts';
import type { DatasetMeta } from './store/types.ts';

export class FactCounts {
  private readonly counts = new Map<string, number>();

  constructor(private readonly store: Store) {}

  /** Never from inside the write queue: the count is taken in it, so no append lands mid-count. */
  async of(id: string): Promise<number> {
    const known = this.counts.get(id);
    if (known !== undefined) return known;
    return this.store.exclusive(async () => {
      const n = this.counts.get(id) ?? (await countLines(this.store.path(...factsFile(id))));
      this.counts.set(id, n);
      return n;
    });
  }

  /** A new data set's facts, just written. */
  wrote(id: string, n: number): void {
    this.counts.set(id, n);
  }

  /** Inside the write queue, once the appended facts are durable. */
  appended(id: string, n: number): void {
    const c = this.counts.get(id);
    if (c !== undefined) this.counts.set(id, c + n);
  }

  /** The metadata as stored, with the facts counted now (a rejected data set has none). */
  async live(meta: DatasetMeta): Promise<DatasetMeta> {
    if (meta.status !== 'accepted') return meta;
    return { ...meta, counts: { ...meta.counts, facts: await this.of(meta.id) } };
  }
}

/** Newline bytes: each fact is one line ending in '\n'; a torn last line (no newline) was never acknowledged. */
async function countLines(file: string): Promise<number> {
  let n = 0;
  try {
    for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
      for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) n++;
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw e;
  }
  return n;
}
