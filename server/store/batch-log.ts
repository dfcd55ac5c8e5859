/**
 * A fact batch is durable whole or not at all, with its audit entry as its
 * commit (issue #17 D2, D4). The order of a batch, inside the write queue:
 *  1. its audit entry, carrying the batch's frame (file, start, length,
 *     sha256 of the bytes, the client's Idempotency-Key), is appended to the
 *     audit journal and fsynced, hidden from readers;
 *  2. its facts are appended to the data set's facts file and fsynced;
 *  3. the entry is shown, the batch is answered.
 * A failure at 1 or 2 (a full disk) cuts both files back to where they were:
 * nothing of the batch is left. A kill -9 during 2 leaves a frame whose bytes
 * are short or wrong: start-up ({@link recoverLastBatch}) cuts the facts
 * file back to the frame's start and removes the entry. Only the last
 * framed entry can be unfinished (batches are serialised and recovery runs
 * before the server listens), so recovery reads one entry and one range.
 *
 * The facts file keeps its format (one fact per line, no frames), so data
 * folders written before frames read as they did.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { AuditJournal } from './audit-journal.ts';
import { appendDurable, sizeOf, trimTornTail, writeFileAtomic } from './files.ts';
import type { FsLayer } from './fs-layer.ts';
import type { AuditEntry, BatchFrame } from './types.ts';

export interface BatchIo {
  dir: string;
  fs: FsLayer;
  durable: boolean;
  journal: AuditJournal;
}

export const linesOf = (values: readonly unknown[]): Buffer => Buffer.from(values.map((v) => JSON.stringify(v) + '\n').join(''), 'utf8');
export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export async function appendBatch(io: BatchIo, rel: readonly string[], values: readonly unknown[], entry: AuditEntry, key?: string): Promise<BatchFrame> {
  const file = join(io.dir, ...rel);
  await trimTornTail(file, io.fs);
  const bytes = linesOf(values);
  const frame: BatchFrame = { file: rel.join('/'), start: await sizeOf(file, io.fs), length: bytes.length, sha256: sha256(bytes), count: values.length, ...(key !== undefined ? { key } : {}) };
  const mark = await io.journal.appendHidden({ ...entry, batch: frame });
  try {
    await appendDurable(file, bytes, io.durable, io.fs);
  } catch (e) {
    // appendDurable cut the facts back; the entry goes too, so no audit line speaks of facts that are not there
    await io.journal.cutBack(mark).catch(() => undefined);
    throw e;
  }
  await io.journal.publish();
  return frame;
}

/** Whether the frame's bytes are all in its file as written. */
async function intact(io: BatchIo, frame: BatchFrame): Promise<{ ok: boolean; size: number }> {
  const file = join(io.dir, ...frame.file.split('/'));
  const size = await sizeOf(file, io.fs);
  if (size < frame.start + frame.length) return { ok: false, size };
  const fh = await io.fs.open(file, 'r');
  try {
    const bytes = Buffer.alloc(frame.length);
    await fh.read(bytes, 0, frame.length, frame.start);
    return { ok: sha256(bytes) === frame.sha256, size };
  } finally {
    await fh.close();
  }
}

/**
 * Start-up: the newest framed entry's batch is either whole (nothing to do)
 * or torn by a crash, then dropped whole: its facts cut off, its entry
 * removed. Answers what it did, for the start-up log.
 */
export async function recoverLastBatch(io: BatchIo): Promise<string[]> {
  await trimTornTail(io.journal.path, io.fs);
  let last: { entry: AuditEntry; offset: number } | undefined;
  for await (const x of io.journal.newestFirstFrom()) {
    if (x.entry.batch) last = x;
    // entries of appends written before frames were complete when written: nothing to check
    if (x.entry.batch || x.entry.action === 'facts-appended') break;
  }
  if (!last?.entry.batch) return [];
  const frame = last.entry.batch;
  const file = join(io.dir, ...frame.file.split('/'));
  const { ok, size } = await intact(io, frame);
  const end = frame.start + frame.length;
  if (ok) {
    // bytes past the last commit belong to no batch (a crash between two batches cannot leave any, but a hand edit could)
    if (size > end) {
      await io.fs.truncate(file, end);
      return [`已截去未提交的事实 cut ${size - end} uncommitted bytes from ${frame.file}`];
    }
    return [];
  }
  if (size > frame.start) await io.fs.truncate(file, frame.start);
  await removeLine(io, last.offset);
  return [`已丢弃未完成的批次 dropped a batch torn by a crash: ${frame.count} facts of ${frame.file} (${last.entry.target}, ${last.entry.at})`];
}

/** Remove the journal line starting at `offset`: a cut when it is the last line, else a whole rewrite (only after a crash). */
async function removeLine(io: BatchIo, offset: number): Promise<void> {
  const text = await io.fs.readFile(io.journal.path);
  const next = text.indexOf(0x0a, offset);
  if (next === -1 || next === text.length - 1) {
    await io.journal.cutBack(offset);
    return;
  }
  await writeFileAtomic(io.journal.path, Buffer.concat([text.subarray(0, offset), text.subarray(next + 1)]), io.durable, io.fs);
  await io.journal.publish();
}

export interface KeyedBatch {
  target: string;
  user: string;
  sha256: string;
  count: number;
  /** The answer given, while this process runs; after a restart only the count is known. */
  answer?: unknown;
}

/**
 * Idempotency keys of recent batches: a retried batch whose first attempt
 * was committed but never answered lands once. Kept for the newest
 * {@link KEYS} keyed batches of the last 24 hours (loaded from the journal at
 * start-up), which covers retries of unanswered requests by far.
 */
export const KEYS = 10_000;
const KEEP_MS = 24 * 3600_000;

export class BatchKeys {
  private readonly keys = new Map<string, KeyedBatch>();

  get(key: string): KeyedBatch | undefined {
    return this.keys.get(key);
  }

  set(key: string, batch: KeyedBatch): void {
    this.keys.delete(key);
    this.keys.set(key, batch);
    while (this.keys.size > KEYS) this.keys.delete(this.keys.keys().next().value!);
  }

  /**
   * From the journal, newest first (the newest use of a key wins), back to
   * {@link KEYS} keys or a day before the newest entry, whichever comes
   * first: start-up does not read a season's whole journal.
   */
  async load(journal: AuditJournal): Promise<void> {
    const found = new Map<string, KeyedBatch>();
    let horizon: number | undefined;
    for await (const { entry } of journal.newestFirstFrom()) {
      const at = Date.parse(entry.at);
      horizon ??= at - KEEP_MS;
      if (at < horizon || found.size >= KEYS) break;
      const b = entry.batch;
      if (b?.key !== undefined && !found.has(b.key)) found.set(b.key, { target: entry.target, user: entry.user, sha256: b.sha256, count: b.count });
    }
    for (const [k, v] of [...found].reverse()) this.set(k, v);
  }
}
