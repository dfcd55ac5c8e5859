/**
 * The audit journal: an append-only NDJSON file (`audit.ndjson`) for the
 * audit entries of frequent writes (live fact appends). The lowdb document
 * rewrites itself whole on every write, so a season of single votes audited
 * there would cost a whole-file write per vote; a journal line costs an
 * append and an fsync. `/api/audit` merges both, newest first.
 *
 * Reading goes backwards from the end in blocks, so the newest page costs
 * what it shows, not the journal's length. A last line without its newline
 * was torn by a crash, never acknowledged: it is skipped, and trimmed before
 * the next append.
 */
import type { AuditEntry } from './types.ts';
import { appendDurable, sizeOf, trimTornTail } from './files.ts';
import { nodeFs, type FsLayer } from './fs-layer.ts';

const BLOCK = 64 * 1024;

export class AuditJournal {
  constructor(
    private readonly file: string,
    private readonly durable: boolean,
    /** Bytes read per step backwards; small only in tests, to cross many block edges. */
    private readonly block = BLOCK,
    private readonly fs: FsLayer = nodeFs,
  ) {}

  /**
   * The end of what readers are shown. A fact batch's entry is written
   * before its facts (store/batch-log.ts) and is shown only once they are
   * durable too: a batch in flight, or one cut back, is never listed.
   */
  private visible: number | undefined;

  /** Durable before it returns: an acknowledged write's audit entry survives a crash. A failed append leaves no bytes. */
  async append(entries: readonly AuditEntry[]): Promise<void> {
    await trimTornTail(this.file, this.fs);
    await appendDurable(this.file, entries.map((e) => JSON.stringify(e) + '\n').join(''), this.durable, this.fs);
    this.visible = await sizeOf(this.file, this.fs);
  }

  /** Append an entry not yet to be shown; answers where its line starts, for {@link cutBack}. */
  async appendHidden(entry: AuditEntry): Promise<number> {
    const shown = await this.size();
    await trimTornTail(this.file, this.fs);
    const start = await sizeOf(this.file, this.fs);
    await appendDurable(this.file, JSON.stringify(entry) + '\n', this.durable, this.fs);
    this.visible = shown;
    return start;
  }

  /** Show everything appended so far. */
  async publish(): Promise<void> {
    this.visible = await sizeOf(this.file, this.fs);
  }

  /** Remove what was appended from byte `start` on (a hidden entry whose batch failed). */
  async cutBack(start: number): Promise<void> {
    // cut back to nothing: the file goes (a refused first batch leaves not even an empty journal)
    if (start === 0) await this.fs.rm(this.file, { force: true });
    else await this.fs.truncate(this.file, start);
    this.visible = Math.min(this.visible ?? start, start);
  }

  /** The length in bytes readers are shown (0 before the first entry). */
  async size(): Promise<number> {
    this.visible ??= await sizeOf(this.file, this.fs);
    return this.visible;
  }

  /** The file's path, for start-up recovery. */
  get path(): string {
    return this.file;
  }

  /** Entries newest first (the order they were appended, reversed). */
  async *newestFirst(): AsyncGenerator<AuditEntry> {
    for await (const { entry } of this.newestFirstFrom()) yield entry;
  }

  /**
   * Entries newest first with the byte offset where each line starts, from
   * the lines that end at or before `end` (default: the whole file). An
   * offset is a stable position: the journal only grows (a cut-back removes
   * only lines never acknowledged), so `end` = the offset of the last entry
   * shown resumes exactly after it, whatever times the entries carry.
   */
  async *newestFirstFrom(end?: number): AsyncGenerator<{ entry: AuditEntry; offset: number }> {
    let fh;
    try {
      fh = await this.fs.open(this.file, 'r');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw e;
    }
    try {
      const size = end === undefined ? await this.size() : (await fh.stat()).size;
      // a resumed read starts at a line start: what precedes it ends in '\n', so no line is taken for torn
      end = Math.min(end ?? size, size);
      // bytes of the line that runs on past the block read last (still incomplete)
      let carry = Buffer.alloc(0);
      let lastLine = true;
      while (end > 0) {
        const start = Math.max(0, end - this.block);
        const block = Buffer.alloc(end - start);
        await fh.read(block, 0, block.length, start);
        const text = Buffer.concat([block, carry]);
        let cut = text.length;
        // lines are cut at '\n' (UTF-8 never has 0x0a inside a character)
        for (let i = text.length - 1; i >= 0; i--) {
          if (text[i] !== 0x0a) continue;
          const line = text.subarray(i + 1, cut);
          cut = i;
          if (lastLine) {
            // what follows the last newline has no newline of its own: torn (or empty)
            lastLine = false;
            continue;
          }
          const entry = parse(line);
          if (entry) yield { entry, offset: start + i + 1 };
        }
        carry = Buffer.from(text.subarray(0, cut));
        end = start;
      }
      // the file's first line has no newline before it
      if (!lastLine) {
        const entry = parse(carry);
        if (entry) yield { entry, offset: 0 };
      }
    } finally {
      await fh.close();
    }
  }
}

function parse(line: Buffer): AuditEntry | undefined {
  if (line.length === 0) return undefined;
  try {
    return JSON.parse(line.toString('utf8')) as AuditEntry;
  } catch {
    // only this server writes the journal; a line it cannot read is not shown rather than failing the page
    return undefined;
  }
}
