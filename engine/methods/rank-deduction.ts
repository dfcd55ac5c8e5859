import { compileCondition } from '../conditions/index.ts';
import { dataIssue, joinPointer } from '../issue.ts';
import { clean } from '../numbers.ts';
import { unitScope } from '../facts/scope.ts';
import type { Step } from '../trace.ts';
import { defineMethod, unitPointer, type UnitScore } from './method.ts';

interface ParentRank {
  group: string;
  /** null when the rank is reported rather than computed here. */
  score: number | null;
  rank: number;
  /** Parents ranked in the group; null when the rank is reported. */
  of: number | null;
  freeTop: number;
  perPlace: number;
  source: string;
}

/** B.9: parents ranked by a reported score per group (or their reported rank); places after the free top cost points; every unit of the parent gets the result. */
export const rankDeduction = defineMethod<'rank-deduction', null>({
  kind: 'rank-deduction',
  // a unit's points come from its parent's place among the parents: nothing to fold per unit,
  // the parents' records (one per parent) are ranked in the population step
  unit: () => null,
  finish(m, ctx) {
    const max = ctx.leaf.max;
    const groups = m.groups.map((g) => ({ g, when: compileCondition(g.when) }));
    const scored = new Map<string, { score: number; group: (typeof groups)[number] }>();
    const reported = new Map<string, ParentRank>();
    for (const item of ctx.facts.all(m.factType)) {
      ctx.facts.use(item);
      const pid = item.fact.parent;
      const parent = pid === undefined ? undefined : ctx.roster.parents.get(pid);
      if (!parent) continue; // target checks already reported unknown parents
      if (scored.has(parent.id) || reported.has(parent.id)) {
        ctx.report(dataIssue('duplicate-score', joinPointer('', 'facts', item.ref.index), `${ctx.words.parent} ${parent.id} 有多条年度分数`, `parent ${parent.id} has more than one score`));
        continue;
      }
      const group = groups.find((x) => x.when(unitScope(undefined, parent)));
      if (!group) {
        ctx.report(dataIssue('no-rank-group', joinPointer('', 'facts', item.ref.index), `${ctx.words.parent} ${parent.id} 不属于任何排名分组`, `parent ${parent.id} matches no ranking group of ${ctx.leaf.id}`));
        continue;
      }
      if (m.rankField !== undefined) {
        const rank = item.fact[m.rankField];
        if (typeof rank !== 'number' || !Number.isInteger(rank) || rank < 1) {
          ctx.report(dataIssue('bad-rank', joinPointer('', 'facts', item.ref.index, m.rankField), `名次须为正整数,记录为 ${JSON.stringify(rank)}`, `a rank must be a positive integer; the fact records ${JSON.stringify(rank)}`));
          continue;
        }
        const g = group.g;
        reported.set(parent.id, { group: g.id, score: null, rank, of: null, freeTop: g.freeTop, perPlace: g.perPlace, source: g.source });
        continue;
      }
      scored.set(parent.id, { score: Number(item.fact[m.scoreField ?? '']), group });
    }
    const ranks = new Map<string, ParentRank>(reported);
    for (const { g } of groups) {
      const members = [...scored].filter(([, v]) => v.group.g.id === g.id).sort((a, b) => b[1].score - a[1].score);
      members.forEach(([pid, v]) => {
        // competition ranking: equal scores share a place, the next place is skipped
        const rank = 1 + members.filter(([, o]) => o.score > v.score).length;
        ranks.set(pid, { group: g.id, score: v.score, rank, of: members.length, freeTop: g.freeTop, perPlace: g.perPlace, source: g.source });
      });
    }
    const out = new Map<string, UnitScore>();
    for (const unit of ctx.units) {
      const r = unit.parent === undefined ? undefined : ranks.get(unit.parent);
      if (!r) {
        if (m.missing === 'error' && !(unit.parent !== undefined && ctx.facts.hadUnusable(m.factType, unit.parent))) {
          ctx.report(dataIssue('missing-parent-score', unitPointer(ctx, unit.id), `${ctx.words.unit} ${unit.id} 的${ctx.words.parent}没有“${ctx.leaf.name}”分数`, `the parent of unit ${unit.id} has no ${m.factType} score`));
        }
        const points = m.missing === 'full' ? max : 0;
        out.set(unit.id, { points, steps: [{ kind: 'missing', policy: m.missing, points }] });
        continue;
      }
      const deduction = clean(Math.max(0, r.rank - r.freeTop) * r.perPlace);
      let points = clean(max - deduction);
      const steps: Step[] = [
        { kind: 'rank-deduction', parent: unit.parent as string, group: r.group, score: r.score, rank: r.rank, of: r.of, freeTop: r.freeTop, perPlace: r.perPlace, deduction, points, source: r.source },
      ];
      if (points < m.floor) {
        steps.push({ kind: 'floor', before: points, after: m.floor, floor: m.floor });
        points = m.floor;
      }
      out.set(unit.id, { points, steps });
    }
    return out;
  },
});
