import { readdirSync, existsSync, writeFileSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { checkCase, explainUnit, formatIssue, hasErrors, scoreScheme, type Issue, type SchemeCase } from '../engine/index.ts';
import { canonicalJson, DEFAULT_SCHEME_KEY_ORDER } from '../engine/format/canonical-json.ts';
import { annotateIssues, caseInput, formatLocatedIssue, loadInput, readJsonFile, type DataFormat } from '../io/index.ts';
import { loadScheme } from './load-scheme.ts';
import { rankedTable } from './print-table.ts';

export interface Io {
  out(s: string): void;
  err(s: string): void;
}

function printIssues(io: Io, issues: readonly Issue[]): void {
  for (const i of issues) io.err(formatLocatedIssue(i));
}

/** `pingyi validate <scheme-dir|scheme.json>`: every problem with its path; exit 1 on any error. */
export function validateCommand(io: Io, target: string): number {
  const loaded = loadScheme(target);
  printIssues(io, loaded.issues);
  if (hasErrors(loaded.issues) || !loaded.scheme) {
    io.err(`✗ ${loaded.file}: ${loaded.issues.filter((i) => i.severity === 'error').length} 个错误 errors`);
    return 1;
  }
  io.out(`✓ ${loaded.file} 有效 valid (${loaded.scheme.id} ${loaded.scheme.version})`);
  return 0;
}

/** `pingyi score <scheme-dir> <data…> [--json] [--explain <unit>]` */
export async function scoreCommand(io: Io, schemeDir: string, files: string[], opts: { json?: boolean; explain?: string; format?: DataFormat }): Promise<number> {
  const loaded = loadScheme(schemeDir);
  if (!loaded.scheme) {
    printIssues(io, loaded.issues);
    return 1;
  }
  const scheme = loaded.scheme;
  const data = await loadInput(loaded, files, loaded.roster, opts.format ? { stdinFormat: opts.format } : {});
  if (!data.dataset || hasErrors(data.issues)) {
    printIssues(io, data.issues);
    return 1;
  }
  const result = scoreScheme(scheme, data.dataset);
  const issues = annotateIssues(result.issues, data.origins, data.recordOrigins);
  if (opts.json) io.out(JSON.stringify({ ...result, issues }, null, 2));
  else {
    printIssues(io, issues);
    if (result.ok) io.out(rankedTable(scheme, result));
  }
  if (opts.explain !== undefined) {
    const u = result.units.find((x) => x.unit === opts.explain);
    if (!u) {
      io.err(`单位 ${opts.explain} 不在名单中 unit not in the roster`);
      return 1;
    }
    if (!opts.json) io.out('\n' + explainUnit(u));
  }
  return result.ok ? 0 : 1;
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
  const c = value as SchemeCase;
  const d = await caseInput(loaded, file, c);
  if (!d.dataset) return { name: c.name, failures: d.issues.map((i) => formatIssue(i)) };
  const result = scoreScheme(loaded.scheme, d.dataset);
  const failures = checkCase(result, c.expect).map((f) => `${f.where}: expected ${JSON.stringify(f.expected)}, got ${JSON.stringify(f.actual)}`);
  if (failures.length > 0 && c.expect.ok && !result.ok) failures.push(...result.issues.map((i) => formatIssue(i)));
  return { name: c.name, failures };
}

/** `pingyi test [<scheme-dir>…]`: run the scheme cases; all schemes when none is named. */
export async function testCommand(io: Io, dirs: string[], root: string): Promise<number> {
  const targets = dirs.length > 0 ? dirs : readdirSync(join(root, 'schemes')).map((d) => join(root, 'schemes', d)).filter((d) => existsSync(join(d, 'scheme.json')));
  let passed = 0;
  let failed = 0;
  for (const dir of targets) {
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
  return failed === 0 && passed > 0 ? 0 : 1;
}

/** `pingyi fmt <scheme.json> [--check]`: canonical formatting so scheme diffs stay clean. */
export function fmtCommand(io: Io, files: string[], check: boolean): number {
  let bad = 0;
  for (const f of files) {
    const file = existsSync(join(f, 'scheme.json')) ? join(f, 'scheme.json') : f;
    const { value, issues } = readJsonFile(file);
    if (value === undefined) {
      printIssues(io, issues);
      bad++;
      continue;
    }
    const text = canonicalJson(value, { keyOrder: DEFAULT_SCHEME_KEY_ORDER });
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
  return bad === 0 ? 0 : 1;
}
