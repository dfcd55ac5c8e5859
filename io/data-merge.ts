/**
 * The merged records of several data files with the file and line each came
 * from, and the envelope checks every loader shares. Internal to the loaders.
 */
import { stat } from 'node:fs/promises';
import { dataIssue, joinPointer, type Issue, type IssueSeverity } from '../engine/issue.ts';
import { errText } from './json-position.ts';
import type { Folder } from './fold.ts';
import { OriginTable } from './origin-table.ts';

export type FieldType = 'string' | 'number' | 'integer' | 'boolean';
export interface FieldTypeLookup { (factType: string, field: string): FieldType | undefined }
/** Where a record came from: a text file's line, or a workbook's sheet and row (both 1-based). */
export interface Origin { file: string; line?: number; sheet?: string; row?: number }
/** Where a problem is: the record's origin and, in a workbook, the column letter. */
export interface Location extends Origin { column?: string }
/**
 * The engine's Issue with the location of the problem in the file as the
 * clerk sees it (Excel's sheet, row and column). The engine knows nothing of
 * files; io adds these optional fields.
 */
export interface LocatedIssue extends Issue { sheet?: string; row?: number; column?: string }
/** Origins of the other merged collections, for issues like `/units/3/id`. */
export interface RecordOrigins { units: Origin[]; parents: Origin[]; history: Origin[] }
export type Kind = 'unit' | 'parent' | 'fact' | 'history';
export type Collection = 'units' | 'parents' | 'facts' | 'history';
export const COLLECTION: Record<Kind, Collection> = { unit: 'units', parent: 'parents', fact: 'facts', history: 'history' };
export const KIND_OF = new Map(Object.entries(COLLECTION).map(([k, c]) => [c, k as Kind]));

/** Envelope checks only — enough for the engine to index records safely; field schemas are the engine's job. */
type Check = [field: string, type: 'string' | 'integer' | 'object', required: boolean];
const SHAPES: Record<Kind, Check[]> = {
  unit: [['id', 'string', true], ['name', 'string', true], ['parent', 'string', false], ['category', 'string', false], ['attributes', 'object', false]],
  parent: [['id', 'string', true], ['name', 'string', true], ['category', 'string', false], ['attributes', 'object', false]],
  fact: [['type', 'string', true], ['id', 'string', false], ['unit', 'string', false], ['parent', 'string', false]],
  history: [['unit', 'string', true], ['year', 'integer', true], ['outcome', 'string', true]],
};
export const TYPE_ZH: Record<string, string> = { string: '字符串', integer: '整数', object: '对象', number: '数字', boolean: '布尔值(true/false/1/0/是/否)' };
/** CSV envelope columns are always text, whatever the lookup says. */
export const RESERVED_COLUMNS = new Set(['type', 'id', 'unit', 'parent']);

export class Merge {
  readonly records: Record<Collection, Record<string, unknown>[]> = { units: [], parents: [], facts: [], history: [] };
  readonly origins: { units: Origin[]; parents: Origin[]; history: Origin[]; facts: OriginTable } = { units: [], parents: [], history: [], facts: new OriginTable() };
  readonly issues: LocatedIssue[] = [];
  scheme: { id: string; file: string } | undefined;
  /** Records read and kept as they are (the folder counts the folded ones). */
  read = 0;

  /** `folder`: folds single-vote records into counts as they come (see io/fold.ts). */
  constructor(readonly folder?: Folder) {}

  issue(code: string, path: string, zh: string, en: string, at: Location, severity: IssueSeverity = 'error'): void {
    this.issues.push({ ...dataIssue(code, path, zh, en, severity), ...located(at) });
  }

  /** Records of every kind read so far (folded ones included), to tell whether a file brought any. */
  count(): number {
    return this.read + (this.folder?.recordsFolded() ?? 0);
  }

  /** A fact that may fold into a count (when a folder is set and it passes every per-record check), else {@link add}. */
  addFact(value: unknown, at: Origin): void {
    const n = this.folder !== undefined && isObject(value) ? this.folder.votes(value) : -1;
    if (n < 0) return this.add('fact', value, at);
    (this.folder as Folder).add(value as Record<string, unknown>, n, at.file, at.line ?? 0);
  }

