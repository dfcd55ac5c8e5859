/**
 * `pingyi template <scheme> [--xlsx | --csv] [--out <dir>]`: the data template
 * of a scheme, so an office fills in the right columns (one sheet or file per
 * fact type, plus units, parents, history; allowed values; a sample row).
 * `pingyi data-schema <scheme> [--out <file>]`: the JSON Schema of its data
 * files (usable as `"$schema"` in a data file).
 * Both only write new files: a clerk's filled-in units.csv is never replaced.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatIssue } from '../engine/index.ts';
import { dataJsonSchema, templateCsv, templateXlsx } from '../io/index.ts';
import type { Io } from './commands.ts';
import { loadScheme, type LoadedScheme } from './load-scheme.ts';

const TEMPLATE_USAGE = '用法 usage: pingyi template <方案目录 scheme-dir> [--xlsx | --csv] [--out <目录 dir>]';
const SCHEMA_USAGE = '用法 usage: pingyi data-schema <方案目录 scheme-dir> [--out <文件 file>]';

interface Parsed { target: string; flags: Set<string>; out?: string }

function parse(args: readonly string[], known: readonly string[]): Parsed | string {
  const flags = new Set<string>();
  const positional: string[] = [];
  let out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--out') {
      out = args[++i];
      if (out === undefined) return '--out 后须给出路径 --out needs a path';
    } else if (known.includes(a)) flags.add(a);
    else if (a.startsWith('--')) return `未知选项 unknown option: ${a}`;
    else positional.push(a);
  }
  const [target, ...rest] = positional;
  if (target === undefined || rest.length > 0) return '须给出一个方案 give one scheme';
  return { target, flags, ...(out !== undefined ? { out } : {}) };
}

function schemeOf(io: Io, target: string): LoadedScheme | undefined {
  const loaded = loadScheme(target);
  if (loaded.scheme) return loaded;
  for (const i of loaded.issues) io.err(formatIssue(i));
  io.err(`✗ ${loaded.file}: 方案无效 invalid scheme`);
  return undefined;
}

/** Write files that do not exist yet; refuse all when any exists. */
function writeNew(io: Io, files: ReadonlyArray<[path: string, content: string | Buffer]>): number {
  const taken = files.filter(([p]) => existsSync(p)).map(([p]) => p);
  if (taken.length > 0) {
    for (const p of taken) io.err(`✗ ${p} 已存在,未覆盖 exists, not overwritten`);
    io.err('请用 --out 指定一个新目录 choose a new folder with --out');
    return 1;
  }
  for (const [p, content] of files) {
    writeFileSync(p, content);
    io.out(`✎ ${p}`);
  }
  return 0;
}

export async function templateCommand(io: Io, args: string[]): Promise<number> {
  const p = parse(args, ['--xlsx', '--csv']);
  if (typeof p === 'string' || (p.flags.has('--xlsx') && p.flags.has('--csv'))) {
    io.err(typeof p === 'string' ? p : '--xlsx 与 --csv 只能选一个 choose one of --xlsx and --csv');
    io.err(TEMPLATE_USAGE);
    return 2;
  }
  const loaded = schemeOf(io, p.target);
  const scheme = loaded?.scheme;
  if (!loaded || !scheme) return 1;
  const base = `${scheme.id}-${scheme.version}-template`;
  if (p.flags.has('--csv')) {
    const dir = p.out ?? base;
    mkdirSync(dir, { recursive: true });
    return writeNew(io, [...templateCsv(scheme, loaded.roster)].map(([name, text]): [string, string] => [join(dir, name), text]));
  }
  const dir = p.out ?? '.';
  mkdirSync(dir, { recursive: true });
  return writeNew(io, [[join(dir, `${base}.xlsx`), await templateXlsx(scheme, loaded.roster)]]);
}

export function dataSchemaCommand(io: Io, args: string[]): number {
  const p = parse(args, []);
  if (typeof p === 'string') {
    io.err(p);
    io.err(SCHEMA_USAGE);
    return 2;
  }
  const scheme = schemeOf(io, p.target)?.scheme;
  if (!scheme) return 1;
  const text = JSON.stringify(dataJsonSchema(scheme), null, 2) + '\n';
  if (p.out === undefined) {
    io.out(text.trimEnd());
    return 0;
  }
  return writeNew(io, [[p.out, text]]);
}
