/**
 * A reader thread: parses byte ranges of NDJSON files (io/parallel-ndjson.ts
 * sends them) and folds votes as it goes. It answers each range with the
 * records it kept, their kinds and range-relative lines, the line problems
 * and the fold groups; the main thread merges ranges in order and fixes the
 * lines. Runs from the TypeScript sources (through tsx) and from the bundle.
 */
import { fileChunks } from './file-chunks.ts';
import { parentPort } from 'node:worker_threads';
import type { FoldPlan } from '../engine/data/fold-plan.ts';
import type { Scheme } from '../engine/scheme/scheme.ts';
import type { Kind } from './data-merge.ts';
import { Folder, type FoldGroup } from './fold.ts';
import { parseNdjson, type NdjsonProblem } from './load-ndjson.ts';

export interface RangeTask {
  id: number;
  file: string;
  /** How problems and fold groups name the file (default: `file`; standard input spooled to a file is `-`). */
  name?: string | undefined;
  start: number;
  /** Exclusive. */
  end: number;
  maxLineBytes: number;
  /** Bytes read at a time (default 1 MiB; tests use tiny ones to cut lines across reads). */
  chunkBytes?: number;
  /** The scheme as JSON text (parsed once per thread) and its fold plan; absent: nothing folds. */
  fold?: { scheme: string; plan: FoldPlan; roster?: { units: string[]; parents: string[] } | undefined } | undefined;
}

export const KIND_CODES: readonly Kind[] = ['unit', 'parent', 'fact', 'history'];

export interface RangeDone {
  id: number;
  lines: number;
  /** The records kept, as JSON texts of batches (cheaper to send than objects) or, when JSON would change one, as objects. */
  records: unknown[] | { json: string[] };
  kinds: Uint8Array;
  recordLines: Uint32Array;
  problems: NdjsonProblem[];
  groups: FoldGroup[] | { json: string[] };
}

/** Whether JSON text would not give `v` back: -0 reads back as 0, Infinity and NaN as null. */
function changedByJson(v: unknown): boolean {
  if (typeof v === 'number') return !Number.isFinite(v) || Object.is(v, -0);
  if (v === null || typeof v !== 'object') return false;
  for (const x of Array.isArray(v) ? v : Object.values(v)) if (changedByJson(x)) return true;
  return false;
}

const BATCH = 50_000;

/** A list sent as JSON texts of batches (one text stays far below V8's string limit), or as it is. */
function packed<T>(list: T[], inner: (x: T) => unknown): T[] | { json: string[] } {
  if (list.some((x) => changedByJson(inner(x)))) return list;
  const json: string[] = [];
  for (let i = 0; i < list.length; i += BATCH) json.push(JSON.stringify(list.slice(i, i + BATCH)));
  return { json };
}

/**
 * Records sent as JSON texts of batches: a line read as JSON text is sent as it was read (parsing it again gives
 * the same record, -0 and all); the others are stringified, unless JSON would change one (then all go as objects).
 */
function packedRecords(records: unknown[], texts: ReadonlyArray<string | undefined>): unknown[] | { json: string[] } {
  if (records.some((r, i) => texts[i] === undefined && changedByJson(r))) return records;
  const json: string[] = [];
  for (let i = 0; i < records.length; i += BATCH) {
    const batch: string[] = [];
    for (let k = i; k < Math.min(i + BATCH, records.length); k++) batch.push(texts[k] ?? JSON.stringify(records[k]));
    json.push(`[${batch.join(',')}]`);
  }
  return { json };
}

/** The list a {@link packed} list stands for. */
export function unpacked<T>(p: T[] | { json: string[] }): T[] {
  return Array.isArray(p) ? p : p.json.flatMap((text) => JSON.parse(text) as T[]);
}

let schemeText = '';
let scheme: Scheme | undefined;

/** A range parsed, its records as they are (a thread packs them to send; this thread keeps them). */
export interface RangeRead {
  lines: number;
  records: unknown[];
  /** Each record's JSON: the line itself when it is the record as it stands, else undefined (empty when not kept). */
  texts: Array<string | undefined>;
  kinds: number[];
  recordLines: number[];
  problems: NdjsonProblem[];
  groups: FoldGroup[];
}

/**
 * Parse one range of a file (votes folded into `folder`'s groups). `texts`: keep each record's line to send it
 * as text (a thread); the main thread keeps only the records (their lines would double a case file's memory).
 */
export async function readRange(task: Omit<RangeTask, 'id' | 'fold'>, folder: Folder | undefined, texts = true): Promise<RangeRead> {
  const out: RangeRead = { lines: 0, records: [], texts: [], kinds: [], recordLines: [], problems: [], groups: [] };
  const stream = task.end > task.start ? fileChunks(task.file, task.start, task.end, task.chunkBytes) : [];
  out.lines = await parseNdjson(stream, { file: task.name ?? task.file, maxLineBytes: task.maxLineBytes, fileStart: task.start === 0, folder }, {
    record: (kind, rec, line, text) => {
      out.records.push(rec);
      if (texts) out.texts.push(text);
      out.kinds.push(KIND_CODES.indexOf(kind));
      out.recordLines.push(line);
    },
    problem: (p) => void out.problems.push(p),
  });
  out.groups = folder ? [...folder.groups.values()] : [];
  return out;
}

async function run(task: RangeTask): Promise<RangeDone> {
  let folder: Folder | undefined;
  if (task.fold) {
    // parsed once per thread: the per-record field validators are compiled once per scheme object
    if (task.fold.scheme !== schemeText || scheme === undefined) [schemeText, scheme] = [task.fold.scheme, JSON.parse(task.fold.scheme) as Scheme];
    const r = task.fold.roster;
    folder = new Folder(scheme, task.fold.plan, r ? { units: new Set(r.units), parents: new Set(r.parents) } : undefined);
  }
  const read = await readRange(task, folder);
  return {
    id: task.id,
    lines: read.lines,
    records: packedRecords(read.records, read.texts),
    kinds: Uint8Array.from(read.kinds),
    recordLines: Uint32Array.from(read.recordLines),
    problems: read.problems,
    groups: packed(read.groups, (g) => g.record),
  };
}

// one range at a time, in the order sent: ranges of files started ahead wait their turn instead of
// interleaving with the one the main thread needs first
let queue: Promise<void> = Promise.resolve();
parentPort?.on('message', (task: RangeTask) => {
  queue = queue.then(() =>
    run(task).then(
      (done) => parentPort?.postMessage(done, [done.kinds.buffer as ArrayBuffer, done.recordLines.buffer as ArrayBuffer]),
      (e: unknown) => parentPort?.postMessage({ id: task.id, error: (e as Error)?.message ?? String(e) }),
    ),
  );
});