  /** Append a record (even a malformed one, so later indices stay true to the files) and check its envelope. */
  add(kind: Kind, value: unknown, at: Origin): void {
    const coll = COLLECTION[kind];
    this.read++;
    this.records[coll].push(value as Record<string, unknown>);
    if (coll === 'facts') this.origins.facts.push(at);
    else this.origins[coll].push(at);
    // the pointer is built only when there is a problem: a million clean records allocate none
    const base = () => joinPointer('', coll, this.records[coll].length - 1);
    if (!isObject(value)) {
      this.issue('data-shape', base(), `记录须为 JSON 对象`, `a ${kind} record must be a JSON object`, at);
      return;
    }
    for (const [field, type, required] of SHAPES[kind]) {
      const v = value[field];
      if (v === undefined) {
        if (required) this.issue('data-shape', joinPointer(base(), field), `缺少字段 ${field}`, `${kind} record lacks "${field}"`, at);
      } else if (type === 'integer' ? !Number.isInteger(v) : type === 'object' ? !isObject(v) : typeof v !== type) {
        this.issue('data-shape', joinPointer(base(), field), `字段 ${field} 须为${TYPE_ZH[type]}`, `"${field}" must be ${type === 'integer' ? 'an' : 'a'} ${type}`, at);
      }
    }
  }
}

// ---------------------------------------------------------------- helpers

/** The location fields of an issue, without undefined keys (issues are compared and serialised). */
export function located(at: Location): Pick<LocatedIssue, 'file' | 'line' | 'sheet' | 'row' | 'column'> {
  const out: Pick<LocatedIssue, 'file' | 'line' | 'sheet' | 'row' | 'column'> = { file: at.file };
  if (at.line !== undefined) out.line = at.line;
  if (at.sheet !== undefined) out.sheet = at.sheet;
  if (at.row !== undefined) out.row = at.row;
  if (at.column !== undefined) out.column = at.column;
  return out;
}

/**
 * Checked before any read: a FIFO or a device (`/dev/zero`) would block or
 * never end, and stream errors (ENOENT, EISDIR) are awkward to catch once a
 * parser owns the stream. `maxBytes` bounds files read whole into memory.
 */
export async function isReadableFile(path: string, m: Merge, maxBytes = Infinity, file = path): Promise<boolean> {
  try {
    const st = await stat(path);
    if (!st.isFile()) m.issue('data-file', '', `不是普通文件`, `not a regular file`, { file });
    else if (st.size > maxBytes) tooLarge(file, st.size, maxBytes, m);
    else return true;
  } catch (e) {
    unreadable(file, e, m);
  }
  return false;
}

export function tooLarge(file: string, size: number, maxBytes: number, m: Merge): void {
  const mib = (n: number) => `${Math.ceil(n / 1048576)} MiB`;
  m.issue('data-file-too-large', '', `文件过大(${mib(size)},上限 ${mib(maxBytes)}):大量事实请用 NDJSON 或 CSV(逐行读取)`, `file too large (${size} bytes, limit ${maxBytes}): use NDJSON or CSV for many facts (read line by line)`, { file });
}

export function unreadable(file: string, e: unknown, m: Merge): void {
  m.issue('data-file', '', `无法读取文件:${errText(e)}`, `cannot read file: ${errText(e)}`, { file });
}

/**
 * Node decodes invalid UTF-8 as U+FFFD; the usual cause is a GBK file saved
 * by Excel, whose Chinese names would otherwise be silently garbled.
 */
export function checkEncoding(text: string, m: Merge, at: Origin): boolean {
  if (!text.includes('\uFFFD')) return false;
  m.issue('data-encoding', '', `文件不是 UTF-8 编码(可能是 GBK),请另存为“CSV UTF-8”或 UTF-8 文本`, `the file is not valid UTF-8 (GBK?); save it as UTF-8`, at);
  return true;
}

export function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

