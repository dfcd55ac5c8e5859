/**
 * `pingyi score <scheme> <data…> [--json] [--explain <unit>] [--timings]`: the
 * ranked table, every warning of loading and scoring, and how complete the
 * data is. Data without a single fact is an error: a ranking of nothing is not
 * a result. Votes are folded into counts as they are read (io/fold.ts); the
 * JSON result is written unit by unit (cli/json-stream.ts).
 */
import { COMPACT_FORMAT, COMPACT_FORMAT_VERSION, CompactDefs, CompletenessTally, dataCompleteness, dataIssue, scoreRun, displayDigits, displayNumber, explainUnit, foldPlan, hasErrors, scoreScheme, type Completeness, type Issue, type UnitResult } from '../engine/index.ts';
import type { Io } from './commands.ts';
import { writeJson, type Sink } from './json-stream.ts';
import { printIssues } from './commands.ts';
import { completenessText } from './completeness-text.ts';
import { EXIT } from './exit-codes.ts';
import { annotateIssues, loadInput, type DataFormat, type LoadResult } from '../io/index.ts';
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
function atDisplayPrecision(u: UnitResult, digits: number): UnitResult {
  return { ...u, inTotal: displayNumber(u.inTotal, digits), outsideTotal: displayNumber(u.outsideTotal, digits), total: displayNumber(u.total, digits) };
}

/**
 * Completeness counts the records as the files hold them: votes folded into
 * counts while reading are counted as the records they were.
 */
function asRead(c: Completeness, folding: LoadResult['folding']): Completeness {
  if (!folding) return c;
  return {
    ...c,
    facts: c.facts - folding.facts + folding.read,
    factTypes: c.factTypes.map((t) => {
      const f = folding.byType[t.factType];
      return f ? { ...t, facts: t.facts - f.facts + f.read } : t;
    }),
  };
}

/** Collects the pieces when there is no output stream (an Io of a test). */
function joined(io: Io): { sink: Sink; end(): void } {
  const parts: string[] = [];
  const sink: Sink = { write: (s) => (parts.push(s), true), once: () => sink, removeListener: () => sink };
  return { sink, end: () => io.out(parts.join('').replace(/\n$/, '')) };
}

interface Timings {
  start: number;
  read?: number;
  score?: number;
  facts: number;
  folded: number;
}

