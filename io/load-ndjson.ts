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
import type { Folder, FoldGroup } from './fold.ts';

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
  record(kind: Kind, rec: unknown, line: number): void;
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

/** Distinct folded lines remembered per range (bounded: memory must not grow with the votes). */
const MAX_CACHED_LINES = 400_000;

/** Parse one range; returns its number of lines. */
export async function parseNdjson(chunks: AsyncIterable<Buffer | string> | Iterable<Buffer>, range: NdjsonRange, sink: NdjsonSink): Promise<number> {
  const { maxLineBytes, folder, file } = range;
  let line = 0;
  let badEncoding = false;
  const cache = new Map<string, { group: FoldGroup; n: number }>();
  const onText = (raw: string): void => {
    line++;
    const text = line === 1 && range.fileStart ? stripBom(raw) : raw;
    const first = text.charCodeAt(0);
    // `{` starts almost every line: only other lines need the blank test
    if (first !== 0x7b && text.trim() === '') return;
    const hit = cache.get(text);
    if (hit !== undefined) {
      hit.group.count += hit.n;
      hit.group.records++;
      return;
    }
    if (!badEncoding && text.includes('\uFFFD')) {
      badEncoding = true;
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
    const kind = Object.hasOwn(rec, 'record') ? rec.record : 'fact';
    delete rec.record;
    // own keys only: `"record": "toString"` must not find Object.prototype.toString
    if (typeof kind !== 'string' || !Object.hasOwn(COLLECTION, kind)) return sink.problem({ kind: 'record', line });
    if (kind === 'fact' && folder !== undefined) {
      const n = folder.votes(rec);
      if (n >= 0) {
        const group = folder.add(rec, n, file, line);
        // a copy of the key: a slice would keep the whole chunk it was cut from alive
        if (cache.size < MAX_CACHED_LINES) cache.set(Buffer.from(text, 'utf8').toString('utf8'), { group, n });
        return;
      }
    }
    sink.record(kind as Kind, rec, line);
  };
  const onBytes = (bytes: Buffer): void => {
    let end = bytes.length;
    if (end > 0 && bytes[end - 1] === 0x0d) end--; // \r\n is one break
    onText(bytes.toString('utf8', 0, end));
  };
  const tooLong = (): void => {
    line++;
    sink.problem({ kind: 'too-long', line });
  };

  // the unfinished line so far: its pieces (kept only while under the limit) and its length
  let parts: Buffer[] = [];
  let length = 0;
  let skipping = false;
  try {
    for await (const piece of chunks) {
      const chunk = typeof piece === 'string' ? Buffer.from(piece) : piece;
      let start = 0;
      const last = chunk.lastIndexOf(0x0a);
      for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
        // the lines wholly inside this chunk, when none can be over the limit: decoded at once and split
        // as a string (a newline byte never occurs inside a UTF-8 sequence, so the text is the same)
        if (parts.length === 0 && !skipping && last - start <= maxLineBytes) {
          const text = chunk.toString('utf8', start, last);
          let from = 0;
          for (let at = text.indexOf('\n'); ; at = text.indexOf('\n', from)) {
            const stop = at === -1 ? text.length : at;
            onText(text.charCodeAt(stop - 1) === 0x0d ? text.slice(from, stop - 1) : text.slice(from, stop));
            if (at === -1) break;
            from = at + 1;
          }
          start = last + 1;
          break;
        }
        if (skipping || length + nl - start > maxLineBytes) tooLong();
        else onBytes(parts.length === 0 ? chunk.subarray(start, nl) : Buffer.concat([...parts, chunk.subarray(start, nl)]));
        [parts, length, skipping] = [[], 0, false];
        start = nl + 1;
      }
      const rest = chunk.length - start;
      if (rest === 0 || skipping) continue;
      if (length + rest > maxLineBytes) [parts, length, skipping] = [[], 0, true];
      else {
        parts.push(chunk.subarray(start));
        length += rest;
      }
    }
    if (skipping) tooLong();
    else if (length > 0) onBytes(Buffer.concat(parts));
  } catch (e) {
    sink.problem({ kind: 'unreadable', line, why: errText(e) });
  }
  return line;
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
