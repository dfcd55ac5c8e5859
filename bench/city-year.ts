/**
 * Part of `npm run bench` (bench/main.ts): score a synthetic city-year (2,000 units, 1,000,000 votes,
 * 100,000 cases) under pingyang-2021, and compare the compiled rule
 * conditions with json-rules-engine on a 10,000-fact sample. Prints figures
 * only; throws BenchFailure when the data is rejected or the two evaluators disagree.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Engine, type TopLevelCondition } from 'json-rules-engine';
import {
  checkDataset,
  compileCondition,
  formatIssue,
  METHODS,
  scoreScheme,
  validateScheme,
  type Condition,
  type Dataset,
  type Fact,
  type Indicator,
  type IndicatorTrace,
  type Issue,
  type MethodContext,
  type RunResult,
  type Scheme,
  type ScoringMethod,
} from '../engine/index.ts';
import { findExemptions } from '../engine/run/exemption.ts';
import { FactIndex, RosterIndex } from '../engine/facts/facts-index.ts';
import { flatten, resolveTree } from '../engine/run/resolve-tree.ts';
import { factScope } from '../engine/facts/scope.ts';
import { wordsOf } from '../engine/terms.ts';
import { generateCityYear, mulberry32, subsetByParents } from './generate-city-year.ts';

const SEED = 20211130;
const SIZE = { units: 2000, parents: 150, votes: 1_000_000, cases: 100_000 };
const SAMPLE = 10_000;
const TARGET_MS = 5000;
const TARGET_RATIO = 100;

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mb = (bytes: number) => `${fmt(bytes / 2 ** 20)} MB`;
const line = (label: string, value: string) => console.log(`  ${label.padEnd(30)} ${value}`);
const time = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
};

/** Wrong answers or rejected data: the bench prints what it has and exits 1. */
export class BenchFailure extends Error {}

export const mark = (met: boolean) => (met ? '✓ met' : '✗ missed');

function fail(title: string, issues: readonly Issue[]): never {
  console.log(`\n${title}: ${issues.length} issue(s)`);
  for (const i of issues.slice(0, 20)) console.log(`  ${formatIssue(i)}`);
  if (issues.length > 20) console.log(`  … ${issues.length - 20} more`);
  throw new BenchFailure(title);
}

export interface CityYearReport {
  scheme: Scheme;
  /** The generated city-year (1.1 M facts), for the live-latency part to reuse. */
  data: Dataset;
  runMs: number;
  facts: number;
  /** pingyi's compiled conditions / json-rules-engine on the sampled case facts. */
  ratio: number;
}

