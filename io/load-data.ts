/**
 * Load data (JSON, NDJSON/JSONL, CSV, Excel .xlsx) from files, uploads
 * (buffers) or standard input into one engine Dataset. This is the I/O side;
 * the engine stays pure. Problems are returned as Issues with file and line
 * (or sheet, row and column), never thrown or printed, so the CLI and the
 * server can show every problem of every file in one pass.
 *
 * Pointers in issues (`/facts/12/amount`) index the *merged* dataset: inputs
 * are read in the order given and their records appended. `origins` maps each
 * merged fact back to where it came from so that issues found later by the
 * engine can be annotated with {@link annotateIssues}.
 */
import { createReadStream } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { Readable } from 'node:stream';
import type { Dataset, Roster } from '../engine/data/dataset.ts';
import type { FoldPlan } from '../engine/data/fold-plan.ts';
import type { Issue } from '../engine/issue.ts';
import type { Scheme } from '../engine/scheme/scheme.ts';
import { CellReader, type LabelLookup } from './cells.ts';
import { isReadableFile, located, Merge, tooLarge, unreadable, type FieldTypeLookup, type LocatedIssue, type Origin, type RecordOrigins } from './data-merge.ts';
import type { DataFormat } from './data-format.ts';
import { DEFAULT_LIMITS, limitsFromEnv, type Limits } from './limits.ts';
import { loadCsv } from './load-csv.ts';
import { loadJson } from './load-json.ts';
import { loadNdjson } from './load-ndjson.ts';
import { loadXlsx } from './load-xlsx.ts';
import { Folder } from './fold.ts';
import type { FactOrigins } from './origin-table.ts';
import { mergeNdjsonParallel, type ParallelOptions } from './parallel-ndjson.ts';
import { Threads } from './reader-threads.ts';
import { rosterKindOf, type RosterKind } from './roster-rows.ts';
import { sniffFormat } from './sniff-format.ts';
import { spoolStdin } from './stdin-spool.ts';

export { DATA_FORMATS, isDataFormat, type DataFormat } from './data-format.ts';

export interface LoadResult {
  /** Undefined when any load error occurred: partial data must never be scored. */
  dataset: Dataset | undefined;
  issues: LocatedIssue[];
  /** For each merged fact index, where it came from (an array, or a compact table for large inputs). */
  origins: FactOrigins;
  recordOrigins: RecordOrigins;
  /** Records read and records after folding (absent when nothing was folded). */
  folding?: FoldingSummary;
}

/** What folding did: fact records read and fact records in the data set. */
export interface FoldingSummary {
  /** Fact records read, folded ones included. */
  read: number;
  /** Fact records in the data set. */
  facts: number;
  /** Per fact type, only the folded ones: records read and the records they became. */
  byType: Record<string, { read: number; facts: number }>;
}
export interface LoadOptions {
  /** Declared type of a fact field, used to type CSV and Excel cells. */
  fieldType?: FieldTypeLookup;
  /** Labels of enum values (`满意` → `satisfied`) accepted in CSV and Excel cells. */
  labels?: LabelLookup;
  /** Used when the inputs hold no units (schemes ship their roster). */
  roster?: Roster;
  /** A data set without any fact is an error (`data-no-facts`) unless this is set (e.g. reading a roster). */
  allowNoFacts?: boolean;
  limits?: Partial<Limits>;
  /** What `-` reads (default: the process's standard input) and its format (default: sniffed). */
  stdin?: AsyncIterable<Buffer | string>;
  stdinFormat?: DataFormat;
  /**
   * Fold single-vote records into counts as they are read (see engine/data/fold-plan.ts):
   * memory grows with units, not votes. Inputs read from a stream are never folded (a
   * folded record about a unit missing from the roster needs a second reading).
   */
  fold?: { scheme: Scheme; plan: FoldPlan };
  /** Reading large NDJSON files on reader threads; `false` reads everything on this thread. */
  parallel?: ParallelOptions | false;
}

/** Internal: the roster found by a first reading, so a second one keeps records about unknown units as they are. */
export type FoldOptions = NonNullable<LoadOptions['fold']> & { roster?: { units: string[]; parents: string[] } };

/** One input: a file, or bytes already in memory (an upload), or a stream (standard input). */
export type DataInput =
  | { path: string; format?: DataFormat; /** How problems name it (default: the path). */ name?: string }
  | { buffer: Buffer; name: string; format?: DataFormat }
  | { stream: AsyncIterable<Buffer | string>; name: string; format?: DataFormat };

/** The format a file name says, or undefined. */
export function formatOfName(name: string): DataFormat | undefined {
  const ext = extname(name).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.ndjson' || ext === '.jsonl') return 'ndjson';
  if (ext === '.csv') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  return undefined;
}

/**
 * Data files by path, in order; `-` is standard input. When votes fold, NDJSON
 * or CSV on standard input is first copied to a temporary file as it streams
 * (removed at the end) and read like a file: it folds (a folded record about a
 * unit missing from the roster needs a second reading, which a stream cannot
 * give) and a large one is read on the reader threads.
 */
