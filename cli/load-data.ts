/**
 * Load data files (JSON, NDJSON/JSONL, CSV) into one engine Dataset. This is
 * the I/O side; the engine stays pure. Problems are returned as Issues with
 * file and line, never thrown or printed, so the CLI and the server can show
 * every problem of every file in one pass.
 *
 * Pointers in issues (`/facts/12/amount`) index the *merged* dataset: files
 * are read in the order given and their records appended. `origins` maps each
 * merged fact back to its file and line so that issues found later by the
 * engine can be annotated with {@link annotateIssues}.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import { parse as parseCsv, type CsvError, type Options as CsvOptions } from 'csv-parse';
import type { Dataset, Roster } from '../engine/data/dataset.ts';
import { dataIssue, joinPointer, type Issue, type IssueSeverity } from '../engine/issue.ts';
import { errText, lineCol, syntaxOffset } from './json-position.ts';

export type FieldType = 'string' | 'number' | 'integer' | 'boolean';
export interface FieldTypeLookup { (factType: string, field: string): FieldType | undefined }
export interface Origin { file: string; line?: number }
/** Origins of the other merged collections, for issues like `/units/3/id`. */
export interface RecordOrigins { units: Origin[]; parents: Origin[]; history: Origin[] }
export interface LoadResult {
  /** Undefined when any load error occurred: partial data must never be scored. */
  dataset: Dataset | undefined;
  issues: Issue[];
  /** For each merged fact index, where it came from. */
  origins: Origin[];
  recordOrigins: RecordOrigins;
}
export interface LoadOptions {
  /** Declared type of a fact field, used to type CSV cells. */
  fieldType?: FieldTypeLookup;
  /** Used when the files hold no units (schemes ship their roster). */
  roster?: Roster;
}

type Kind = 'unit' | 'parent' | 'fact' | 'history';
type Collection = 'units' | 'parents' | 'facts' | 'history';
const COLLECTION: Record<Kind, Collection> = { unit: 'units', parent: 'parents', fact: 'facts', history: 'history' };
const KIND_OF = new Map(Object.entries(COLLECTION).map(([k, c]) => [c, k as Kind]));

/** Envelope checks only — enough for the engine to index records safely; field schemas are the engine's job. */
type Check = [field: string, type: 'string' | 'integer' | 'object', required: boolean];
const SHAPES: Record<Kind, Check[]> = {
  unit: [['id', 'string', true], ['name', 'string', true], ['parent', 'string', false], ['category', 'string', false], ['attributes', 'object', false]],
  parent: [['id', 'string', true], ['name', 'string', true], ['category', 'string', false], ['attributes', 'object', false]],
  fact: [['type', 'string', true], ['id', 'string', false], ['unit', 'string', false], ['parent', 'string', false]],
  history: [['unit', 'string', true], ['year', 'integer', true], ['outcome', 'string', true]],
};
const TYPE_ZH: Record<string, string> = { string: '字符串', integer: '整数', object: '对象', number: '数字', boolean: '布尔值(true/false/1/0/是/否)' };
/** CSV envelope columns are always text, whatever the lookup says. */
const RESERVED_COLUMNS = new Set(['type', 'id', 'unit', 'parent']);

class Merge {
  readonly records: Record<Collection, Record<string, unknown>[]> = { units: [], parents: [], facts: [], history: [] };
  readonly origins: Record<Collection, Origin[]> = { units: [], parents: [], facts: [], history: [] };
  readonly issues: Issue[] = [];
  scheme: { id: string; file: string } | undefined;

  issue(code: string, path: string, zh: string, en: string, at: Origin, severity: IssueSeverity = 'error'): void {
    this.issues.push({ ...dataIssue(code, path, zh, en, severity), file: at.file, ...(at.line !== undefined ? { line: at.line } : {}) });
  }

  /** Append a record (even a malformed one, so later indices stay true to the files) and check its envelope. */
  add(kind: Kind, value: unknown, at: Origin): void {
    const coll = COLLECTION[kind];
    const base = joinPointer('', coll, this.records[coll].length);
    this.records[coll].push(value as Record<string, unknown>);
    this.origins[coll].push(at);
    if (!isObject(value)) {
      this.issue('data-shape', base, `记录须为 JSON 对象`, `a ${kind} record must be a JSON object`, at);
      return;
    }
    for (const [field, type, required] of SHAPES[kind]) {
      const v = value[field];
      if (v === undefined) {
        if (required) this.issue('data-shape', joinPointer(base, field), `缺少字段 ${field}`, `${kind} record lacks "${field}"`, at);
      } else if (type === 'integer' ? !Number.isInteger(v) : type === 'object' ? !isObject(v) : typeof v !== type) {
        this.issue('data-shape', joinPointer(base, field), `字段 ${field} 须为${TYPE_ZH[type]}`, `"${field}" must be ${type === 'integer' ? 'an' : 'a'} ${type}`, at);
      }
    }
  }
}

