/** CSV facts: typed cells, true line numbers (quoted cells may span lines), BOM and GBK detection. */
import type { Readable } from 'node:stream';
import { parse as parseCsv, type CsvError, type Options as CsvOptions } from 'csv-parse';
import { joinPointer } from '../engine/issue.ts';
import { isComment } from './comment-row.ts';
import type { CellReader } from './cells.ts';
import { checkEncoding, unreadable, type Merge, type Origin } from './data-merge.ts';
import { rosterHeaderProblem, rosterRecord, type RosterKind } from './roster-rows.ts';

interface CsvRow { cells: string[]; line: number }

/**
 * Read CSV from a byte stream (a file, an upload, standard input) named `file`
 * in problems: facts, or with `kind` (a file named units.csv, parents.csv,
 * history.csv) roster or history records.
 */
export async function loadCsv(input: Readable, file: string, m: Merge, reader: CellReader, kind?: RosterKind): Promise<void> {
  const lines = lineTracker();
  const options: CsvOptions<CsvRow, string[]> = {
    bom: true,
    skip_empty_lines: true,
    // a line starting with '#' is a comment (templates' sample rows, clerks' notes), whatever its column count
    comment: '#',
    comment_no_infix: true,
    // report a broken row and go on, so one pass lists every bad row
    skip_records_with_error: true,
    on_skip: (err: CsvError | undefined) => {
      if (!err) return undefined;
      const line = lines.take(Number(err.bytes));
      const why = err.message.replace(/ (?:on|at) line \d+/g, ''); // csv-parse's own line count may drift, see lineTracker
      m.issue('data-csv-syntax', '', `CSV 格式错误(第 ${line} 行):${why}`, `CSV error at line ${line}: ${why}`, { file, line });
      return undefined;
    },
    // on_record runs synchronously in input order, so the tracker sees records one by one
    on_record: (cells, ctx) => ({ cells, line: lines.take(ctx.bytes) }),
  };
  // the typings only let on_record change the record type together with `columns`
  const parser = parseCsv(options as unknown as CsvOptions);
  // registered before pipe(): the tracker holds each chunk before the parser reads it
  input.on('data', (chunk) => lines.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer)));
  input.on('error', (e) => parser.destroy(e));
  input.pipe(parser);
  let header: string[] | undefined;
  let unnamedUsed = false;
  let badEncoding = false;
  let rows = 0;
  try {
    for await (const { cells, line } of parser as AsyncIterable<CsvRow>) {
      const at = { file, line };
      if (!badEncoding) badEncoding = checkEncoding(cells.join(''), m, at);
      if (isComment(cells[0])) continue;
      if (!header) {
        header = cells.map((h) => h.trim());
        if (!checkHeader(header, kind, m, at)) return void input.destroy();
        continue;
      }
      rows++;
      if (kind !== undefined) {
        m.add(kind, rosterRecord(kind, header, cells.map((c) => (c === '' ? undefined : c))), at);
        continue;
      }
      const index = m.records.facts.length;
      const type = cells[header.indexOf('type')] ?? '';
      const before = m.issues.length;
      const { fact, unnamed } = reader.fact(header, cells, type, index, m, () => at);
      if (unnamed) unnamedUsed = true;
      if (fact.unit === undefined && fact.parent === undefined) {
        m.issue('data-csv-target', joinPointer('', 'facts', index), `第 ${line} 行须填写 unit 或 parent`, `line ${line} needs "unit" or "parent"`, at);
      }
      // a row with a problem keeps its place (its problems point at it); a clean vote may fold into a count
      if (m.issues.length > before) m.add('fact', fact, at);
      else m.addFact(fact, at);
    }
  } catch (e) {
    unreadable(file, e, m);
  } finally {
    input.destroy();
  }
  if (unnamedUsed) m.issue('data-csv-header', '', `有数据的列缺少列名,已忽略`, `a column without a header name holds data; ignored`, { file, line: 1 }, 'warning');
  if (!header) m.issue('data-csv-header', '', `文件为空,缺少表头`, `empty file: no header row`, { file }, 'warning');
  else if (rows === 0) m.issue('data-empty-file', '', `只有表头,没有数据行`, `a header but no data rows`, { file }, 'warning');
}

/**
 * Line numbers of CSV records from the parser's byte offsets. csv-parse's own
 * `lines` counter drifts after a quoted cell containing CRLF (Excel files), so
 * newlines are counted here from the raw bytes instead.
 */
function lineTracker(): { push(chunk: Buffer): void; take(end: number): number } {
  const chunks: Buffer[] = [];
  let [chunkStart, pos, line] = [0, 0, 1]; // chunkStart: absolute offset of chunks[0]
  let comment = false;
  return {
    push: (chunk) => void chunks.push(chunk),
    /** The line where the record ending at byte `end` starts (blank lines before it skipped); moves past it. */
    take(end) {
      let start: number | undefined;
      while (pos < end && chunks.length > 0) {
        const chunk = chunks[0] as Buffer;
        let i = pos - chunkStart;
        if (i >= chunk.length) {
          chunkStart += chunk.length;
          chunks.shift();
          continue;
        }
        const stop = Math.min(chunk.length, end - chunkStart);
        for (; start === undefined && i < stop; i++) {
          const b = chunk[i];
          if (b === 0x0a) [line, comment] = [line + 1, false];
          else if (comment || b === 0x0d) continue;
          // between records a '#' can only start a comment line (csv-parse skips it)
          else if (b === 0x23) comment = true;
          else start = line; // first byte of the record itself
        }
        for (let j = chunk.indexOf(0x0a, i); j !== -1 && j < stop; j = chunk.indexOf(0x0a, j + 1)) line++;
        pos = chunkStart + stop;
      }
      return start ?? line;
    },
  };
}

function checkHeader(header: string[], kind: RosterKind | undefined, m: Merge, at: Origin): boolean {
  const fail = (zh: string, en: string): false => (m.issue('data-csv-header', '', zh, en, at), false);
  const dup = header.find((h, i) => h !== '' && header.indexOf(h) !== i);
  if (dup !== undefined) return fail(`列名“${dup}”重复`, `duplicate column "${dup}"`);
  const roster = kind && rosterHeaderProblem(kind, header);
  if (roster) return fail(...roster);
  if (kind) return true;
  if (header.includes('record')) return fail(`CSV 不支持 record 列:名单请放在 units.csv / parents.csv / history.csv 中`, `CSV does not support a "record" column: put roster records in units.csv / parents.csv / history.csv`);
  if (!header.includes('type')) return fail(`缺少 type 列(事实类型)`, `missing column "type" (the fact type)`);
  if (!header.includes('unit') && !header.includes('parent')) return fail(`须有 unit 或 parent 列`, `needs a "unit" or "parent" column`);
  return true;
}
