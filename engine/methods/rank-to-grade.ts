import type { RosterUnit } from '../data/dataset.ts';
import { dataIssue, joinPointer } from '../issue.ts';
import { clean, shareCount } from '../numbers.ts';
import type { Step } from '../trace.ts';
import { applyTable, compileTable, factsFor } from './adjustments.ts';
import { compiledFor, defineMethod, unitPointer, type UnitScore } from './method.ts';
import type { RankToGradeMethod } from '../scheme/methods/rank-to-grade.ts';
import { checkQuota, type QuotaMember } from './quota.ts';

interface Entry {
  unit: RosterUnit;
  preliminary: string | null;
  adjustment: number;
  score: number;
  ruleSteps: Step[];
  /** The re-ranking scope this unit falls in for the period. */
  key: string;
  /** Its preliminary grade, for the preliminary quota. */
  rated?: QuotaMember;
}

const tables = new WeakMap<RankToGradeMethod, ReturnType<typeof compileTable>>();

/**
 * B.10 (re-ranking variant): per period, preliminary grade → base score,
 * plus adjustment events; units of a scope re-ranked and given final grades
 * by shares; final points averaged over the periods.
 * Per unit: each period's preliminary grade and adjustments; population: the quota, the re-ranking and the shares.
 */
export const rankToGrade = defineMethod<'rank-to-grade', Entry[]>({
  kind: 'rank-to-grade',
  unit(m, ctx, unit) {
    const compiled = compiledFor(tables, m, () => compileTable({ hitPolicy: 'first', rules: m.adjustments }));
    const lowest = m.grades[m.grades.length - 1] as (typeof m.grades)[number];
    return m.periods.map((period): Entry => {
      const facts = factsFor(ctx, unit, m.factType).filter((f) => String(f.fact[m.periodField]) === period);
      const first = facts[0];
      for (const f of facts) ctx.facts.use(f.ref);
      let preliminary: string | null = null;
      let rated: QuotaMember | undefined;
      if (first) {
        const g = m.grades.find((x) => x.id === first.fact[m.gradeField]);
        if (!g) {
          ctx.report(dataIssue('unknown-grade', joinPointer('', 'facts', first.ref.index, m.gradeField), `等次“${String(first.fact[m.gradeField])}”不在方案规定中`, `grade "${String(first.fact[m.gradeField])}" is not declared`));
        } else {
          preliminary = g.id;
          rated = { unit, item: first, grade: g };
        }
      } else if (m.missing === 'error' && !ctx.facts.hadUnusable(m.factType, unit.id)) {
        ctx.report(dataIssue('missing-rating', unitPointer(ctx, unit.id), `${ctx.words.unit} ${unit.id} 缺少 ${period} 的初步等次`, `unit ${unit.id} has no preliminary grade for ${period}`));
      }
      const base = (m.grades.find((g) => g.id === preliminary) ?? lowest).base;
      const adj = applyTable({ hitPolicy: 'first', rules: m.adjustments }, compiled, unit, ctx, `${ctx.leaf.pointer}/method/adjustments`, 1, (f) => String(f[m.periodField]) === period);
      const key = m.scope.kind === 'parent' ? (unit.parent ?? '') : m.scope.kind === 'all' ? '*' : String(first?.fact[m.scope.field] ?? '');
      return { unit, preliminary, adjustment: adj.total, score: clean(base + adj.total), ruleSteps: adj.steps, key, ...(rated ? { rated } : {}) };
    });
  },
  finish(m, ctx, states) {
    const lowest = m.grades[m.grades.length - 1] as (typeof m.grades)[number];
    const perUnit = new Map<string, { points: number[]; steps: Step[] }>();
    for (const u of ctx.units) if (states.has(u.id)) perUnit.set(u.id, { points: [], steps: [] });

    m.periods.forEach((period, pi) => {
      const groups = new Map<string, Entry[]>();
      const rated: QuotaMember[] = [];
      for (const u of ctx.units) {
        const e = states.get(u.id)?.[pi];
        if (!e) continue;
        if (e.rated) rated.push(e.rated);
        const list = groups.get(e.key) ?? [];
        list.push(e);
        groups.set(e.key, list);
      }
      if (m.preliminaryQuota) checkQuota(m.preliminaryQuota, m.grades, rated, ctx, period);
      for (const members of groups.values()) {
        // higher score first; equal scores keep the better preliminary grade, then roster order
        const rankOfGrade = (g: string | null) => (g === null ? m.grades.length : m.grades.findIndex((x) => x.id === g));
        members.sort(
          (a, b) => b.score - a.score || rankOfGrade(a.preliminary) - rankOfGrade(b.preliminary) || (ctx.roster.order.get(a.unit.id) ?? 0) - (ctx.roster.order.get(b.unit.id) ?? 0),
        );
        const n = members.length;
        // each grade takes its rounded share; the declared remainder grade (default the last) takes what is left
        const rest = m.remainder === undefined ? m.grades.length - 1 : m.grades.findIndex((g) => g.id === m.remainder);
        const counts = m.grades.map((g, i) => (i === rest ? 0 : shareCount(n, g.percent, m.rounding)));
        counts[rest] = Math.max(0, n - counts.reduce((a, b) => a + b, 0));
        let cursor = 0;
        const cut = counts.map((c) => {
          cursor += Math.min(c, n - cursor);
          return cursor;
        });
        members.forEach((e, i) => {
          const gi = cut.findIndex((c) => i < c);
          const g = m.grades[gi] ?? lowest;
          const acc = perUnit.get(e.unit.id) as { points: number[]; steps: Step[] };
          acc.steps.push(...e.ruleSteps);
          acc.steps.push({ kind: 'period-grade', period, preliminary: e.preliminary, adjustment: e.adjustment, score: e.score, rank: i + 1, of: n, grade: g.id, points: g.points });
          acc.points.push(g.points);
        });
      }
    });
    const out = new Map<string, UnitScore>();
    for (const [id, acc] of perUnit) {
      const points = clean(acc.points.reduce((a, b) => a + b, 0) / acc.points.length);
      out.set(id, { points, steps: [...acc.steps, { kind: 'aggregate', mode: 'mean', parts: acc.points.map((p, i) => ({ indicator: m.periods[i] as string, points: p })), points }] });
    }
    return out;
  },
});