export async function loadDataset(files: string[], opts: LoadOptions = {}): Promise<LoadResult> {
  const m = new Merge();
  for (const file of files) {
    const ext = extname(file).toLowerCase();
    if (ext === '.json') await loadJson(file, m);
    else if (ext === '.ndjson' || ext === '.jsonl') await loadNdjson(file, m);
    else if (ext === '.csv') await loadCsv(file, m, opts.fieldType);
    else m.issue('data-file', '', `不支持的文件类型“${ext || '(无扩展名)'}”,请使用 .json、.ndjson、.jsonl 或 .csv`, `unsupported file type "${ext}"; use .json, .ndjson, .jsonl or .csv`, { file });
  }
  // the envelope checks above make these casts true whenever the dataset is returned
  const { units, parents, facts, history } = m.records as unknown as Required<Omit<Dataset, 'scheme'>>;
  const dataset: Dataset = { units, facts };
  if (m.scheme) dataset.scheme = m.scheme.id;
  if (parents.length > 0) dataset.parents = parents;
  if (history.length > 0) dataset.history = history;
  if (units.length === 0 && opts.roster) {
    dataset.units = [...opts.roster.units];
    if (parents.length === 0 && opts.roster.parents) dataset.parents = [...opts.roster.parents];
  }
  return {
    dataset: m.issues.some((i) => i.severity === 'error') ? undefined : dataset,
    issues: m.issues,
    origins: m.origins.facts,
    recordOrigins: { units: m.origins.units, parents: m.origins.parents, history: m.origins.history },
  };
}

/**
 * Fill `file`/`line` of data issues found after loading (by the engine) from
 * the origin of the record their pointer names. Issues that already carry a
 * file are left alone; returns new issue objects.
 */
export function annotateIssues(issues: readonly Issue[], origins: readonly Origin[], recordOrigins?: RecordOrigins): Issue[] {
  return issues.map((issue) => {
    if (issue.source !== 'data' || issue.file !== undefined) return issue;
    const match = /^\/(units|parents|facts|history)\/(\d+)(?:\/|$)/.exec(issue.path);
    if (!match) return issue;
    const list = match[1] === 'facts' ? origins : recordOrigins?.[match[1] as keyof RecordOrigins];
    const at = list?.[Number(match[2])];
    if (!at) return issue;
    return { ...issue, file: at.file, ...(at.line !== undefined ? { line: at.line } : {}) };
  });
}

// ---------------------------------------------------------------- JSON

async function loadJson(file: string, m: Merge): Promise<void> {
  if (!(await isReadableFile(file, m))) return;
  let text: string;
  try {
    text = stripBom(await readFile(file, 'utf8'));
  } catch (e) {
    return unreadable(file, e, m);
  }
  const garbled = text.indexOf('\uFFFD');
  if (garbled !== -1) checkEncoding(text, m, { file, line: lineCol(text, garbled).line });
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const { line, column } = lineCol(text, syntaxOffset(text, e));
    m.issue('data-json-syntax', '', `JSON 语法错误(第 ${line} 行第 ${column} 列):${errText(e)}`, `JSON syntax error at line ${line}, column ${column}: ${errText(e)}`, { file, line });
    return;
  }
  if (!isObject(doc)) {
    m.issue('data-shape', '', `数据文件须为 JSON 对象 {"units": [...], "facts": [...]}`, `a data file must be a JSON object {"units": [...], "facts": [...]}`, { file });
    return;
  }
  for (const [key, value] of Object.entries(doc)) {
    const kind = KIND_OF.get(key as Collection);
    if (kind) {
      if (Array.isArray(value)) for (const item of value) m.add(kind, item, { file });
      else m.issue('data-shape', `/${key}`, `${key} 须为数组`, `"${key}" must be an array`, { file });
    } else if (key === 'scheme') {
      if (typeof value !== 'string') m.issue('data-shape', '/scheme', `scheme 须为方案标识字符串`, `"scheme" must be a scheme id string`, { file });
      else if (m.scheme && m.scheme.id !== value) {
        m.issue('data-scheme-conflict', '/scheme', `方案标识 ${value} 与 ${m.scheme.file} 中的 ${m.scheme.id} 不一致`, `scheme ${value} conflicts with ${m.scheme.id} in ${m.scheme.file}`, { file });
      } else m.scheme ??= { id: value, file };
    } else if (!key.startsWith('$')) {
      // most likely a typo such as "fact" for "facts": the data would silently vanish
      m.issue('data-unknown-key', joinPointer('', key), `未知字段“${key}”已忽略(可用:scheme、units、parents、facts、history)`, `unknown key "${key}" ignored (expected scheme, units, parents, facts, history)`, { file }, 'warning');
    }
  }
}

