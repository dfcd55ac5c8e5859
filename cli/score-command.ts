/**
 * `pingyi score <scheme> <data…> [--json] [--explain <unit>]`: the ranked
 * table, every warning of loading and scoring, and how complete the data is.
 * Data without a single fact is an error: a ranking of nothing is not a result.
 */
import { dataCompleteness, dataIssue, displayDigits, displayNumber, explainUnit, hasErrors, scoreScheme, type Issue, type RunResult } from '../engine/index.ts';
import type { Io } from './commands.ts';
import { printIssues } from './commands.ts';
import { completenessText } from './completeness-text.ts';
import { EXIT } from './exit-codes.ts';
import { annotateIssues, loadInput, type DataFormat } from '../io/index.ts';
import { loadScheme } from './load-scheme.ts';
import { consequencesText, rankedTable } from './print-table.ts';

const noFacts = (files: string[]): Issue => ({
  ...dataIssue(
    'data-no-facts',
    '/facts',
    `数据中没有任何事实记录(${files.join('、')}):没有数据无从计分排名`,
    `the data holds no facts at all (${files.join(', ')}): there is nothing to score or rank`,
  ),
});

/** Totals in --json at the declared display precision, like the table; the traces keep the computed points. */
function atDisplayPrecision(r: RunResult, digits: number): RunResult {
  return {
    ...r,
    units: r.units.map((u) => ({ ...u, inTotal: displayNumber(u.inTotal, digits), outsideTotal: displayNumber(u.outsideTotal, digits), total: displayNumber(u.total, digits) })),
  };
}

export async function scoreCommand(io: Io, schemeDir: string, files: string[], opts: { json?: boolean; explain?: string; format?: DataFormat }): Promise<number> {
  const loaded = loadScheme(schemeDir);
  if (!loaded.scheme) {
    printIssues(io, loaded.issues);
    return EXIT.input;
  }
  const scheme = loaded.scheme;
  const data = await loadInput(loaded, files, loaded.roster, opts.format ? { stdinFormat: opts.format } : {});
  // the roster's own problems (source `data`) come with the data from io, once
  const loadIssues = [...loaded.issues.filter((i) => i.source !== 'data'), ...data.issues];
  if (data.dataset && data.dataset.facts.length === 0) loadIssues.push(noFacts(files));
  if (!data.dataset || hasErrors(loadIssues)) {
    if (opts.json) io.out(JSON.stringify({ ok: false, issues: loadIssues }, null, 2));
    else printIssues(io, loadIssues);
    io.err(`✗ 数据有 ${loadIssues.filter((i) => i.severity === 'error').length} 个错误,未计分 the data has errors; nothing was scored`);
    return EXIT.input;
  }
  const result = scoreScheme(scheme, data.dataset);
  // every warning reaches the user: the loader's (unknown keys, empty files…) and the engine's
  const issues = [...loadIssues, ...annotateIssues(result.issues, data.origins, data.recordOrigins)];
  const digits = displayDigits(scheme);
  const completeness = dataCompleteness(scheme, data.dataset, result);
  const explained = opts.explain === undefined ? undefined : result.units.find((x) => x.unit === opts.explain);
  if (opts.json) {
    io.out(JSON.stringify({ ...atDisplayPrecision(result, digits), issues, completeness, display: { digits } }, null, 2));
  } else {
    printIssues(io, issues);
    if (result.ok) {
      io.out(rankedTable(scheme, result, digits));
      const parents = new Map((data.dataset.parents ?? []).map((p) => [p.id, p.name]));
      const cons = consequencesText(result, (id) => parents.get(id));
      if (cons) io.out('\n' + cons);
    }
    io.out('\n' + completenessText(completeness));
    if (explained) io.out('\n' + explainUnit(explained, { digits, classNames: new Map(result.classes.map((c) => [c.id, c.name])) }));
  }
  if (opts.explain !== undefined && !explained) {
    io.err(`单位 ${opts.explain} 不在名单中 unit not in the roster`);
    return EXIT.input;
  }
  if (!result.ok) io.err(`✗ 计分时发现 ${result.issues.filter((i) => i.severity === 'error').length} 个错误 errors while scoring`);
  else if (issues.length > 0) io.err(`${issues.length} 个警告 warnings`);
  return result.ok ? EXIT.ok : EXIT.input;
}
