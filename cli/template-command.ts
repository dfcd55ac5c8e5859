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
import type { ParsedArgs } from './args.ts';
import type { Io } from './commands.ts';
import { EXIT } from './exit-codes.ts';
import { commandHelp } from './help.ts';
import { loadScheme, type LoadedScheme } from './load-scheme.ts';

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
    return EXIT.input;
  }
  for (const [p, content] of files) {
    writeFileSync(p, content);
    io.out(`✎ ${p}`);
  }
  return EXIT.ok;
}

export async function templateCommand(io: Io, a: ParsedArgs): Promise<number> {
  if (a.bools.has('--xlsx') && a.bools.has('--csv')) {
    io.err('--xlsx 与 --csv 只能选一个 choose one of --xlsx and --csv');
    io.err(commandHelp('template'));
    return EXIT.usage;
  }
  const loaded = schemeOf(io, a.positional[0] as string);
  const scheme = loaded?.scheme;
  if (!loaded || !scheme) return EXIT.input;
  const base = `${scheme.id}-${scheme.version}-template`;
  const out = a.values.get('--out');
  if (a.bools.has('--csv')) {
    const dir = out ?? base;
    mkdirSync(dir, { recursive: true });
    return writeNew(io, [...templateCsv(scheme, loaded.roster)].map(([name, text]): [string, string] => [join(dir, name), text]));
  }
  const dir = out ?? '.';
  mkdirSync(dir, { recursive: true });
  return writeNew(io, [[join(dir, `${base}.xlsx`), await templateXlsx(scheme, loaded.roster)]]);
}

export function dataSchemaCommand(io: Io, a: ParsedArgs): number {
  const scheme = schemeOf(io, a.positional[0] as string)?.scheme;
  if (!scheme) return EXIT.input;
  const text = JSON.stringify(dataJsonSchema(scheme), null, 2) + '\n';
  const out = a.values.get('--out');
  if (out === undefined) {
    io.out(text.trimEnd());
    return EXIT.ok;
  }
  return writeNew(io, [[out, text]]);
}
