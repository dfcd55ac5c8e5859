/**
 * NDJSON / JSONL: one record per line, streamed. Lines are split on the bytes
 * by hand rather than with readline: readline keeps growing a line until V8's
 * string limit throws a RangeError, here a line over `maxLineBytes` is dropped
 * as it streams and reported as `line-too-long` with its number.
 *
 * The parser ({@link parseNdjson}) reads one byte range (a whole file, or a
 * part of one in a reader thread, see io/parallel-ndjson.ts) and hands its
 * records and problems to a sink with range-relative line numbers; records a
 * folder accepts are folded on the spot. A line seen before whose record
 * folded folds again without being parsed (votes repeat the same few lines).
 */
import { errText, syntaxOffset } from './json-position.ts';
import { COLLECTION, isObject, stripBom, type Kind, type Merge } from './data-merge.ts';
import type { Folder } from './fold.ts';
import { LineCache } from './line-cache.ts';

/** A problem of one line, as data: the message (which names the line) is written once the true line is known. */
export type NdjsonProblem =
  | { kind: 'syntax'; line: number; column: number; why: string }
  | { kind: 'not-object'; line: number }
  | { kind: 'record'; line: number }
  | { kind: 'too-long'; line: number }
  | { kind: 'encoding'; line: number }
  | { kind: 'unreadable'; line: number; why: string };

export interface NdjsonSink {
  /** A record not folded (a fact kept as it is, a unit, parent or history record), at its range-relative line. */
  /** `text`: the line as read, when it is the record's JSON as it stands (a `record` key taken out makes it not). */
  record(kind: Kind, rec: unknown, line: number, text: string | undefined): void;
  problem(p: NdjsonProblem): void;
}

export interface NdjsonRange {
  /** The file name groups are attributed to. */
  file: string;
  maxLineBytes: number;
  /** The range starts the file: its first line may carry a byte order mark. */
  fileStart: boolean;
  folder?: Folder | undefined;
}

/** Parse one range; returns its number of lines. */
export async function parseNdjson(chunks: AsyncIterable<Buffer | string> | Iterable<Buffer>, range: NdjsonRange, sink: NdjsonSink): Promise<number> {
  const parser = new LineParser(range, sink);
  try {
    for await (const piece of chunks) parser.push(typeof piece === 'string' ? Buffer.from(piece) : piece);
    parser.end();
  } catch (e) {
    sink.problem({ kind: 'unreadable', line: parser.line, why: errText(e) });
  } finally {
    // the counts of repeated lines go to their groups now (they were tallied aside, see io/line-cache.ts)
    parser.flush();
  }
  return parser.line;
}

/**
 * The line splitter and record reader. A class with synchronous methods, not
 * closures inside the async reading loop: V8 optimises these loops several
 * times better (twenty million lines go through `push`).
 */
class LineParser {
  line = 0;
  private badEncoding = false;
  private readonly cache: LineCache | undefined;
  // the unfinished line so far: its pieces (kept only while under the limit) and its length
  private parts: Buffer[] = [];
  private length = 0;
  private skipping = false;

  constructor(
    private readonly range: NdjsonRange,
    private readonly sink: NdjsonSink,
  ) {
    this.cache = range.folder ? new LineCache() : undefined;
  }

