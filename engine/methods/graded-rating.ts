import type { RosterUnit } from '../data/dataset.ts';
import { dataIssue, joinPointer } from '../issue.ts';
import { roundTo } from '../numbers.ts';
import type { IndexedFact } from '../facts/facts-index.ts';
import type { Grade, GradedRatingMethod } from '../scheme/methods/graded-rating.ts';
import { defineMethod, unitPointer, type MethodContext, type UnitScore } from './method.ts';
import { checkQuota } from './quota.ts';
import { factsFor } from './adjustments.ts';

interface Rated {
  unit: RosterUnit;
  item: IndexedFact;
  grade: Grade;
}

/** One unit's rating: its points (none when the rating was unreadable, already reported) and its grade for the quota. */
interface RatingState {
  score?: UnitScore;
  rated?: Rated;
}

/** B.10: a rating body's grades (or banded scores) with quotas per parent or per rater; a broken quota is an input error. */
export const gradedRating = defineMethod<'graded-rating', RatingState>({
  kind: 'graded-rating',
  unit(m, ctx, unit) {
    const facts = factsFor(ctx, unit, m.factType);
    const [item, ...extra] = facts;
    for (const f of facts) ctx.facts.use(f);
    for (const dup of extra) {
      ctx.report(dataIssue('duplicate-rating', joinPointer('', 'facts', dup.ref.index), `${ctx.words.unit} ${unit.id} 在“${ctx.leaf.name}”中有多条评价`, `unit ${unit.id} has more than one rating for ${ctx.leaf.id}`));
    }
    if (!item) {
      if (m.missing.kind === 'error' && !ctx.facts.hadUnusable(m.factType, unit.id)) {
        ctx.report(dataIssue('missing-rating', unitPointer(ctx, unit.id), `${ctx.words.unit} ${unit.id}(${unit.name})缺少“${ctx.leaf.name}”评价`, `unit ${unit.id} has no ${m.factType} fact for ${ctx.leaf.id}`));
      }
      return { score: { points: 0, steps: [{ kind: 'missing', policy: m.missing.kind, points: 0 }] } };
    }
    const r = rate(m, item, unit, ctx);
    if (!r) return {};
    return {
      rated: { unit, item, grade: r.grade },
      score: { points: r.points, steps: [{ kind: 'grade', grade: r.grade.id, name: r.grade.name, ...(r.score !== undefined ? { score: r.score } : {}), points: r.points, fact: item.ref }] },
    };
  },
  finish(m, ctx, states) {
    const out = new Map<string, UnitScore>();
    const rated: Rated[] = [];
    for (const u of ctx.units) {
      const s = states.get(u.id);
      if (s?.score) out.set(u.id, s.score);
      if (s?.rated) rated.push(s.rated);
    }
    if (m.quota) checkQuota(m.quota, m.grades, rated, ctx);
    return out;
  },
});

function rate(m: GradedRatingMethod, item: IndexedFact, unit: RosterUnit, ctx: MethodContext): { grade: Grade; points: number; score?: number } | undefined {
  if (m.mode === 'grade') {
    const field = m.gradeField ?? 'grade';
    const g = m.grades.find((x) => x.id === item.fact[field]);
    if (!g) {
      ctx.report(dataIssue('unknown-grade', joinPointer('', 'facts', item.ref.index, field), `等次“${String(item.fact[field])}”不在方案规定中`, `grade "${String(item.fact[field])}" is not declared`));
      return undefined;
    }
    return { grade: g, points: g.points ?? 0 };
  }
  const field = m.scoreField ?? 'score';
  const raw = item.fact[field];
  if (typeof raw !== 'number') {
    ctx.report(dataIssue('score-not-number', joinPointer('', 'facts', item.ref.index, field), `评分须为数字`, `the score must be a number`));
    return undefined;
  }
  const score = m.scoreRounding ? roundTo(raw, m.scoreRounding.digits, m.scoreRounding.mode) : raw;
  const g = m.grades.find((x) => (x.min === undefined || score >= x.min) && (x.max === undefined || (x.maxExclusive ? score < x.max : score <= x.max)));
  if (!g || score > ctx.leaf.max || score < 0) {
    ctx.report(
      dataIssue('score-outside-grades', joinPointer('', 'facts', item.ref.index, field), `${ctx.words.unit} ${unit.id} 的评分 ${score} 不在任何等次的分数带内(满分 ${ctx.leaf.max})`, `score ${score} of unit ${unit.id} falls in no grade band (max ${ctx.leaf.max})`),
    );
    return undefined;
  }
  return { grade: g, points: score, score };
}
