import { compileCondition, type CompiledCondition } from '../conditions/index.ts';
import { dataIssue, joinPointer } from '../issue.ts';
import { clean } from '../numbers.ts';
import type { NotScoredReason } from '../facts/facts-index.ts';
import { factScope, readsRoster } from '../facts/scope.ts';
import type { VoteRatioMethod } from '../scheme/methods/vote-ratio.ts';
import type { Step } from '../trace.ts';
import { compiledFor, defineMethod, type UnitScore } from './method.ts';
import { factsFor } from './adjustments.ts';

/** One unit's votes folded: counts per level, and the service volume when the method weights by it. */
interface Tally {
  counts: Record<string, number>;
  total: number;
  own: number | null;
  volume?: { volume: number | null; factor: number };
}

interface Prepared {
  filter: CompiledCondition | undefined;
  /** Whether the filter reads `$unit` / `$parent` (else it is given the bare fact: no scope copy per vote). */
  scoped: boolean;
  value: Map<string, number>;
  /** Votes the filter leaves out are not scored by design: said once per fact type, not per vote. */
  filtered: NotScoredReason;
}
const prepared = new WeakMap<VoteRatioMethod, Prepared>();
/**
 * A unit's points from its tally, kept with the tally (tallies are never changed once made): in a live
 * season one vote moves the mean, but a unit with enough votes of its own keeps its points and steps.
 */
const made = new WeakMap<Tally, { mean: number | null; score: UnitScore }>();

/** B.1–B.3: vote ratio, small-sample blend with the population mean, service-volume weight. */
export const voteRatio = defineMethod<'vote-ratio', Tally>({
  kind: 'vote-ratio',
  unit(m, ctx, unit) {
    const max = ctx.leaf.max;
    const { filter, scoped, value, filtered } = compiledFor(prepared, m, () => ({
      filter: m.filter ? compileCondition(m.filter) : undefined,
      scoped: m.filter !== undefined && readsRoster(m.filter),
      value: new Map(m.levels.map((l) => [l.id, l.value])),
      filtered: {
        pointer: `${ctx.leaf.pointer}/method/filter`,
        zh: `“${ctx.leaf.name}”的计票条件不计这些票`,
        en: `the vote filter of ${ctx.leaf.id} leaves these votes out`,
      },
    }));
    const counts: Record<string, number> = Object.fromEntries(m.levels.map((l) => [l.id, 0]));
    let total = 0;
    let weighted = 0;
    const parent = ctx.roster.parentOf(unit);
    for (const item of factsFor(ctx, unit, m.factType)) {
      const fact = item.fact;
      if (filter && !filter(scoped ? factScope(fact, unit, parent) : fact)) {
        ctx.facts.notScored(item, filtered);
        continue;
      }
      ctx.facts.use(item);
      const level = fact[m.levelField];
      const v = typeof level === 'string' ? value.get(level) : undefined;
      if (v === undefined) {
        ctx.report(
          dataIssue(
            'unknown-vote-level',
            joinPointer('', 'facts', item.index, m.levelField),
            `评价档次“${String(level)}”不在方案规定的档次中(${m.levels.map((l) => l.id).join('、')})`,
            `vote level "${String(level)}" is not one of ${m.levels.map((l) => l.id).join(', ')}`,
          ),
        );
        continue;
      }
      // a record without the count field is one vote (the field is absent when votes are recorded one by one)
      const c = m.countField === undefined ? undefined : fact[m.countField];
      const n = c === undefined ? 1 : Number(c);
      if (!(Number.isFinite(n) && n >= 0)) {
        const field = m.countField as string;
        ctx.report(
          dataIssue('bad-count', joinPointer('', 'facts', item.index, field), `票数须为不小于 0 的数,记录为 ${JSON.stringify(c)}`, `a vote count must be a number ≥ 0; the fact records ${JSON.stringify(c)}`),
        );
        continue;
      }
      counts[level as string] = (counts[level as string] ?? 0) + n;
      total += n;
      weighted += n * v;
    }
    const tally: Tally = { counts, total, own: total > 0 ? clean((weighted / total) * max) : null };
    if (m.volumeWeight) {
      const w = m.volumeWeight;
      const reported = factsFor(ctx, unit, w.factType);
      for (const f of reported) ctx.facts.use(f);
      const volume = reported.length === 0 ? null : reported.reduce((acc, f) => acc + Number(f.fact[w.field] ?? 0), 0);
      const band = volume === null ? undefined : w.bands.find((b) => volume >= b.min && (b.max === undefined || volume < b.max));
      tally.volume = { volume, factor: band?.factor ?? w.missingFactor };
    }
    return tally;
  },

  finish(m, ctx, tallies) {
    const max = ctx.leaf.max;
    const owns: number[] = [];
    for (const u of ctx.units) {
      const t = tallies.get(u.id);
      if (t && t.own !== null && (m.smallSample?.population !== 'units-at-or-above-min' || t.total >= m.smallSample.minVotes)) owns.push(t.own);
    }
    const populationMean = mean(owns);

    const out = new Map<string, UnitScore>();
    for (const unit of ctx.units) {
      const t = tallies.get(unit.id);
      if (!t) continue;
      const kept = made.get(t);
      const readsMean = t.own === null || (m.smallSample !== undefined && t.total < m.smallSample.minVotes);
      if (kept && (!readsMean || kept.mean === populationMean)) {
        out.set(unit.id, kept.score);
        continue;
      }
      const steps: Step[] = [];
      let points: number;
      if (t.own === null) {
        points = noVotePoints(m.noVotes.kind, max, populationMean, m.smallSample?.populationWeight);
        steps.push({ kind: 'no-votes', policy: m.noVotes.kind, points, ...(m.noVotes.source ? { source: m.noVotes.source } : {}) });
      } else {
        steps.push({ kind: 'votes', counts: t.counts, total: t.total, ratio: clean(t.own / max), points: t.own });
        points = t.own;
        const s = m.smallSample;
        if (s && t.total < s.minVotes && populationMean !== null) {
          points = clean(populationMean * s.populationWeight + t.own * s.ownWeight);
          steps.push({
            kind: 'blend',
            votes: t.total,
            minVotes: s.minVotes,
            own: t.own,
            populationMean,
            populationWeight: s.populationWeight,
            ownWeight: s.ownWeight,
            points,
            source: s.source,
          });
        }
      }
      if (m.volumeWeight && t.volume) {
        const { volume, factor } = t.volume;
        const after = clean(points * factor);
        steps.push({ kind: 'volume-weight', volume, factor, before: points, after, source: m.volumeWeight.source });
        points = after;
        if (points > max) {
          steps.push({ kind: 'cap', before: points, after: max, cap: max });
          points = max;
        }
      }
      const score = { points, steps };
      made.set(t, { mean: populationMean, score });
      out.set(unit.id, score);
    }
    return out;
  },
});

function noVotePoints(policy: 'zero' | 'full' | 'population-mean' | 'small-sample', max: number, mean: number | null, populationWeight: number | undefined): number {
  switch (policy) {
    case 'zero':
      return 0;
    case 'full':
      return max;
    case 'population-mean':
      return mean ?? 0;
    case 'small-sample':
      // fewer than N votes: mean × w + own × (1 − w); with no vote the own part is taken as 0
      return clean((mean ?? 0) * (populationWeight ?? 0));
    default: {
      const never: never = policy;
      return never;
    }
  }
}

function mean(values: number[]): number | null {
  if (values.length === 0) return null;
  return clean(values.reduce((a, b) => a + b, 0) / values.length);
}
