/**
 * The store: one lowdb document (schemes and versions, users, sessions,
 * tokens, data set and run metadata, audit log) plus plain files in the data
 * folder for what is large or append-only (draft revisions, facts, run
 * results, scheme case files, the audit journal of live appends). Every
 * write goes through one queue and is durable before it is acknowledged.
 */
import { mkdir, readdir, readFile, stat, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { AtomicJsonAdapter } from './atomic-json-adapter.ts';
import { AuditJournal } from './audit-journal.ts';
import { appendDurable, readJsonOrNull, trimTornTail, writeFileAtomic } from './files.ts';
import { SerialQueue } from './queue.ts';
import { emptyDb, type Db } from './types.ts';

export class Store {
  private readonly queue = new SerialQueue();
  /** Audit entries of live fact appends (see audit-journal.ts); the others are in the document. */
  readonly journal: AuditJournal;

  private constructor(
    readonly dir: string,
    private readonly db: Low<Db>,
    private readonly durable: boolean,
  ) {
    this.journal = new AuditJournal(join(dir, 'audit.ndjson'), durable);
  }

  /**
   * `durable: false` skips fsync (writes stay atomic by rename): only for
   * tests that hammer the API for its answers, never for a server.
   */
  static async open(dir: string, opts: { durable?: boolean } = {}): Promise<Store> {
    const durable = opts.durable ?? true;
    await mkdir(dir, { recursive: true });
    const db = new Low<Db>(new AtomicJsonAdapter<Db>(join(dir, 'db.json'), durable), emptyDb());
    await db.read();
    // a document written by an older server may lack newer collections
    db.data = { ...emptyDb(), ...db.data };
    return new Store(dir, db, durable);
  }

  /** The current state, read-only by convention: change it only through {@link write}. */
  get data(): Readonly<Db> {
    return this.db.data;
  }

  /**
   * Run `fn` on a copy of the state and persist it; the state changes only
   * when the file is safely written, so a failed write changes nothing.
   * `fn` runs inside the queue: checks it makes still hold when it writes.
   */
  write<T>(fn: (draft: Db) => T | Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      const draft = structuredClone(this.db.data);
      const out = await fn(draft);
      await this.db.adapter.write(draft);
      this.db.data = draft;
      return out;
    });
  }

  /** How many tasks have entered the write queue since the store opened. */
  get queueEntered(): number {
    return this.queue.entered;
  }

  /** Serialise a file-only task with the document writes (e.g. a fact append). */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    return this.queue.run(fn);
  }

  path(...parts: string[]): string {
    return join(this.dir, ...parts);
  }

  writeJson(rel: string[], value: unknown): Promise<void> {
    return writeFileAtomic(this.path(...rel), JSON.stringify(value), this.durable);
  }

  writeBytes(rel: string[], bytes: Uint8Array | string): Promise<void> {
    return writeFileAtomic(this.path(...rel), bytes, this.durable);
  }

  readJson<T>(rel: string[]): Promise<T | null> {
    return readJsonOrNull<T>(this.path(...rel));
  }

  async readText(rel: string[]): Promise<string | null> {
    try {
      return await readFile(this.path(...rel), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  async list(rel: string[]): Promise<string[]> {
    try {
      return (await readdir(this.path(...rel))).sort();
    } catch {
      return [];
    }
  }

  /**
   * Append NDJSON lines durably; a torn line left by a crash is dropped first.
   * When the append fails (e.g. its fsync), the file is cut back to its size
   * before it, so lines that were not acknowledged are not read later.
   */
  async appendLines(rel: string[], values: readonly unknown[]): Promise<void> {
    const file = this.path(...rel);
    await trimTornTail(file);
    const size = await sizeOf(file);
    try {
      await appendDurable(file, values.map((v) => JSON.stringify(v) + '\n').join(''), this.durable);
    } catch (e) {
      if (size !== undefined) await truncate(file, size).catch(() => undefined);
      throw e;
    }
  }

  /** Read NDJSON lines; a last line without its newline was never acknowledged and is skipped. */
  async readLines<T>(rel: string[]): Promise<T[]> {
    const text = await this.readText(rel);
    if (text === null) return [];
    const complete = text.slice(0, text.lastIndexOf('\n') + 1);
    return complete.split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l) as T);
  }
}

async function sizeOf(file: string): Promise<number | undefined> {
  try {
    const st = await stat(file);
    return st.isFile() ? st.size : undefined;
  } catch (e) {
    // not there yet: a failed first append is cut back to nothing
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? 0 : undefined;
  }
}