// ---------------------------------------------------------------- NDJSON

async function loadNdjson(file: string, m: Merge): Promise<void> {
  if (!(await isReadableFile(file, m))) return;
  const input = createReadStream(file, { encoding: 'utf8' });
  // readline keeps one line in memory at a time; crlfDelay treats \r\n as one break
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  let badEncoding = false;
  try {
    for await (const raw of lines) {
      line++;
      const text = line === 1 ? stripBom(raw) : raw;
      if (text.trim() === '') continue;
      const at = { file, line };
      if (!badEncoding) badEncoding = checkEncoding(text, m, at);
      let rec: unknown;
      try {
        rec = JSON.parse(text);
      } catch (e) {
        const column = syntaxOffset(text, e) + 1;
        m.issue('data-ndjson-syntax', '', `第 ${line} 行第 ${column} 列 JSON 语法错误:${errText(e)}`, `line ${line}, column ${column}: ${errText(e)}`, at);
        continue;
      }
      if (!isObject(rec)) {
        m.issue('data-ndjson-syntax', '', `第 ${line} 行须为一个 JSON 对象`, `line ${line} must hold one JSON object`, at);
        continue;
      }
      const kind = 'record' in rec ? rec.record : 'fact';
      delete rec.record;
      if (typeof kind === 'string' && kind in COLLECTION) m.add(kind as Kind, rec, at);
      else m.issue('data-ndjson-record', '', `第 ${line} 行的 record 须为 unit、parent、fact 或 history`, `line ${line}: "record" must be unit, parent, fact or history`, at);
    }
  } catch (e) {
    m.issue('data-file', '', `读取第 ${line + 1} 行时出错:${errText(e)}`, `read error at line ${line + 1}: ${errText(e)}`, { file });
  } finally {
    lines.close();
    input.destroy();
  }
}

// ---------------------------------------------------------------- CSV

interface CsvRow { cells: string[]; line: number }

async function loadCsv(file: string, m: Merge, fieldType: FieldTypeLookup | undefined): Promise<void> {
  if (!(await isReadableFile(file, m))) return;
  const input = createReadStream(file);
  const lines = lineTracker();
  const options: CsvOptions<CsvRow, string[]> = {
    bom: true,
    skip_empty_lines: true,
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
  input.on('data', (chunk) => lines.push(chunk as Buffer));
  input.on('error', (e) => parser.destroy(e));
  input.pipe(parser);
  const typeOf = memoize(fieldType);
  let header: string[] | undefined;
  let unnamedUsed = false;
  let badEncoding = false;
  try {
    for await (const { cells, line } of parser as AsyncIterable<CsvRow>) {
      const at = { file, line };
      if (!badEncoding) badEncoding = checkEncoding(cells.join(''), m, at);
      if (!header) {
        header = cells.map((h) => h.trim());
        if (!checkHeader(header, m, at)) break;
        continue;
      }
      const index = m.records.facts.length;
      const fact: Record<string, unknown> = {};
      const type = cells[header.indexOf('type')] ?? '';
      cells.forEach((cell, c) => {
        const column = header?.[c] ?? '';
        if (cell === '') return; // empty cell: field absent
        if (column === '') return void (unnamedUsed = true);
        const t = RESERVED_COLUMNS.has(column) ? 'string' : (typeOf(type, column) ?? 'string');
        const value = typed(cell, t);
        if (value !== undefined) fact[column] = value;
        else {
          const code = t === 'boolean' ? 'data-csv-boolean' : 'data-csv-number';
          const want = t === 'integer' ? 'an integer' : `a ${t}`;
          m.issue(code, joinPointer('', 'facts', index, column), `“${column}”须为${TYPE_ZH[t]},实际为“${cell}”`, `"${column}" must be ${want}, got "${cell}"`, at);
        }
      });
      if (fact.unit === undefined && fact.parent === undefined) {
        m.issue('data-csv-target', joinPointer('', 'facts', index), `第 ${line} 行须填写 unit 或 parent`, `line ${line} needs "unit" or "parent"`, at);
      }
      m.add('fact', fact, at);
    }
  } catch (e) {
    unreadable(file, e, m);
  } finally {
    input.destroy();
  }
  if (unnamedUsed) m.issue('data-csv-header', '', `有数据的列缺少列名,已忽略`, `a column without a header name holds data; ignored`, { file, line: 1 }, 'warning');
  if (!header) m.issue('data-csv-header', '', `文件为空,缺少表头`, `empty file: no header row`, { file }, 'warning');
}

/**
 * Line numbers of CSV records from the parser's byte offsets. csv-parse's own
 * `lines` counter drifts after a quoted cell containing CRLF (Excel files), so
 * newlines are counted here from the raw bytes instead.
 */
function lineTracker(): { push(chunk: Buffer): void; take(end: number): number } {
  const chunks: Buffer[] = [];
  let [chunkStart, pos, line] = [0, 0, 1]; // chunkStart: absolute offset of chunks[0]
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
          if (chunk[i] === 0x0a) line++;
          else if (chunk[i] !== 0x0d) start = line; // first byte of the record itself
        }
        for (let j = chunk.indexOf(0x0a, i); j !== -1 && j < stop; j = chunk.indexOf(0x0a, j + 1)) line++;
        pos = chunkStart + stop;
      }
      return start ?? line;
    },
  };
}

