/**
 * The store: one lowdb document (schemes and versions, users, sessions,
 * tokens, data set and run metadata, audit log) plus plain files in the data
 * folder for what is large or append-only (draft revisions, facts, run
 * results, scheme case files, the audit journal of live appends). Every
 * write goes through one queue and is durable before it is acknowledged.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { AtomicJsonAdapter } from './atomic-json-adapter.ts';
import { AuditJournal } from './audit-journal.ts';
import { appendBatch, BatchKeys, recoverLastBatch, type BatchIo } from './batch-log.ts';
import { cleanDataFolder } from './cleanup.ts';
import { appendDurable, readJsonOrNull, trimTornTail, writeFileAtomic } from './files.ts';
import { isDiskFull, nodeFs, type FsLayer } from './fs-layer.ts';
import { SerialQueue } from './queue.ts';
import { emptyDb, type AuditEntry, type BatchFrame, type Db } from './types.ts';
import { VolatileSessions } from './volatile-sessions.ts';

export interface StoreOptions {
  /** `false` skips fsync (writes stay atomic by rename): only for tests that hammer the API for its answers, never for a server. */
  durable?: boolean;
  /** The file layer; tests give one that fails like a full disk. */
  fs?: FsLayer;
}

export class Store {
  private readonly queue = new SerialQueue();
  /** Audit entries of live fact appends (see audit-journal.ts); the others are in the document. */
  readonly journal: AuditJournal;
  /** Idempotency keys of recent fact batches (batch-log.ts). */
  readonly batchKeys = new BatchKeys();
  /** Sessions of logins made while the disk was full (volatile-sessions.ts). */
  readonly volatileSessions = new VolatileSessions();
  /** What opening the store repaired or removed (a torn batch, temp files, orphans): main.ts logs it. */
  readonly startup: string[] = [];
  /** Files created by the store write running in this async context, removed if that write fails. */
  private readonly created = new AsyncLocalStorage<string[]>();

  private constructor(
    readonly dir: string,
    private readonly db: Low<Db>,
    private readonly durable: boolean,
    readonly fs: FsLayer,
  ) {
    this.journal = new AuditJournal(join(dir, 'audit.ndjson'), durable, undefined, fs);
  }

  /**
   * Opening also recovers: a fact batch torn by a crash is dropped whole,
   * then temp files and orphan data-set and run files are removed (listed
   * in {@link startup}). Nothing listens yet, so nothing is in flight.
   */
  static async open(dir: string, opts: StoreOptions = {}): Promise<Store> {
    const durable = opts.durable ?? true;
    const fs = opts.fs ?? nodeFs;
    await fs.mkdir(dir, { recursive: true });
    const db = new Low<Db>(new AtomicJsonAdapter<Db>(join(dir, 'db.json'), durable, fs), emptyDb());
    await db.read();
    // a document written by an older server may lack newer collections
    db.data = { ...emptyDb(), ...db.data };
    const store = new Store(dir, db, durable, fs);
    store.startup.push(...(await recoverLastBatch(store.batchIo())));
    store.startup.push(...(await cleanDataFolder(fs, dir, db.data)));
    await store.batchKeys.load(store.journal);
    return store;
  }

  private batchIo(): BatchIo {
    return { dir: this.dir, fs: this.fs, durable: this.durable, journal: this.journal };
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
    return this.queue.run(() => {
      const created: string[] = [];
      return this.created.run(created, async () => {
        try {
          const draft = structuredClone(this.db.data);
          const out = await fn(draft);
          await this.db.adapter.write(draft);
          this.db.data = draft;
          // the whole document is written: changes kept in memory on a full disk (writeRevoking) are on disk now
          this.unsavedSince = undefined;
          return out;
        } catch (e) {
          // a refused write keeps nothing: files it created (a draft's revision) go with it
          for (const f of created) await this.fs.rm(f, { force: true }).catch(() => undefined);
          throw e;
        }
      });
    });
  }

  /**
   * When a change that only takes access away was kept in memory because the
   * disk was full ({@link writeRevoking}): the time of the first such change
   * not yet written. Cleared by the next document write that succeeds.
   */
  unsavedSince: string | undefined;