/** `timings {…}` on stderr: one line, parsed by the bench (keep the format). */
function printTimings(io: Io, t: Timings): void {
  const end = performance.now();
  const read = t.read ?? end;
  const score = t.score ?? read;
  const line = {
    readMs: Math.round(read - t.start),
    scoreMs: Math.round(score - read),
    writeMs: Math.round(end - score),
    facts: t.facts,
    folded: t.folded,
    // reader threads are threads of this process: their memory is in this figure
    maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  io.err(`timings ${JSON.stringify(line)}`);
}

export async function scoreCommand(io: Io, schemeDir: string, files: string[], opts: { json?: boolean; full?: boolean; explain?: string; format?: DataFormat; timings?: boolean }): Promise<number> {
  const t: Timings = { start: performance.now(), facts: 0, folded: 0 };
  const code = await score(io, schemeDir, files, opts, t);
  if (opts.timings) printTimings(io, t);
  return code;
}

async function score(io: Io, schemeDir: string, files: string[], opts: { json?: boolean; full?: boolean; explain?: string; format?: DataFormat }, t: Timings): Promise<number> {
  const loaded = loadScheme(schemeDir);
  if (!loaded.scheme) {
    printIssues(io, loaded.issues);
    return EXIT.input;
  }
  const scheme = loaded.scheme;
  const data = await loadInput(loaded, files, loaded.roster, { ...(opts.format ? { stdinFormat: opts.format } : {}), fold: { scheme, plan: foldPlan(scheme) } });
  t.read = performance.now();
  const factCount = data.dataset?.facts.length ?? 0;
  [t.facts, t.folded] = [data.folding ? factCount - data.folding.facts + data.folding.read : factCount, factCount];
  // the roster's own problems (source `data`) come with the data from io, once
  const loadIssues = [...loaded.issues.filter((i) => i.source !== 'data'), ...data.issues];
  if (data.dataset && data.dataset.facts.length === 0) loadIssues.push(noFacts(files));
  if (!data.dataset || hasErrors(loadIssues)) {
    t.score = performance.now();
    if (opts.json) io.out(JSON.stringify({ ok: false, issues: loadIssues }, null, 2));
    else printIssues(io, loadIssues);
    io.err(`✗ 数据有 ${loadIssues.filter((i) => i.severity === 'error').length} 个错误,未计分 the data has errors; nothing was scored`);
    return EXIT.input;
  }
  const digits = displayDigits(scheme);
  if (opts.json) {
    // a province: each unit's trace is made as it is written, and the completeness summed up on the way
    const run = scoreRun(scheme, data.dataset);
    const result = run.result;
    const issues = [...loadIssues, ...annotateIssues(result.issues, data.origins, data.recordOrigins)];
    const tally = new CompletenessTally(scheme, data.dataset);
    const dataset = data.dataset;
    t.score = performance.now();
    // JSON.stringify's 2-space indentation, but one unit per line (its trace unindented), written unit by unit, and one issue per line
    const threaded = io.threadedStdout?.();
    const out = threaded ? { sink: threaded, end: () => threaded.end() } : io.stdout ? { sink: io.stdout, end: () => undefined } : joined(io);
    // the compact document states each rule, clause and indicator once, in `defs` (engine/run/compact-result.ts);
    // --full writes every unit's trace whole, as before issue #22
    const defs = opts.full ? undefined : new CompactDefs();
    const head = defs ? { format: COMPACT_FORMAT, formatVersion: COMPACT_FORMAT_VERSION } : {};
    const top = { ...head, ...result, units: [], issues, completeness: () => asRead(tally.done(), data.folding), display: { digits }, ...(defs ? { defs: () => defs.defs } : {}) };
    const unit = (i: number) => {
      const u = run.unit(i);
      tally.add(u);
      const shown = atDisplayPrecision(u, digits);
      return defs ? defs.unit(shown) : shown;
    };
    try {
      await writeJson(out.sink, top, 'units', run.unitCount, unit, { compactItems: true, compactArrays: ['issues', 'defs'] });
    } finally {
      // the writer thread ends here whatever happened (a live thread would keep the process from exiting)
      await out.end();
    }
    if (opts.explain !== undefined && !dataset.units.some((u) => u.id === opts.explain)) {
      io.err(`单位 ${opts.explain} 不在名单中 unit not in the roster`);
      return EXIT.input;
    }
    return finish(io, result.ok, result.issues, issues);
  }
  const result = scoreScheme(scheme, data.dataset);
  // every warning reaches the user: the loader's (unknown keys, empty files…) and the engine's
  const issues = [...loadIssues, ...annotateIssues(result.issues, data.origins, data.recordOrigins)];
  const completeness = asRead(dataCompleteness(scheme, data.dataset, result), data.folding);
  const explained = opts.explain === undefined ? undefined : result.units.find((x) => x.unit === opts.explain);
  t.score = performance.now();
  printIssues(io, issues);
  if (result.ok) {
    io.out(rankedTable(scheme, result, digits));
    const parents = new Map((data.dataset.parents ?? []).map((p) => [p.id, p.name]));
    const cons = consequencesText(result, (id) => parents.get(id));
    if (cons) io.out('\n' + cons);
  }
  io.out('\n' + completenessText(completeness));
  if (explained) io.out('\n' + explainUnit(explained, { digits, classNames: new Map(result.classes.map((c) => [c.id, c.name])) }));
  if (opts.explain !== undefined && !explained) {
    // after scoring errors there are no results to explain; the unit may well be in the roster
    if (!result.ok && data.dataset.units.some((u) => u.id === opts.explain)) {
      io.err(`计分有错误,无法说明单位 ${opts.explain} 的得分;请先修正上面的错误 — scoring failed, so unit ${opts.explain} cannot be explained; fix the errors above first`);
    } else io.err(`单位 ${opts.explain} 不在名单中 unit not in the roster`);
    return EXIT.input;
  }
  return finish(io, result.ok, result.issues, issues);
}

/** The closing line on stderr and the exit code. */
function finish(io: Io, ok: boolean, scoring: readonly Issue[], all: readonly Issue[]): number {
  if (!ok) io.err(`✗ 计分时发现 ${scoring.filter((i) => i.severity === 'error').length} 个错误 errors while scoring`);
  else if (all.length > 0) io.err(`${all.length} 个警告 warnings`);
  return ok ? EXIT.ok : EXIT.input;
}
