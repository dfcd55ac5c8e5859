/**
 * Live latency: open a scored season and append single facts one at a time
 * (votes and cases on random units), timing each `append` up to the standing
 * it returns (`openSeason`, engine/run/season.ts).
 */
import { performance } from 'node:perf_hooks';
import { formatIssue, openSeason, type Dataset, type Fact, type Scheme } from '../../engine/index.ts';
import { CASE_MIX, caseFact, draw, mulberry32, windowDays } from '../generate-city-year.ts';

export interface LiveOptions {
  seed: number;
  appends: number;
}

export interface LiveReport {
  openMs: number;
  appends: number;
  /** Milliseconds of each append, in order. */
  ms: number[];
  p50: number;
  p99: number;
  max: number;
  /** Appends that changed at least one unit's standing, and the units changed in all. */
  moved: number;
  unitsChanged: number;
  /** Appends the season refused (ok: false): generated facts are valid, so any is a failure. */
  refused: Array<{ fact: Fact; issues: string[] }>;
  factCount: { before: number; after: number };
}

/** One new fact for a random scored unit: a service or network vote (3 in 4), or a case of the city mix. */
export function liveFacts(data: Dataset, n: number, seed: number): Fact[] {
  const r = draw(mulberry32(seed));
  const units = data.units.map((u) => u.id);
  const days = windowDays();
  const levels = ['satisfied', 'basic', 'dissatisfied'];
  const cases = CASE_MIX.map(([t]) => t);
  const out: Fact[] = [];
  for (let k = 0; k < n; k++) {
    const unit = r.pick(units);
    const x = r.rnd();
    if (x < 0.6) out.push({ type: 'service-vote', unit, period: r.rnd() < 0.5 ? 'h1' : 'h2', level: r.pick(levels) });
    else if (x < 0.75) out.push({ type: 'network-vote', unit, level: r.pick(levels), voter: r.rnd() < 0.65 ? 'service-user' : 'representative' });
    else out.push(caseFact(r.pick(cases), `live-${k + 1}`, unit, r.pick(days), r));
  }
  return out;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

export function runLive(scheme: Scheme, data: Dataset, o: LiveOptions): LiveReport {
  const t0 = performance.now();
  const season = openSeason(scheme, data);
  const openMs = performance.now() - t0;
  const before = season.factCount;
  const facts = liveFacts(data, o.appends, o.seed);
  const ms: number[] = [];
  const refused: LiveReport['refused'] = [];
  let moved = 0;
  let unitsChanged = 0;
  for (const f of facts) {
    const t = performance.now();
    const r = season.append([f]);
    ms.push(performance.now() - t);
    if (!r.ok) refused.push({ fact: f, issues: r.issues.map(formatIssue) });
    if (r.changed.length > 0) moved++;
    unitsChanged += r.changed.length;
  }
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    openMs,
    appends: facts.length,
    ms,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
    moved,
    unitsChanged,
    refused,
    factCount: { before, after: season.factCount },
  };
}