  /**
   * A write that only takes access away — a logout, a revoked token, a
   * disabled user, a new password — must take effect even on a full disk,
   * or a user who logs out there stays logged in. When the document cannot
   * be written for lack of room, the changed state is kept in memory (every
   * request reads it at once) and `stored` is false; the next document write
   * that succeeds writes it too, lowdb writing the whole document. A restart
   * before that loses it (docs/api.md says what that means). Any other
   * failure, and a refusal from `fn`, keep nothing, as {@link write} does.
   */
  writeRevoking<T>(fn: (draft: Db) => T, nowIso: string): Promise<{ value: T; stored: boolean }> {
    return this.queue.run(async () => {
      const draft = structuredClone(this.db.data);
      const value = fn(draft);
      try {
        await this.db.adapter.write(draft);
      } catch (e) {
        if (!isDiskFull(e)) throw e;
        this.db.data = draft;
        this.unsavedSince ??= nowIso;
        return { value, stored: false };
      }
      this.db.data = draft;
      this.unsavedSince = undefined;
      return { value, stored: true };
    });
  }

  /**
   * Write what {@link writeRevoking} kept in memory, if anything: true when
   * nothing is left unsaved, false while the disk is still full. main.ts
   * retries it every 30 s and on shutdown, so a revocation does not wait for
   * another write to be stored.
   */
  async flushUnsaved(): Promise<boolean> {
    if (this.unsavedSince === undefined) return true;
    try {
      await this.write(() => undefined);
      return true;
    } catch (e) {
      if (isDiskFull(e)) return false;
      throw e;
    }
  }

  /** How many tasks have entered the write queue since the store opened. */
  get queueEntered(): number {
    return this.queue.entered;
  }

  /** How many of those were group commits of audit entries (refusals, failed logins: auth/audit-events.ts). */
  auditCommits = 0;

  /** Serialise a file-only task with the document writes (e.g. a fact append). */
  exclusive<T>(fn: () => Promise<T>, kind: 'task' | 'audit-commit' = 'task'): Promise<T> {
    if (kind === 'audit-commit') this.auditCommits++;
    return this.queue.run(fn);
  }

  path(...parts: string[]): string {
    return join(this.dir, ...parts);
  }

  writeJson(rel: string[], value: unknown): Promise<void> {
    return this.writeBytes(rel, JSON.stringify(value));
  }

  async writeBytes(rel: string[], bytes: Uint8Array | string): Promise<void> {
    const file = this.path(...rel);
    const created = this.created.getStore();
    const isNew = created !== undefined && (await this.fs.stat(file).then(() => false, () => true));
    await writeFileAtomic(file, bytes, this.durable, this.fs);
    if (isNew) created.push(file);
  }

  /** Remove a file or folder, e.g. what a failed upload wrote before its record. */
  remove(rel: string[]): Promise<void> {
    return this.fs.rm(this.path(...rel), { recursive: true, force: true });
  }

  readJson<T>(rel: string[]): Promise<T | null> {
    return readJsonOrNull<T>(this.path(...rel), this.fs);
  }

  async readText(rel: string[]): Promise<string | null> {
    try {
      return await this.fs.readFile(this.path(...rel), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  async list(rel: string[]): Promise<string[]> {
    try {
      return (await this.fs.readdir(this.path(...rel))).sort();
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
    await trimTornTail(file, this.fs);
    await appendDurable(file, values.map((v) => JSON.stringify(v) + '\n').join(''), this.durable, this.fs);
  }

  /**
   * Append a batch of NDJSON lines with its audit entry as one commit
   * (batch-log.ts): whole or not at all, across a failed write and kill -9.
   * Call it inside the write queue ({@link exclusive}).
   */
  appendBatch(rel: string[], values: readonly unknown[], entry: AuditEntry, key?: string): Promise<BatchFrame> {
    return appendBatch(this.batchIo(), rel, values, entry, key);
  }

  /** Read NDJSON lines; a last line without its newline was never acknowledged and is skipped. */
  async readLines<T>(rel: string[]): Promise<T[]> {
    const text = await this.readText(rel);
    if (text === null) return [];
    const complete = text.slice(0, text.lastIndexOf('\n') + 1);
    return complete.split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l) as T);
  }
}
