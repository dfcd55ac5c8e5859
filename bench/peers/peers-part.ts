/** Part 1 of `npm run bench`: the peers report, printed. */
import { BenchFailure } from '../city-year.ts';
import { runPeers, type PeersOptions, type Timing } from './peers.ts';

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
type Target = (what: string, met: boolean | undefined, figure: string) => void;

export async function runPeersPart(o: Partial<PeersOptions>, target: Target): Promise<void> {
  console.log('\n== 1. peers, same work ==');
  const r = await runPeers({ ...o, log: (l) => console.log(`  … ${l}`) });
  const t = r.table;
  console.log(`  rule set: ${t.label} — the largest deduction table of the shipped schemes (none has 20+ rules)`);
  console.log(`    ${t.method.rules.length} rules on ${[...new Set(t.method.rules.map((x) => x.factType))].join(', ')}; hit policy ${t.method.hitPolicy}`);
  console.log(`    json-rules-engine: ${r.jreRules} rules (one per scheme rule and per modifier), run per fact with engine.run`);
  console.log(`    ZEN: a decision table of ${r.zenRows} rows × ${r.zenColumns} input columns, hit policy first, built from the same rules`);
  console.log(`  facts: ${fmt(r.facts)} generated case facts → ${fmt(r.evaluations)} evaluations (a parent's fact is evaluated for each of its units)`);
  if (r.rejected.length > 0) {
    console.log('  REJECTED: the generated facts have errors');
    for (const l of r.rejected) console.log(`    ${l.replace(/\n/g, '\n    ')}`);
    throw new BenchFailure('peers: generated facts rejected');
  }
  console.log(`  priced: ${fmt(r.priced)} evaluations cost points, ${fmt(r.evaluations - r.priced)} cost none; total ${fmt(r.totalPoints, 1)} points`);
  console.log(`  rules deciding: ${[...r.ruleHits].map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}`);
  if (r.disagreements.length > 0) {
    console.log(`  DISAGREE on ${fmt(r.disagreements.length)} evaluations; the first:`);
    for (const d of r.disagreements.slice(0, 5))
      console.log(`    fact ${d.fact} for ${d.unit}: pingyi ${d.pingyi}, json-rules-engine ${d.jre}, ZEN ${d.zen}, ZEN batched ${d.zenBatched} — ${JSON.stringify(d.record)}`);
    throw new BenchFailure('peers: the engines disagree');
  }
  if (r.pointsDiffer.length > 0) throw new BenchFailure(`peers: pingyi's points-only run differs from its traced run for ${r.pointsDiffer.length} units (${r.pointsDiffer.slice(0, 5).join(', ')})`);
  console.log(`  agree: all three engines give the same points on every evaluation (ZEN both awaited and batched)`);
  const row = (name: string, x: Timing) => console.log(`  ${name.padEnd(34)} ${fmt(x.rate).padStart(12)} facts/s   median ${fmt(x.median, 1)} ms of ${x.ms.map((m) => fmt(m, 0)).join(' / ')}`);
  console.log(`  timed: ${r.pingyi.ms.length} runs each after the checking run (warm-up), median reported`);
  row('pingyi scoring run (points)', r.pingyiPoints);
  row('pingyi with every trace step', r.pingyi);
  row('json-rules-engine engine.run', r.jre);
  row('ZEN evaluate, awaited one by one', r.zenSequential);
  row(`ZEN evaluate, batches (Promise.all)`, r.zenBatched);
  const wallUs = (r.zenSequential.median * 1000) / r.evaluations;
  console.log(`  ZEN's own reported time ${fmt(r.zenInternalUs, 1)} µs per evaluation of ${fmt(wallUs, 1)} µs awaited: the rest is the Node binding and the promise`);
  // the scoring run is what a season or `pingyi score` runs: a case table keeps points, its steps are made when a
  // unit is explained (engine/run/season-core.ts `explained`); json-rules-engine's run gives points per fact too
  const vsJre = r.pingyiPoints.rate / r.jre.rate;
  const vsJreTraced = r.pingyi.rate / r.jre.rate;
  const vsZen = r.pingyiPoints.rate / r.zenSequential.rate;
  const vsZenBatched = r.pingyiPoints.rate / r.zenBatched.rate;
  console.log(`  ratio pingyi / json-rules-engine   ${fmt(vsJre, 1)}× scoring run, ${fmt(vsJreTraced, 1)}× with every trace step`);
  console.log(`  ratio pingyi / ZEN                 ${fmt(vsZen, 1)}× awaited, ${fmt(vsZenBatched, 1)}× batched`);
  target('peers: pingyi / json-rules-engine', vsJre >= 100, `${fmt(vsJre, 1)}× scoring run, ${fmt(vsJreTraced, 1)}× with every trace step (target ≥ 100×)`);
  target('peers: pingyi ahead of ZEN', vsZen > 1 && vsZenBatched > 1, `${fmt(vsZen, 1)}× awaited, ${fmt(vsZenBatched, 1)}× batched (target > 1×)`);
}
