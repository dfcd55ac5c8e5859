/**
 * `pingyi diff <A> <B> [--data <file>] [--json | --markdown]`: what changed
 * between two versions of a scheme and, with data, whom it moves. A diff is
 * not a failure: exit 0 whatever it finds, 1 only when the input is bad.
 */
import { dirname, resolve } from 'node:path';
import { diffSchemes, formatIssue, impactOf, renderDiffMarkdown, renderDiffText, type Dataset, type Impact, type Issue, type Roster, type SchemeCase } from '../engine/index.ts';
import type { Io } from './commands.ts';
import { loadDataset, type FieldTypeLookup } from './load-data.ts';
import { loadScheme, type LoadedScheme } from './load-scheme.ts';
import { readJsonFile } from './read-json.ts';

const USAGE = `用法 usage: pingyi diff <A> <B> [--data <数据文件或用例 data file or case>] [--json | --markdown]
  A、B:方案目录或 scheme.json — scheme folders or scheme.json files`;

interface Options {
  a: string;
  b: string;
  data?: string;
  format: 'text' | 'json' | 'markdown';
}

function parseArgs(args: readonly string[]): Options | string {
  const positional: string[] = [];
  let data: string | undefined;
  const formats = new Set<'json' | 'markdown'>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--data') {
      data = args[++i];
      if (data === undefined) return '--data 后须给出文件 --data needs a file';
    } else if (arg === '--json') formats.add('json');
    else if (arg === '--markdown') formats.add('markdown');
    else if (arg.startsWith('--')) return `未知选项 unknown option: ${arg}`;
    else positional.push(arg);
  }
  if (formats.size > 1) return '--json 与 --markdown 只能选一个 choose one of --json and --markdown';
  const [a, b, ...rest] = positional;
  if (a === undefined || b === undefined || rest.length > 0) return '须给出两个方案 give exactly two schemes';
  return { a, b, format: [...formats][0] ?? 'text', ...(data !== undefined ? { data } : {}) };
}

export async function diffCommand(io: Io, args: string[]): Promise<number> {
  const opts = parseArgs(args);
  if (typeof opts === 'string') {
    io.err(opts);
    io.err(USAGE);
    return 1;
  }
  const loadedA = loadScheme(opts.a);
  const loadedB = loadScheme(opts.b);
  let bad = false;
  for (const loaded of [loadedA, loadedB]) {
    if (loaded.scheme) continue;
    for (const i of loaded.issues) io.err(formatIssue(i));
    io.err(`✗ ${loaded.file}: 方案无效,无法比较 invalid scheme, cannot compare`);
    bad = true;
  }
  const a = loadedA.scheme;
  const b = loadedB.scheme;
  if (bad || !a || !b) return 1;

  const changes = diffSchemes(a, b);
  let impact: Impact | undefined;
  if (opts.data !== undefined) {
    // B's roster is the one the new version is meant for; A's serves when B's folder has none (a scratch copy)
    const loaded = await loadData(opts.data, loadedB, loadedB.roster ?? loadedA.roster);
    if (!loaded.dataset) {
      for (const i of loaded.issues) io.err(formatIssue(i));
      io.err(`✗ ${opts.data}: 数据无法读取 cannot load the data`);
      return 1;
    }
    impact = impactOf(a, b, loaded.dataset);
  }

  const report = { a: { id: a.id, version: a.version, name: a.name }, b: { id: b.id, version: b.version, name: b.name }, changes, ...(impact ? { impact } : {}) };
  if (opts.format === 'json') io.out(JSON.stringify({ changes, ...(impact ? { impact } : {}) }, null, 2));
  else if (opts.format === 'markdown') io.out(renderDiffMarkdown(report).trimEnd());
  else io.out(renderDiffText(report));
  await stdoutFlushed();
  return 0;
}

/**
 * main() ends with process.exit(), and writes to a pipe are asynchronous in
 * Node: a large diff (--json with an impact over a whole roster) would be cut
 * off. The callback of an empty write runs once everything before it is out.
 */
function stdoutFlushed(): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.writableLength === 0) resolve();
    else process.stdout.write('', () => resolve());
  });
}

/** Declared type of a fact field in scheme B, so that CSV cells are read as numbers and booleans. */
function fieldTypes(loaded: LoadedScheme): FieldTypeLookup {
  return (factType, field) => {
    const ft = loaded.scheme?.factTypes.find((f) => f.id === factType);
    const prop = ft?.fields.properties[field] as { type?: unknown; enum?: unknown[] } | undefined;
    if (prop?.type === 'number' || prop?.type === 'integer' || prop?.type === 'boolean' || prop?.type === 'string') return prop.type;
    return prop?.enum?.every((v) => typeof v === 'string') ? 'string' : undefined;
  };
}

/**
 * A data file (JSON, NDJSON, CSV), or a scheme case file whose `input` is the
 * data set (inline, or a file beside the case). Data without units is scored
 * on the roster of scheme B's folder
 * (or A's, when B's folder has none).
 */
async function loadData(file: string, loadedB: LoadedScheme, roster: Roster | undefined): Promise<{ dataset: Dataset | undefined; issues: Issue[] }> {
  const opts = { fieldType: fieldTypes(loadedB), ...(roster ? { roster } : {}) };
  if (file.toLowerCase().endsWith('.json')) {
    const { value } = readJsonFile(file, 'data');
    if (isCase(value)) {
      const input = value.input;
      if (typeof input === 'string') return loadDataset([resolve(dirname(file), input)], opts);
      if (typeof input !== 'object' || input === null || Array.isArray(input)) {
        return { dataset: undefined, issues: [{ code: 'case-input', path: '/input', message: { zh: '用例的 input 须为数据对象或文件名', en: 'the input of a case must be a data object or a file name' }, severity: 'error', source: 'data', file }] };
      }
      let dataset: Dataset = { ...input, units: input.units ?? [], facts: input.facts ?? [] };
      if (dataset.units.length === 0 && roster) dataset = { ...dataset, units: roster.units, parents: roster.parents ?? [] };
      return { dataset, issues: [] };
    }
  }
  // not a case (or not readable as JSON): the loader reports syntax errors with line and column
  return loadDataset([file], opts);
}

function isCase(v: unknown): v is SchemeCase {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'input' in v && 'expect' in v;
}