export async function loadDataset(files: string[], opts: LoadOptions = {}): Promise<LoadResult> {
  const spools: string[] = [];
  const folds = opts.fold !== undefined && Object.keys(opts.fold.plan.types).length > 0;
  try {
    const inputs: DataInput[] = [];
    for (const path of files) {
      if (path !== '-') inputs.push({ path });
      else if (folds) inputs.push(await spoolStdin(opts.stdin ?? process.stdin, opts.stdinFormat, spools));
      else inputs.push({ stream: opts.stdin ?? process.stdin, name: '-', ...(opts.stdinFormat ? { format: opts.stdinFormat } : {}) });
    }
    return await readData(inputs, opts);
  } finally {
    await Promise.all(spools.map((d) => rm(d, { recursive: true, force: true })));
  }
}

/** Same as {@link loadDataset}: the name the server and the CLI share. */
export const readDataFiles = loadDataset;

/** One upload held in memory, e.g. an HTTP body. `format` defaults to the name's extension, else sniffed. */
export async function readDataBuffer(buffer: Buffer, opts: LoadOptions & { name: string; format?: DataFormat }): Promise<LoadResult> {
  return readData([{ buffer, name: opts.name, ...(opts.format ? { format: opts.format } : {}) }], opts);
}

/** Any inputs, merged in order into one data set. */
export async function readData(inputs: readonly DataInput[], opts: LoadOptions = {}): Promise<LoadResult> {
  const limits: Limits = { ...DEFAULT_LIMITS, ...limitsFromEnv(process.env), ...opts.limits };
  const reader = () => new CellReader(opts.fieldType, opts.labels);
  const fold = opts.fold as FoldOptions | undefined;
  const folding = fold !== undefined && Object.keys(fold.plan.types).length > 0 && inputs.every((i) => !('stream' in i));
  const roster = fold?.roster ? { units: new Set(fold.roster.units), parents: new Set(fold.roster.parents) } : undefined;
  const m = new Merge(folding ? new Folder(fold.scheme, fold.plan, roster) : undefined);
  const threads = new Threads(opts.parallel, folding ? fold : undefined);
  try {
    await threads.startAll(inputs.filter((i) => 'path' in i && (i.format ?? formatOfName(i.path)) === 'ndjson'), limits.maxLineBytes);
    for (const input of inputs) {
      const file = 'path' in input ? (input.name ?? input.path) : input.name;
      const [records, issues] = [m.count(), m.issues.length];
      await readOne(input, file, m, limits, reader, threads);
      // an empty input is not an error by itself (another file may bring the facts) but never silent
      if (m.count() === records && m.issues.length === issues) m.issue('data-empty-file', '', `文件中没有任何记录`, `the file holds no records`, { file }, 'warning');
    }
  } finally {
    await threads.close();
  }
  // the envelope checks make these casts true whenever the dataset is returned
  const { units, parents, facts, history } = m.records as unknown as Required<Omit<Dataset, 'scheme'>>;
  const dataset: Dataset = { units, facts };
  if (m.scheme) dataset.scheme = m.scheme.id;
  if (parents.length > 0) dataset.parents = parents;
  if (history.length > 0) dataset.history = history;
  if (units.length === 0 && opts.roster) {
    dataset.units = [...opts.roster.units];
    if (parents.length === 0 && opts.roster.parents) dataset.parents = [...opts.roster.parents];
  }
  let folded: LoadResult['folding'];
  if (m.folder && m.folder.groups.size > 0) {
    const records = m.folder.folded();
    // a folded record about a unit the roster lacks would be one problem where each vote is one:
    // read again knowing the roster, so each such vote is kept and reported at its own line
    const unitIds = dataset.units.map((u) => u.id);
    const parentIds = (dataset.parents ?? []).map((p) => p.id);
    if (!m.issues.some((i) => i.severity === 'error') && fold && !m.folder.verify(records, new Set(unitIds), new Set(parentIds))) {
      return readData(inputs, { ...opts, fold: fold.roster ? undefined : ({ ...fold, roster: { units: unitIds, parents: parentIds } } as FoldOptions) });
    }
    folded = { read: facts.length, facts: facts.length, byType: {} };
    for (const g of m.folder.groups.values()) {
      const type = String(g.record.type);
      const t = (folded.byType[type] ??= { read: 0, facts: 0 });
      t.read += g.records;
      t.facts++;
      folded.read += g.records;
      folded.facts++;
      m.origins.facts.pushLine(g.file, g.line);
    }
    for (const f of records) facts.push(f);
  }
  const failed = m.issues.some((i) => i.severity === 'error');
  if (!failed && facts.length === 0 && !opts.allowNoFacts) {
    m.issue('data-no-facts', '/facts', `没有任何事实记录:数据为空,无法评分`, `no fact records at all: nothing to score`, { file: inputs.map((i) => ('path' in i ? i.path : i.name)).join(', ') });
  }
  return {
    dataset: m.issues.some((i) => i.severity === 'error') ? undefined : dataset,
    issues: m.issues,
    origins: m.origins.facts,
    recordOrigins: { units: m.origins.units, parents: m.origins.parents, history: m.origins.history },
    ...(folded ? { folding: folded } : {}),
  };
}

