import type { Sink } from './json-stream.ts';
import { readdirSync, existsSync, writeFileSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { checkCase, checkCaseFile, formatIssue, nameYearIssues, schemeIssue, scoreScheme, type Issue, type SchemeCase } from '../engine/index.ts';
import { CanonicalJsonError, canonicalJson, DEFAULT_SCHEME_KEY_ORDER } from '../engine/format/canonical-json.ts';
import { EXIT } from './exit-codes.ts';
import { caseInput, formatLocatedIssue, readJsonFile } from '../io/index.ts';
import { loadScheme } from './load-scheme.ts';
import { resolveSchemePath } from './resolve-scheme.ts';

export interface Io {
  out(s: string): void;
  err(s: string): void;
  /** The output stream itself, for results written piece by piece (absent: pieces are joined and given to `out`). */
  stdout?: Sink;
  /** Standard output written by a thread of its own (cli/thread-sink.ts), for a large result; ended with `end`. */
  threadedStdout?: () => Sink & { end(): Promise<void> };
}

export function printIssues(io: Io, issues: readonly Issue[]): void {
  // formatLocatedIssue adds an Excel problem's sheet, row and column
  for (const i of issues) io.err(formatLocatedIssue(i));
}

/** How many problems `validate` prints before it summarises the rest by code (a huge scheme gives 100,000s). */
export const PRINT_LIMIT = 50;

/**
 * Print the first `limit` problems, then how many of each code there are in
 * all, so one broken array cannot flood the terminal for a minute.
 */
export function printCapped(io: Io, issues: readonly Issue[], limit = PRINT_LIMIT): void {
  printIssues(io, issues.slice(0, limit));
  if (issues.length <= limit) return;
  const byCode = new Map<string, number>();
  for (const i of issues) byCode.set(i.code, (byCode.get(i.code) ?? 0) + 1);
  io.err(`… 另有 ${issues.length - limit} 个问题未列出(共 ${issues.length} 个);加 --all 列出全部 — ${issues.length - limit} more not shown (${issues.length} in all); --all prints every one`);
  io.err('按代码计数 counts per code:');
  for (const [code, n] of [...byCode].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))) io.err(`  ${code}  ${n}`);
}

/** `pingyi validate <scheme-dir|scheme.json|id> [--all]`: every problem with its path; exit 1 on any error. */
export function validateCommand(io: Io, target: string, opts: { all?: boolean } = {}): number {
  const loaded = loadScheme(target);
  // a name that still says last year is the classic slip when a scheme is copied forward (docs/authoring.md §一)
  const issues = loaded.scheme ? [...loaded.issues, ...nameYearIssues(loaded.scheme).map((i) => ({ ...i, file: loaded.file }))] : loaded.issues;
  if (opts.all) printIssues(io, issues);
  else printCapped(io, issues);
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  if (errors > 0 || !loaded.scheme) {
    io.err(`✗ ${loaded.file}: ${errors} 个错误 errors${warnings ? `,${warnings} 个警告 warnings` : ''}`);
    return EXIT.input;
  }
  io.out(`✓ ${loaded.file} 有效 valid (${loaded.scheme.id} ${loaded.scheme.version})${warnings ? `,${warnings} 个警告 warnings` : ''}`);
  return EXIT.ok;
}

function caseFiles(dir: string): string[] {
  const d = join(dir, 'cases');
  if (!existsSync(d)) return [];
  return readdirSync(d)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.input.json'))
    .sort()
    .map((f) => join(d, f));
}

/** Run one case file; returns the failures (empty = pass). Exported for vitest. */
export async function runCaseFile(schemeDir: string, file: string): Promise<{ name: string; failures: string[] }> {
  const loaded = loadScheme(schemeDir);
  if (!loaded.scheme) return { name: basename(file), failures: loaded.issues.map((i) => formatIssue(i)) };
  const { value, issues } = readJsonFile(file, 'data');
  if (value === undefined) return { name: basename(file), failures: issues.map((i) => formatIssue(i)) };
  // a misspelled expectation key would check nothing: the file is checked against the case schema first
  const checked = checkCaseFile(value);
  if (!checked.case) return { name: basename(file), failures: checked.issues.map((i) => formatIssue({ ...i, file })) };
  const c: SchemeCase = checked.case;
  const d = await caseInput(loaded, file, c);
  if (!d.dataset) return { name: c.name, failures: d.issues.map((i) => formatIssue(i)) };
  const result = scoreScheme(loaded.scheme, d.dataset);
  const failures = checkCase(result, c.expect).map((f) => `${f.where}: expected ${JSON.stringify(f.expected)}, got ${JSON.stringify(f.actual)}`);
  if (failures.length > 0 && c.expect.ok && !result.ok) failures.push(...result.issues.map((i) => formatIssue(i)));
  return { name: c.name, failures };
}

/** `pingyi test [<scheme-dir>…]`: run the scheme cases; all schemes when none is named. */
export async function testCommand(io: Io, dirs: string[], root: string): Promise<number> {
  const targets = dirs.length > 0 ? dirs.map(resolveSchemePath) : readdirSync(join(root, 'schemes')).map((d) => join(root, 'schemes', d)).filter((d) => existsSync(join(d, 'scheme.json')));
  let passed = 0;
  let failed = 0;
  for (const dir of targets) {
    if (!existsSync(join(dir, 'scheme.json'))) {
      io.err(`✗ ${dir}: 不是方案目录或方案标识 not a scheme folder or scheme id`);
      failed++;
      continue;
    }
    const files = caseFiles(dir);
    if (files.length === 0) io.err(`! ${dir}: 没有测试用例 no cases`);
    for (const f of files) {
      const r = await runCaseFile(dir, f);
      if (r.failures.length === 0) {
        passed++;
        io.out(`✓ ${basename(dir)} / ${basename(f)} — ${r.name}`);
      } else {
        failed++;
        io.out(`✗ ${basename(dir)} / ${basename(f)} — ${r.name}`);
        for (const x of r.failures) io.out(`    ${x}`);
      }
    }
  }
  io.out(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? EXIT.ok : EXIT.input;
}

/** `pingyi fmt <scheme.json> [--check]`: canonical formatting so scheme diffs stay clean. */
export function fmtCommand(io: Io, files: string[], check: boolean): number {
  let bad = 0;
  for (const f of files) {
    const path = resolveSchemePath(f);
    const file = existsSync(join(path, 'scheme.json')) ? join(path, 'scheme.json') : path;
    const { value, issues } = readJsonFile(file);
    if (value === undefined) {
      printIssues(io, issues);
      bad++;
      continue;
    }
    let text: string;
    try {
      text = canonicalJson(value, { keyOrder: DEFAULT_SCHEME_KEY_ORDER });
    } catch (e) {
      // nesting deeper than the printer's declared limit: a located problem, not an internal error
      if (!(e instanceof CanonicalJsonError)) throw e;
      printIssues(io, [{ ...schemeIssue(e.code, e.path, e.zh, e.message), file }]);
      bad++;
      continue;
    }
    const current = readFileSync(file, 'utf8');
    if (current === text) io.out(`✓ ${file}`);
    else if (check) {
      io.out(`✗ ${file} 未按规范格式化 not canonically formatted`);
      bad++;
    } else {
      writeFileSync(file, text);
      io.out(`✎ ${file}`);
    }
  }
  return bad === 0 ? EXIT.ok : EXIT.input;
}