function checkHeader(header: string[], m: Merge, at: Origin): boolean {
  const fail = (zh: string, en: string): false => (m.issue('data-csv-header', '', zh, en, at), false);
  const dup = header.find((h, i) => h !== '' && header.indexOf(h) !== i);
  if (dup !== undefined) return fail(`列名“${dup}”重复`, `duplicate column "${dup}"`);
  if (header.includes('record')) return fail(`CSV 不支持 record 列:CSV 只含事实,名单请用 JSON/NDJSON 或方案自带名单`, `CSV does not support a "record" column: CSV holds facts only`);
  if (!header.includes('type')) return fail(`缺少 type 列(事实类型)`, `missing column "type" (the fact type)`);
  if (!header.includes('unit') && !header.includes('parent')) return fail(`须有 unit 或 parent 列`, `needs a "unit" or "parent" column`);
  return true;
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const BOOLEANS = new Map<string, boolean>([['true', true], ['1', true], ['是', true], ['false', false], ['0', false], ['否', false]]);

/** The cell as the declared type, or undefined when it does not read as one. */
function typed(cell: string, t: FieldType): unknown {
  if (t === 'string') return cell;
  const s = cell.trim();
  if (t === 'boolean') return BOOLEANS.get(s.toLowerCase());
  if (!NUMBER.test(s)) return undefined;
  const n = Number(s);
  return t === 'integer' && !Number.isInteger(n) ? undefined : n;
}

/** A large CSV asks the same (type, column) question once per row; ask the scheme once. */
function memoize(lookup: FieldTypeLookup | undefined): FieldTypeLookup {
  const cache = new Map<string, FieldType | undefined>();
  return (type, field) => {
    if (!lookup) return undefined;
    const key = `${type}\u0000${field}`;
    if (!cache.has(key)) cache.set(key, lookup(type, field));
    return cache.get(key);
  };
}

// ---------------------------------------------------------------- helpers

/** Checked up front because stream errors (ENOENT, EISDIR) are awkward to catch once readline owns the stream. */
async function isReadableFile(file: string, m: Merge): Promise<boolean> {
  try {
    if ((await stat(file)).isFile()) return true;
    m.issue('data-file', '', `不是普通文件`, `not a regular file`, { file });
  } catch (e) {
    unreadable(file, e, m);
  }
  return false;
}

function unreadable(file: string, e: unknown, m: Merge): void {
  m.issue('data-file', '', `无法读取文件:${errText(e)}`, `cannot read file: ${errText(e)}`, { file });
}

/**
 * Node decodes invalid UTF-8 as U+FFFD; the usual cause is a GBK file saved
 * by Excel, whose Chinese names would otherwise be silently garbled.
 */
function checkEncoding(text: string, m: Merge, at: Origin): boolean {
  if (!text.includes('\uFFFD')) return false;
  m.issue('data-encoding', '', `文件不是 UTF-8 编码(可能是 GBK),请另存为“CSV UTF-8”或 UTF-8 文本`, `the file is not valid UTF-8 (GBK?); save it as UTF-8`, at);
  return true;
}

function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