async function readOne(input: DataInput, file: string, m: Merge, limits: Limits, reader: () => CellReader, threads: Threads): Promise<void> {
  let format = input.format ?? formatOfName(file);
  if ('path' in input) {
    if (format === undefined) {
      const ext = extname(file);
      m.issue('data-file', '', `不支持的文件类型“${ext || '(无扩展名)'}”,请使用 .json、.ndjson、.jsonl、.csv 或 .xlsx`, `unsupported file type "${ext}"; use .json, .ndjson, .jsonl, .csv or .xlsx`, { file });
      return;
    }
    const whole = format === 'json' ? limits.maxJsonBytes : format === 'xlsx' ? limits.maxXlsxBytes : Infinity;
    // `file` names it in problems; `path` is where it is read (standard input spooled to a file: `-` and a temporary file)
    const path = input.path;
    // the regular-file guard comes before any read: a FIFO or /dev/zero must not hang the run
    if (!(await isReadableFile(path, m, whole, file))) return;
    if (format === 'ndjson') {
      const started = threads.take(input);
      if (started) {
        try {
          return await mergeNdjsonParallel(started, m, limits.maxLineBytes);
        } catch (e) {
          return unreadable(file, e, m);
        }
      }
      return loadNdjson(createReadStream(path, { highWaterMark: 1 << 20 }), file, m, limits.maxLineBytes);
    }
    if (format === 'csv') return loadCsv(createReadStream(path), file, m, reader(), csvKind(file));
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (e) {
      return unreadable(file, e, m);
    }
    return format === 'json' ? loadJson(bytes.toString('utf8'), file, m) : loadXlsx(bytes, file, m, reader(), limits);
  }
  if ('stream' in input && (format === 'ndjson' || format === 'csv')) {
    return format === 'ndjson' ? loadNdjson(input.stream, file, m, limits.maxLineBytes) : loadCsv(Readable.from(input.stream), file, m, reader(), csvKind(file));
  }
  const bytes = 'buffer' in input ? input.buffer : await drain(input.stream, file, m, limits.maxStdinBytes);
  if (bytes === undefined) return;
  format ??= sniffFormat(bytes);
  const max = format === 'json' ? limits.maxJsonBytes : format === 'xlsx' ? limits.maxXlsxBytes : Infinity;
  if (bytes.length > max) return tooLarge(file, bytes.length, max, m);
  switch (format) {
    case 'json':
      return loadJson(bytes.toString('utf8'), file, m);
    case 'xlsx':
      return loadXlsx(bytes, file, m, reader(), limits);
    case 'ndjson':
      return loadNdjson([bytes], file, m, limits.maxLineBytes);
    case 'csv':
      return loadCsv(Readable.from([bytes]), file, m, reader(), csvKind(file));
    default:
      format satisfies never;
  }
}

/** A CSV file named units.csv, parents.csv or history.csv (or 单位.csv …) holds those records; any other, facts. */
function csvKind(file: string): RosterKind | undefined {
  return rosterKindOf(basename(file, extname(file)));
}

/** A stream read whole (to sniff its format or parse one JSON document), bounded by `max` bytes. */
async function drain(stream: AsyncIterable<Buffer | string>, file: string, m: Merge, max: number): Promise<Buffer | undefined> {
  const parts: Buffer[] = [];
  let size = 0;
  try {
    for await (const piece of stream) {
      const chunk = typeof piece === 'string' ? Buffer.from(piece) : piece;
      size += chunk.length;
      if (size > max) {
        tooLarge(file, size, max, m);
        return undefined;
      }
      parts.push(chunk);
    }
  } catch (e) {
    unreadable(file, e, m);
    return undefined;
  }
  return Buffer.concat(parts);
}

/**
 * Fill the location of data issues found after loading (by the engine) from
 * the origin of the record their pointer names. Issues that already carry a
 * file are left alone; returns new issue objects.
 */
export function annotateIssues(issues: readonly Issue[], origins: FactOrigins, recordOrigins?: RecordOrigins): LocatedIssue[] {
  return issues.map((issue) => {
    if (issue.source !== 'data' || issue.file !== undefined) return issue;
    const match = /^\/(units|parents|facts|history)\/(\d+)(?:\/|$)/.exec(issue.path);
    if (!match) return issue;
    const list: FactOrigins | undefined = match[1] === 'facts' ? origins : recordOrigins?.[match[1] as keyof RecordOrigins];
    const at = list?.at(Number(match[2]));
    if (!at) return issue;
    return { ...issue, ...located(at) };
  });
}
