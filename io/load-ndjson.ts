/**
 * NDJSON / JSONL: one record per line, streamed. Lines are split on the bytes
 * by hand rather than with readline: readline keeps growing a line until V8's
 * string limit throws a RangeError, here a line over `maxLineBytes` is dropped
 * as it streams and reported as `line-too-long` with its number.
 */
import { errText, syntaxOffset } from './json-position.ts';
import { checkEncoding, COLLECTION, isObject, stripBom, unreadable, type Kind, type Merge } from './data-merge.ts';

export async function loadNdjson(chunks: AsyncIterable<Buffer | string> | Iterable<Buffer>, file: string, m: Merge, maxLineBytes: number): Promise<void> {
  let line = 0;
  let badEncoding = false;
  const onLine = (bytes: Buffer): void => {
    line++;
    let end = bytes.length;
    if (end > 0 && bytes[end - 1] === 0x0d) end--; // \r\n is one break
    const raw = bytes.toString('utf8', 0, end);
    const text = line === 1 ? stripBom(raw) : raw;
    if (text.trim() === '') return;
    const at = { file, line };
    if (!badEncoding) badEncoding = checkEncoding(text, m, at);
    let rec: unknown;
    try {
      rec = JSON.parse(text);
    } catch (e) {
      const column = syntaxOffset(text, e) + 1;
      m.issue('data-ndjson-syntax', '', `第 ${line} 行第 ${column} 列 JSON 语法错误:${errText(e)}`, `line ${line}, column ${column}: ${errText(e)}`, at);
      return;
    }
    if (!isObject(rec)) {
      m.issue('data-ndjson-syntax', '', `第 ${line} 行须为一个 JSON 对象`, `line ${line} must hold one JSON object`, at);
      return;
    }
    const kind = Object.hasOwn(rec, 'record') ? rec.record : 'fact';
    delete rec.record;
    // own keys only: `"record": "toString"` must not find Object.prototype.toString
    if (typeof kind === 'string' && Object.hasOwn(COLLECTION, kind)) m.add(kind as Kind, rec, at);
    else m.issue('data-ndjson-record', '', `第 ${line} 行的 record 须为 unit、parent、fact 或 history`, `line ${line}: "record" must be unit, parent, fact or history`, at);
  };
  const tooLong = (): void => {
    line++;
    const mib = Math.round((maxLineBytes / 1048576) * 100) / 100;
    m.issue('line-too-long', '', `第 ${line} 行超过 ${mib} MiB 的行长上限,已跳过`, `line ${line} is longer than the limit of ${maxLineBytes} bytes; skipped`, { file, line });
  };

  // the unfinished line so far: its pieces (kept only while under the limit) and its length
  let parts: Buffer[] = [];
  let length = 0;
  let skipping = false;
  try {
    for await (const piece of chunks) {
      const chunk = typeof piece === 'string' ? Buffer.from(piece) : piece;
      let start = 0;
      for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
        if (skipping || length + nl - start > maxLineBytes) tooLong();
        else onLine(parts.length === 0 ? chunk.subarray(start, nl) : Buffer.concat([...parts, chunk.subarray(start, nl)]));
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
    else if (length > 0) onLine(Buffer.concat(parts));
  } catch (e) {
    unreadable(file, e, m);
  }
}