/** The city-year in process: generation, a full scoreScheme run, phases, conditions vs json-rules-engine. */
/** `scale` < 1 for quick runs (units, parents, votes and cases scaled alike). */
export async function runCityYear(scale = 1): Promise<CityYearReport> {
  const size = scale === 1 ? SIZE : { units: Math.round(SIZE.units * scale), parents: Math.max(1, Math.round(SIZE.parents * scale)), votes: Math.round(SIZE.votes * scale), cases: Math.round(SIZE.cases * scale) };
  // ---------------------------------------------------------------- scheme and data
  const doc: unknown = JSON.parse(readFileSync(new URL('../schemes/pingyang-2021/scheme.json', import.meta.url), 'utf8'));
  const validation = validateScheme(doc);
  if (!validation.ok || !validation.scheme) fail('scheme pingyang-2021 is not valid', validation.issues);
  const scheme: Scheme = validation.scheme;

  console.log(`pingyi bench — city-year under ${scheme.id} ${scheme.version} (node ${process.version})`);
  console.log(`  PRNG mulberry32, seed ${SEED}`);
  const [city, genMs] = time(() => generateCityYear({ seed: SEED, ...size }));
  const data = city.data;
  line('generated in', `${fmt(genMs)} ms`);
  line('units / parents', `${fmt(data.units.length)} / ${fmt(data.parents?.length ?? 0)}`);
  line('facts', `${fmt(data.facts.length)}`);
  for (const [type, n] of Object.entries(city.counts)) line(`  ${type}`, fmt(n));
  line('history records', fmt(data.history?.length ?? 0));

  // ---------------------------------------------------------------- full run
  const [warm, warmMs] = time(() => scoreScheme(scheme, subsetByParents(data, 10)));
  if (!warm.ok) fail('warm-up subset rejected', warm.issues);
  line('warm-up (10 parents)', `${fmt(warmMs)} ms`);

  const rssBefore = process.memoryUsage().rss;
  const [result, runMs] = time(() => scoreScheme(scheme, data));
  const rssAfter = process.memoryUsage().rss;
  if (!result.ok) fail('the generated data was rejected', result.issues);
  const votes = votesCounted(result, data);

  console.log('\nfull run: scoreScheme(scheme, city-year)');
  line('ok', `${result.ok} (${result.issues.length} issue(s), none an error)`);
  line('units', fmt(data.units.length));
  line('facts', fmt(data.facts.length));
  line('wall time', `${fmt(runMs)} ms`);
  line('facts/s', fmt(data.facts.length / (runMs / 1000)));
  line('RSS before / after run', `${mb(rssBefore)} / ${mb(rssAfter)}`);
  line('peak RSS (process, maxRSS)', mb(process.resourceUsage().maxRSS * 1024));
  console.log(`  target < 5 s: ${mark(runMs < TARGET_MS)}`);
  summarize(result);
  line('votes counted / expected', `${fmt(votes.counted)} / ${fmt(votes.expected)} (service votes of scored units + network votes of selected units)`);
  if (votes.counted !== votes.expected) {
    console.log('  MISMATCH: the run did not count every generated vote, so the figures above do not measure real scoring');
    throw new BenchFailure('city-year: votes counted differ from the votes generated');
  }

  // ---------------------------------------------------------------- phases
  console.log('\nphases (a second run, each part timed on its own)');
  phases(scheme, data);

  // ---------------------------------------------------------------- pingyi vs json-rules-engine
  const ratio = await compareWithJre(scheme, data, city.caseIndices);
    return { scheme, data, runMs, facts: data.facts.length, ratio };
}

// ================================================================= helpers

/** What the run decided, to show the data exercised the scheme (blends, caps, dedupe, selection, classes). */
function summarize(r: RunResult): void {
  const kinds = new Map<string, number>();
  const walk = (t: IndicatorTrace) => {
    for (const s of t.steps) kinds.set(s.kind, (kinds.get(s.kind) ?? 0) + 1);
    t.children?.forEach(walk);
  };
  for (const u of r.units) u.indicators.forEach(walk);
  const scored = r.units.filter((u) => u.status === 'scored');
  const totals = scored.map((u) => u.total).sort((a, b) => a - b);
  line('scored / exempt', `${fmt(scored.length)} / ${fmt(r.units.length - scored.length)}`);
  line('total min / median / max', `${totals[0]} / ${totals[Math.floor(totals.length / 2)]} / ${totals[totals.length - 1]}`);
  line('selection members', r.selections.map((s) => `${s.id} ${s.members.length}`).join(', '));
  line('classes', r.classes.map((c) => `${c.id} ${c.units.length}`).join(', '));
  const shown = ['votes', 'blend', 'no-votes', 'rule', 'group-cap', 'deduped', 'floor', 'cap', 'grade', 'not-selected'];
  line('trace steps', shown.map((k) => `${k} ${fmt(kinds.get(k) ?? 0)}`).join(', '));
}

/** Votes the traces counted, against the vote records the run should have read. */
function votesCounted(r: RunResult, d: Dataset): { counted: number; expected: number } {
  let counted = 0;
  const walk = (t: IndicatorTrace) => {
    for (const s of t.steps) if (s.kind === 'votes') counted += s.total;
    t.children?.forEach(walk);
  };
  for (const u of r.units) u.indicators.forEach(walk);
  const scored = new Set(r.units.filter((u) => u.status === 'scored').map((u) => u.unit));
  const selected = new Set(r.selections.flatMap((s) => s.members.map((m) => m.unit)));
  let expected = 0;
  for (const f of d.facts) {
    if (f.type === 'service-vote' && scored.has(f.unit as string)) expected++;
    else if (f.type === 'network-vote' && selected.has(f.unit as string)) expected++;
  }
  return { counted, expected };
}

