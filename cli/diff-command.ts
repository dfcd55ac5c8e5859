/**
 * `pingyi diff <A> <B> [--data <file>] [--json | --markdown]`: what changed
 * between two versions of a scheme and, with data, whom it moves. A diff is
 * not a failure: exit 0 whatever it finds; 1 when a scheme or the data is bad
 * (an impact computed on data that fails under either version would show the
 * load failure, not the rule change, so it is refused); 2 on a usage error.
 */
import { diffSchemes, displayDigits, displayNumber, formatIssue, hasErrors, impactOf, renderDiffMarkdown, renderDiffText, shownDelta, type Impact, type Issue } from '../engine/index.ts';
import type { ParsedArgs } from './args.ts';
import type { Io } from './commands.ts';
import { EXIT } from './exit-codes.ts';
import { commandHelp } from './help.ts';
import { annotateIssues, loadInput } from '../io/index.ts';
import { loadScheme, type LoadedScheme } from './load-scheme.ts';

export async function diffCommand(io: Io, args: ParsedArgs): Promise<number> {
  if (args.bools.has('--json') && args.bools.has('--markdown')) {
    io.err('--json 与 --markdown 只能选一个 choose one of --json and --markdown');
    io.err(commandHelp('diff'));
    return EXIT.usage;
  }
  const format = args.bools.has('--json') ? 'json' : args.bools.has('--markdown') ? 'markdown' : 'text';
  const dataFile = args.values.get('--data');
  const loadedA = loadScheme(args.positional[0] as string);
  const loadedB = loadScheme(args.positional[1] as string);
  let bad = false;
  for (const loaded of [loadedA, loadedB]) {
    if (loaded.scheme) continue;
    for (const i of loaded.issues) io.err(formatIssue(i));
    io.err(`✗ ${loaded.file}: 方案无效,无法比较 invalid scheme, cannot compare`);
    bad = true;
  }
  const a = loadedA.scheme;
  const b = loadedB.scheme;
  if (bad || !a || !b) return EXIT.input;

  const changes = diffSchemes(a, b);
  let impact: Impact | undefined;
  if (dataFile !== undefined) {
    // B's roster is the one the new version is meant for; A's serves when B's folder has none (a scratch copy)
    const loaded = await loadInput(loadedB, [dataFile], loadedB.roster ?? loadedA.roster);
    if (!loaded.dataset || hasErrors(loaded.issues)) {
      for (const i of loaded.issues) io.err(formatIssue(i));
      io.err(`✗ ${dataFile}: 数据无法读取,不计算影响 cannot load the data; no impact computed`);
      return EXIT.input;
    }
    // a new year's draft has next year's window; last year's data can still show what the rule changes do
    const sameWindow = args.bools.has('--same-window');
    const bScored = sameWindow && a.window ? { ...b, window: a.window } : b;
    impact = impactOf(a, bScored, loaded.dataset);
    const sides: Array<[string, LoadedScheme, Issue[]]> = [
      ['A', loadedA, impact.issues.before],
      ['B', loadedB, impact.issues.after],
    ];
    let refused = false;
    for (const [side, l, issues] of sides) {
      const errors = annotateIssues(issues, loaded.origins, loaded.recordOrigins).filter((i) => i.severity === 'error');
      if (errors.length === 0) continue;
      refused = true;
      for (const i of errors) io.err(formatIssue(i));
      io.err(`✗ 按方案 ${side}(${l.scheme?.id} ${l.scheme?.version},${l.file})计分时数据有 ${errors.length} 个错误 — the data has ${errors.length} error(s) under scheme ${side}`);
    }
    const windowOnly = impact.issues.after.length > 0 && impact.issues.after.every((i) => i.severity !== 'error' || i.code === 'outside-window');
    if (refused && windowOnly && !sameWindow && a.window && JSON.stringify(a.window) !== JSON.stringify(b.window)) {
      io.err(`提示:B 的认定期间(${b.window?.from ?? '无'} 至 ${b.window?.to ?? '无'})与 A 不同,数据属于 A 的期间。加 --same-window 按 A 的认定期间计算两版,只比较其余规则的变化。`);
      io.err("hint: B's window differs from A's and the data belongs to A's; add --same-window to score both versions on A's window and compare the other rule changes.");
    }
    if (refused) {
      io.err('影响无从比较:结果的差别将来自数据错误而非规则变化,已拒绝计算。请先修正数据(或去掉 --data 只看规则差异)。');
      io.err('No impact: the difference would show the data errors, not the rule change. Fix the data, or leave out --data to see the rule changes only.');
      return EXIT.input;
    }
  }

  if (impact && args.bools.has('--same-window') && a.window) io.err(`注意 note: 影响按 A 的认定期间 ${a.window.from} 至 ${a.window.to} 计算两版 — impact scored on A's window for both versions`);
  const report = { a: { id: a.id, version: a.version, name: a.name }, b: { id: b.id, version: b.version, name: b.name }, changes, ...(impact ? { impact } : {}) };
  // one display precision for totals, as the ranked table of the new version shows them
  const digits = displayDigits(b);
  if (format === 'json') io.out(JSON.stringify({ changes, ...(impact ? { impact: impactAtPrecision(impact, digits) } : {}), display: { digits } }, null, 2));
  else if (format === 'markdown') io.out(renderDiffMarkdown(report, { digits }).trimEnd());
  else io.out(renderDiffText(report, { digits }));
  return EXIT.ok;
}

function impactAtPrecision(impact: Impact, digits: number): Impact {
  const at = (v: number | null) => (v === null ? null : displayNumber(v, digits));
  return { ...impact, units: impact.units.map((u) => ({ ...u, total: { before: at(u.total.before), after: at(u.total.after) }, delta: shownDelta(u, digits) })) };
}
