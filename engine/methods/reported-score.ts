import { compileCondition, type CompiledCondition } from '../conditions/index.ts';
import { dataIssue, joinPointer } from '../issue.ts';
import { clean, roundTo } from '../numbers.ts';
import { factScope, readsRoster } from '../facts/scope.ts';
import type { ReportedScoreMethod } from '../scheme/methods/reported-score.ts';
import type { Step } from '../trace.ts';
import { compiledFor, defineMethod, perUnitFinish, unitPointer, type UnitScore } from './method.ts';
import { factsFor } from './adjustments.ts';

const filters = new WeakMap<ReportedScoreMethod, { test: CompiledCondition | undefined; scoped: boolean }>();

/** B.11: scores reported by several raters or periods, combined (mean, sum…), converted from their own scale. */
export const reportedScore = defineMethod<'reported-score', UnitScore>({
  kind: 'reported-score',
  unit(m, ctx, unit) {
    const max = ctx.leaf.max;
    const filter = compiledFor(filters, m, () => ({ test: m.filter ? compileCondition(m.filter) : undefined, scoped: m.filter !== undefined && readsRoster(m.filter) }));
    const parent = ctx.roster.parentOf(unit);
    const values = factsFor(ctx, unit, m.factType)
      .filter((f) => !filter.test || filter.test(filter.scoped ? factScope(f.fact, unit, parent) : f.fact))
      .map((f) => {
        ctx.facts.use(f);
        return { fact: f.ref, value: Number(f.fact[m.field]) };
      });
    if (values.length === 0) {
      if (m.missing === 'error' && !ctx.facts.hadUnusable(m.factType, unit.id)) {
        ctx.report(dataIssue('missing-score', unitPointer(ctx, unit.id), `${ctx.words.unit} ${unit.id}(${unit.name})缺少“${ctx.leaf.name}”分数`, `unit ${unit.id} has no ${m.factType} score for ${ctx.leaf.id}`));
      }
      const points = m.missing === 'full' ? max : 0;
      return { points, steps: [{ kind: 'missing', policy: m.missing, points }] };
    }
    const full = m.scale ?? max;
    for (const v of values) {
      if (!(v.value >= 0 && v.value <= full)) {
        ctx.report(dataIssue('score-out-of-scale', joinPointer('', 'facts', v.fact.index, m.field), `分数 ${v.value} 超出 0–${full}`, `score ${v.value} is outside 0–${full}`));
      }
    }
    const nums = values.map((v) => v.value);
    const result = clean(
      m.combine === 'mean' ? nums.reduce((a, b) => a + b, 0) / nums.length : m.combine === 'sum' ? nums.reduce((a, b) => a + b, 0) : m.combine === 'max' ? Math.max(...nums) : Math.min(...nums),
    );
    let points = m.scale === undefined ? result : clean((result * max) / m.scale);
    const steps: Step[] = [{ kind: 'reported', values, combine: m.combine, result, ...(m.scale !== undefined ? { scale: m.scale } : {}), points }];
    if (points > max) {
      steps.push({ kind: 'cap', before: points, after: max, cap: max });
      points = max;
    }
    if (m.rounding) {
      const after = roundTo(points, m.rounding.digits, m.rounding.mode);
      if (after !== points) steps.push({ kind: 'round', digits: m.rounding.digits, mode: m.rounding.mode, before: points, after });
      points = after;
    }
    return { points, steps };
  },
  finish: perUnitFinish,
});