  push(chunk: Buffer): void {
    const max = this.range.maxLineBytes;
    const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
      if (this.skipping || this.length + nl - start > max) this.tooLong();
      else if (this.parts.length === 0) this.chunkLine(chunk, view, start, nl);
      else {
        const whole = Buffer.concat([...this.parts, chunk.subarray(start, nl)]);
        this.onLine(whole, 0, whole.length, undefined);
      }
      // reset without allocating: this runs once per line
      if (this.parts.length > 0) this.parts = [];
      this.length = 0;
      this.skipping = false;
      start = nl + 1;
    }
    const rest = chunk.length - start;
    if (rest === 0 || this.skipping) return;
    if (this.length + rest > max) {
      this.parts = [];
      this.length = 0;
      this.skipping = true;
    } else {
      // a copy: the reader may fill the chunk's memory again (io/file-chunks.ts)
      this.parts.push(Buffer.from(chunk.subarray(start)));
      this.length += rest;
    }
  }

  end(): void {
    if (this.skipping) this.tooLong();
    else if (this.length > 0) {
      const whole = Buffer.concat(this.parts);
      this.onLine(whole, 0, whole.length, undefined);
    }
  }

  flush(): void {
    this.cache?.flush();
  }

  private tooLong(): void {
    this.line++;
    this.sink.problem({ kind: 'too-long', line: this.line });
  }

  /** A line wholly inside one chunk: a repeated folded line is counted at once. */
  private chunkLine(chunk: Buffer, view: DataView, start: number, end: number): void {
    const cache = this.cache;
    // the first line of a file may carry a byte order mark: never cached
    if (cache === undefined || (this.line === 0 && this.range.fileStart)) return this.onLine(chunk, start, end, undefined);
    const h = LineCache.hash(view, start, end);
    if (!cache.count(view, start, end, h)) return this.onLine(chunk, start, end, h);
    this.line++;
  }

  /** One line (without its newline; a final \r is dropped here); `start`/`end`/`h` locate it to cache it when it folds. */
  private onLine(bytes: Buffer, start: number, end: number, h: number | undefined): void {
    const line = ++this.line;
    const { sink, range } = this;
    const stop = end > start && bytes[end - 1] === 0x0d ? end - 1 : end; // \r\n is one break
    const raw = bytes.toString('utf8', start, stop);
    const text = line === 1 && range.fileStart ? stripBom(raw) : raw;
    if (text.trim() === '') return;
    if (!this.badEncoding && text.includes('\uFFFD')) {
      this.badEncoding = true;
      sink.problem({ kind: 'encoding', line });
    }
    let rec: unknown;
    try {
      rec = JSON.parse(text);
    } catch (e) {
      sink.problem({ kind: 'syntax', line, column: syntaxOffset(text, e) + 1, why: errText(e) });
      return;
    }
    if (!isObject(rec)) return sink.problem({ kind: 'not-object', line });
    const tagged = Object.hasOwn(rec, 'record');
    const kind = tagged ? rec.record : 'fact';
    delete rec.record;
    // own keys only: `"record": "toString"` must not find Object.prototype.toString
    if (typeof kind !== 'string' || !Object.hasOwn(COLLECTION, kind)) return sink.problem({ kind: 'record', line });
    const folder = range.folder;
    if (kind === 'fact' && folder !== undefined) {
      const n = folder.votes(rec);
      if (n >= 0) {
        const group = folder.add(rec, n, range.file, line);
        if (h !== undefined) this.cache?.add(bytes, start, end, h, group, n);
        return;
      }
    }
    sink.record(kind as Kind, rec, line, tagged ? undefined : text);
  }
}

/** The located issue of a line problem, `line` being the true line in the file. */
export function reportNdjsonProblem(p: NdjsonProblem, file: string, m: Merge, maxLineBytes: number): void {
  const at = { file, line: p.line };
  switch (p.kind) {
    case 'syntax':
      return m.issue('data-ndjson-syntax', '', `第 ${p.line} 行第 ${p.column} 列 JSON 语法错误:${p.why}`, `line ${p.line}, column ${p.column}: ${p.why}`, at);
    case 'not-object':
      return m.issue('data-ndjson-syntax', '', `第 ${p.line} 行须为一个 JSON 对象`, `line ${p.line} must hold one JSON object`, at);
    case 'record':
      return m.issue('data-ndjson-record', '', `第 ${p.line} 行的 record 须为 unit、parent、fact 或 history`, `line ${p.line}: "record" must be unit, parent, fact or history`, at);
    case 'too-long': {
      const mib = Math.round((maxLineBytes / 1048576) * 100) / 100;
      return m.issue('line-too-long', '', `第 ${p.line} 行超过 ${mib} MiB 的行长上限,已跳过`, `line ${p.line} is longer than the limit of ${maxLineBytes} bytes; skipped`, at);
    }
    case 'encoding':
      return m.issue('data-encoding', '', `文件不是 UTF-8 编码(可能是 GBK),请另存为“CSV UTF-8”或 UTF-8 文本`, `the file is not valid UTF-8 (GBK?); save it as UTF-8`, at);
    case 'unreadable':
      return m.issue('data-file', '', `无法读取文件:${p.why}`, `cannot read file: ${p.why}`, { file });
    default: {
      const never: never = p;
      return never;
    }
  }
}

/** A whole NDJSON input read on this thread into the merge (small files, standard input, uploads). */
export async function loadNdjson(chunks: AsyncIterable<Buffer | string> | Iterable<Buffer>, file: string, m: Merge, maxLineBytes: number): Promise<void> {
  await parseNdjson(chunks, { file, maxLineBytes, fileStart: true, folder: m.folder }, {
    record: (kind, rec, line) => (kind === 'fact' ? m.add('fact', rec, { file, line }) : m.add(kind, rec, { file, line })),
    problem: (p) => reportNdjsonProblem(p, file, m, maxLineBytes),
  });
}
