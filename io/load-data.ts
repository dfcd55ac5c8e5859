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
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import type { Dataset, Roster } from '../engine/data/dataset.ts';
import { joinPointer, type Issue } from '../engine/issue.ts';
import { errText, lineCol, syntaxOffset } from './json-position.ts';
import { checkEncoding, COLLECTION, isObject, isReadableFile, KIND_OF, Merge, stripBom, unreadable, type Collection, type FieldTypeLookup, type Kind, type Origin, type RecordOrigins } from './data-merge.ts';
import { loadCsv } from './load-csv.ts';

export type { FieldType, FieldTypeLookup, Origin, RecordOrigins } from './data-merge.ts';

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
