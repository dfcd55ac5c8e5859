import { clean } from '../numbers.ts';
import type { Step } from '../trace.ts';
import { applyTable, compileTable } from './adjustments.ts';
import type { ScoringMethod, UnitScore } from './method.ts';

/** B.4–B.8: per-case deductions from a base, group caps, floor (扣完为止), sub-scale converted to the indicator's points. */
export const deduction: ScoringMethod<'deduction'> = {
  kind: 'deduction',
  score(m, ctx) {
    const compiled = compileTable(m);
    const max = ctx.leaf.max;
    const base = m.base ?? max;
    const out = new Map<string, UnitScore>();
    for (const unit of ctx.units) {
      const { total, steps: ruleSteps } = applyTable(m, compiled, unit, ctx, `${ctx.leaf.pointer}/method/rules`, -1);
      const steps: Step[] = [{ kind: 'base', base }, ...ruleSteps];
      let points = clean(base - total);
      if (points < m.floor) {
        steps.push({ kind: 'floor', before: points, after: m.floor, floor: m.floor });
        points = m.floor;
      }
      if (base !== max) {
        const after = clean((points * max) / base);
        steps.push({ kind: 'scale', from: base, to: max, before: points, after });
        points = after;
      }
      out.set(unit.id, { points, steps });
    }
    return out;
  },
};
