/**
 * `pingyi diff <A> <B> [--data <file>] [--json | --markdown]`: what changed
 * between two versions of a scheme and, with data, whom it moves. A diff is
 * not a failure: exit 0 whatever it finds, 1 only when the input is bad.
 */
import { diffSchemes, formatIssue, impactOf, renderDiffMarkdown, renderDiffText, type Impact } from '../engine/index.ts';
import type { Io } from './commands.ts';
import { loadScheme } from './load-scheme.ts';
import { loadInput } from '../io/index.ts';

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
    const loaded = await loadInput(loadedB, [opts.data], loadedB.roster ?? loadedA.roster);
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
  return 0;
}