function phases(s: Scheme, d: Dataset): void {
  const [issues, checkMs] = time(() => checkDataset(s, d));
  line('checkDataset', `${fmt(checkMs)} ms (${issues.length} issue(s))`);
  const [roster, rosterMs] = time(() => new RosterIndex(d));
  line('RosterIndex', `${fmt(rosterMs)} ms`);
  const [facts, indexMs] = time(() => new FactIndex(d.facts));
  line('FactIndex', `${fmt(indexMs)} ms`);
  const exempt = findExemptions(s, d, roster);
  const units = d.units.filter((u) => !exempt.has(u.id));
  const report = () => {};
  for (const leaf of flatten(resolveTree(s))) {
    const method = leaf.node.method;
    if (!method) continue;
    const ctx: MethodContext = { leaf: { id: leaf.id, name: leaf.name, max: leaf.max, pointer: leaf.pointer }, units, facts, roster, words: wordsOf(s), report };
    const impl = METHODS[method.kind] as ScoringMethod<typeof method.kind>;
    const [, ms] = time(() => impl.score(method as never, ctx));
    line(`${leaf.id} (${method.kind})`, `${fmt(ms)} ms${leaf.requires ? ' (all scored units; the run scores only the selection)' : ''}`);
  }
}

interface SampleRule {
  id: string;
  factType: string;
  conditions: Condition;
}

/** Every deduction and bonus rule of the scheme, its `when` ANDed with the fact type test. */
function adjustmentRules(s: Scheme): SampleRule[] {
  const out: SampleRule[] = [];
  const visit = (ind: Indicator) => {
    const m = ind.method;
    if (m && (m.kind === 'deduction' || m.kind === 'bonus')) {
      for (const r of m.rules) {
        const typeTest: Condition = { fact: 'type', operator: 'equal', value: r.factType };
        out.push({ id: `${ind.id}/${r.id}`, factType: r.factType, conditions: { all: r.when ? [typeTest, r.when] : [typeTest] } });
      }
    }
    ind.children?.forEach(visit);
  };
  s.indicators.forEach(visit);
  return out;
}

