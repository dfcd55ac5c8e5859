/**
 * The peers, same work: one deduction table of a shipped scheme run by
 * pingyi's method, by json-rules-engine and by a ZEN decision table, on the
 * same generated case facts; checked to give the same points per fact, then
 * timed (median of several runs after a warm-up that is also the check).
 */
import { performance } from 'node:perf_hooks';
import { checkDataset, formatIssue, hasErrors, type Dataset } from '../../engine/index.ts';
import { generateCases } from './generate-cases.ts';
import { jrePeer } from './jre-peer.ts';
import { evaluationsOf, pingyiPeer, type Evaluation } from './pingyi-peer.ts';
import { largestDeductionTable, type RuleTable } from './rule-table.ts';
import { zenPeer } from './zen-peer.ts';

export interface PeersOptions {
  seed: number;
  facts: number;
  units: number;
  parents: number;
  /** Timed runs per engine after the warm-up (the median is reported). */
  runs: number;
  /** Evaluations in flight per ZEN batch. */
  zenBatch: number;
  /** Print progress lines while running (the bench does; the tests do not). */
  log?: (line: string) => void;
}

export const PEERS_DEFAULTS: PeersOptions = { seed: 20241031, facts: 100_000, units: 2000, parents: 150, runs: 5, zenBatch: 500 };

export interface Timing {
  /** Milliseconds of each timed run. */
  ms: number[];
  median: number;
  /** Evaluations per second at the median run. */
  rate: number;
}

export interface Disagreement {
  fact: number;
  unit: string;
  record: unknown;
  pingyi: number;
  jre: number;
  zen: number;
  zenBatched: number;
}

export interface PeersReport {
  table: RuleTable;
  jreRules: number;
  zenRows: number;
  zenColumns: number;
  facts: number;
  evaluations: number;
  /** Evaluations with points > 0 (so the agreement is not only on zeros). */
  priced: number;
  /** How many evaluations each rule decided (priced or exempt), per pingyi's trace. */
  ruleHits: Map<string, number>;
  /** Total points of the evaluations, per pingyi. */
  totalPoints: number;
  /** Data errors in the generated facts, formatted (the bench refuses to time rejected data). */
  rejected: string[];
  disagreements: Disagreement[];
  pingyi: Timing;
  /** pingyi's scoring run: points only, the trace made on demand. */
  pingyiPoints: Timing;
  /** Units whose points-only total differs from the traced run's (must be none). */
  pointsDiffer: string[];
  jre: Timing;
  zenSequential: Timing;
  zenBatched: Timing;
  /** ZEN's own reported time per evaluation in the median awaited run (µs): the rest of the wall time is the binding and the promise. */
  zenInternalUs: number;
}

function timing(ms: number[], n: number): Timing {
  const sorted = [...ms].sort((a, b) => a - b);
  const median = sorted.length % 2 ? (sorted[(sorted.length - 1) / 2] as number) : ((sorted[sorted.length / 2 - 1] as number) + (sorted[sorted.length / 2] as number)) / 2;
  return { ms, median, rate: n / (median / 1000) };
}

async function timed(runs: number, f: () => unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    out.push(performance.now() - t0);
  }
  return out;
}

export async function runPeers(options: Partial<PeersOptions> = {}): Promise<PeersReport> {
  const o = { ...PEERS_DEFAULTS, ...options };
  const log = o.log ?? (() => {});
  const table = largestDeductionTable();
  const data: Dataset = generateCases(table.scheme, table.method, o);
  const checked = checkDataset(table.scheme, data);
  const evals: Evaluation[] = evaluationsOf(data);
  const pingyi = pingyiPeer(table, data, evals);
  const jre = jrePeer(table.method);
  const zen = zenPeer(table.method);
  const empty: Timing = { ms: [], median: NaN, rate: NaN };
  const report: PeersReport = {
    table,
    jreRules: jre.rules,
    zenRows: zen.rows,
    zenColumns: zen.columns,
    facts: data.facts.length,
    evaluations: evals.length,
    priced: 0,
    ruleHits: new Map(),
    totalPoints: 0,
    rejected: hasErrors(checked) ? checked.filter((i) => i.severity === 'error').slice(0, 10).map(formatIssue) : [],
    disagreements: [],
    pingyi: empty,
    pingyiPoints: empty,
    pointsDiffer: [],
    jre: empty,
    zenSequential: empty,
    zenBatched: empty,
    zenInternalUs: NaN,
  };
  try {
    if (report.rejected.length > 0) return report;
    // the warm-up run of each engine is the agreement check
    log(`checking agreement on ${evals.length.toLocaleString('en-US')} evaluations`);
    const traced = pingyi.run();
    const { points: p, rules } = pingyi.read(traced);
    for (const [unit, s] of pingyi.runPoints()) if (traced.get(unit)?.points !== s.points) report.pointsDiffer.push(unit);
    if (report.pointsDiffer.length > 0) return report;
    report.ruleHits = rules;
    if (hasErrors(pingyi.issues)) {
      report.rejected = pingyi.issues.filter((i) => i.severity === 'error').slice(0, 10).map(formatIssue);
      return report;
    }
    const j = await jre.runAll(evals);
    const zs = await zen.runSequential(evals);
    const zb = await zen.runBatched(evals, o.zenBatch);
    for (let k = 0; k < evals.length; k++) {
      const v = p[k] as number;
      if (v > 0) report.priced++;
      report.totalPoints += v;
      const same = (x: number) => Math.abs(x - v) <= 1e-9;
      if (same(j[k] as number) && same(zs[k] as number) && same(zb[k] as number)) continue;
      const e = evals[k] as Evaluation;
      report.disagreements.push({ fact: e.fact, unit: e.unit, record: data.facts[e.fact], pingyi: v, jre: j[k] as number, zen: zs[k] as number, zenBatched: zb[k] as number });
    }
    if (report.disagreements.length > 0) return report;

    log(`timing: ${o.runs} runs per engine`);
    report.pingyi = timing(await timed(o.runs, () => pingyi.run()), evals.length);
    log(`  pingyi ${report.pingyi.ms.map((x) => x.toFixed(1)).join(' / ')} ms`);
    report.pingyiPoints = timing(await timed(o.runs, () => pingyi.runPoints()), evals.length);
    log(`  pingyi, points only ${report.pingyiPoints.ms.map((x) => x.toFixed(1)).join(' / ')} ms`);
    report.jre = timing(await timed(o.runs, () => jre.runAll(evals)), evals.length);
    log(`  json-rules-engine ${report.jre.ms.map((x) => x.toFixed(0)).join(' / ')} ms`);
    const internal: number[] = [];
    report.zenSequential = timing(
      await timed(o.runs, async () => {
        await zen.runSequential(evals);
        internal.push(zen.lastInternalMs);
      }),
      evals.length,
    );
    internal.sort((a, b) => a - b);
    report.zenInternalUs = ((internal[Math.floor(internal.length / 2)] ?? NaN) * 1000) / evals.length;
    log(`  ZEN awaited one by one ${report.zenSequential.ms.map((x) => x.toFixed(0)).join(' / ')} ms`);
    report.zenBatched = timing(await timed(o.runs, () => zen.runBatched(evals, o.zenBatch)), evals.length);
    log(`  ZEN in batches of ${o.zenBatch} ${report.zenBatched.ms.map((x) => x.toFixed(0)).join(' / ')} ms`);
    return report;
  } finally {
    zen.dispose();
  }
}