async function compareWithJre(s: Scheme, d: Dataset, caseIndices: readonly number[]): Promise<number> {
  const sampleSize = Math.min(SAMPLE, caseIndices.length);
  const rules = adjustmentRules(s);
  const roster = new RosterIndex(d);
  // a seeded sample of the case facts, kept in dataset order
  const rnd = mulberry32(SEED + 1);
  const pool = [...caseIndices];
  for (let i = 0; i < sampleSize; i++) {
    const j = i + Math.floor(rnd() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j] as number, pool[i] as number];
  }
  const sample: Fact[] = pool
    .slice(0, sampleSize)
    .sort((a, b) => a - b)
    .map((i) => d.facts[i] as Fact);
  const scopeOf = (f: Fact) => {
    const unit = f.unit === undefined ? undefined : roster.units.get(f.unit);
    const pid = f.parent ?? unit?.parent;
    return factScope(f, unit, pid === undefined ? undefined : roster.parents.get(pid));
  };

  console.log(`\nrule evaluation: ${fmt(sampleSize)} case facts × ${rules.length} deduction/bonus rules (type test AND when)`);

  // json-rules-engine: one engine, one run per fact
  // the scopes are the shared input: built once, handed to both evaluators
  const [scopes, scopeMs] = time(() => sample.map(scopeOf));
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const r of rules) engine.addRule({ name: r.id, conditions: structuredClone(r.conditions) as unknown as TopLevelCondition, event: { type: r.id } });
  for (const scope of scopes.slice(0, 200)) await engine.run(scope); // warm-up
  const jreMatches: string[][] = [];
  const t0 = performance.now();
  for (const scope of scopes) {
    const { events } = await engine.run(scope);
    jreMatches.push(events.map((e) => e.type));
  }
  const jreMs = performance.now() - t0;
  const jreRate = sampleSize / (jreMs / 1000);

  // pingyi: the same condition objects compiled to closures, evaluated per fact on the same scope
  const compiled = rules.map((r) => compileCondition(r.conditions));
  const ours: string[][] = scopes.map((scope) => rules.filter((_, i) => (compiled[i] as (typeof compiled)[number])(scope)).map((r) => r.id));
  // many passes, so the per-pass time is well above the timer's resolution
  const passes = (withScope: boolean): { ms: number; rounds: number; hits: number } => {
    let rounds = 0;
    let hits = 0;
    const t = performance.now();
    while (performance.now() - t < 500 || rounds < 3) {
      for (let k = 0; k < sampleSize; k++) {
        const scope = withScope ? scopeOf(sample[k] as Fact) : (scopes[k] as Record<string, unknown>);
        for (let i = 0; i < compiled.length; i++) if ((compiled[i] as (typeof compiled)[number])(scope)) hits++;
      }
      rounds++;
    }
    return { ms: (performance.now() - t) / rounds, rounds, hits: hits / rounds };
  };
  const evalOnly = passes(false);
  const withScope = passes(true);
  const oursRate = sampleSize / (evalOnly.ms / 1000);
  const scopedRate = sampleSize / (withScope.ms / 1000);

  // pingyi end to end: score the roster with only these facts (validation, index, methods, ranking)
  const small: Dataset = { scheme: d.scheme, units: d.units, parents: d.parents, history: d.history, facts: sample };
  const [e2e, e2eMs] = time(() => scoreScheme(s, small));

  const count = (m: string[][]) => m.reduce((a, x) => a + x.length, 0);
  const differing = sample.filter((_, i) => [...(jreMatches[i] ?? [])].sort().join() !== [...(ours[i] ?? [])].sort().join()).length;
  const w = 36;
  console.log(`  ${`building the ${fmt(sampleSize)} scopes`.padEnd(w)} ${fmt(scopeMs, 2)} ms (shared input, outside both timings below)`);
  console.log(`  ${'json-rules-engine engine.run'.padEnd(w)} ${fmt(jreMs)} ms, ${fmt(jreRate)} facts/s`);
  console.log(`  ${'pingyi compiled conditions'.padEnd(w)} ${fmt(evalOnly.ms, 2)} ms per pass (${evalOnly.rounds} passes), ${fmt(oursRate)} facts/s`);
  console.log(`  ${'  same, building each scope too'.padEnd(w)} ${fmt(withScope.ms, 2)} ms per pass (${withScope.rounds} passes), ${fmt(scopedRate)} facts/s`);
  console.log(`  ${'pingyi scoreScheme (roster + sample)'.padEnd(w)} ${fmt(e2eMs)} ms, ${fmt(sampleSize / (e2eMs / 1000))} facts/s, ok: ${e2e.ok}`);
  console.log(`  ${'ratio pingyi / json-rules-engine'.padEnd(w)} ${fmt(oursRate / jreRate, 1)}× (same scopes); ${fmt(scopedRate / jreRate, 1)}× if pingyi also builds each scope`);
  console.log(`  target ≥ ${TARGET_RATIO}×: ${mark(oursRate / jreRate >= TARGET_RATIO)}`);
  line('(fact, rule) matches', `json-rules-engine ${fmt(count(jreMatches))}, pingyi ${fmt(count(ours))} (timed passes: ${fmt(evalOnly.hits)}, ${fmt(withScope.hits)})`);
  if (differing > 0 || count(jreMatches) !== count(ours) || evalOnly.hits !== count(ours) || withScope.hits !== count(ours)) {
    console.log(`  DISAGREE: ${differing} fact(s) matched different rules`);
    throw new BenchFailure('city-year: compiled conditions and json-rules-engine disagree');
  }
  console.log('  agree: both decide the same rules for every sampled fact');
  if (!e2e.ok) fail('the sample dataset was rejected', e2e.issues);
  return oursRate / jreRate;
}
