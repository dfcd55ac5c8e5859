import { clean } from '../numbers.ts';
import type { Step } from '../trace.ts';
import { applyTable, compileTable } from './adjustments.ts';
import type { ScoringMethod, UnitScore } from './method.ts';

/** B.12: bonus items (and penalties) with the same deed counted once at its highest, capped. */
export const bonus: ScoringMethod<'bonus'> = {
  kind: 'bonus',
  score(m, ctx) {
    const compiled = compileTable(m);
    const out = new Map<string, UnitScore>();
    for (const unit of ctx.units) {
      const { total, steps: ruleSteps } = applyTable(m, compiled, unit, ctx, `${ctx.leaf.pointer}/method/rules`, 1);
      const steps: Step[] = [...ruleSteps];
      let points = total;
      if (points > m.cap) {
        steps.push({ kind: 'cap', before: points, after: m.cap, cap: m.cap, ...(m.source ? { source: m.source } : {}) });
        points = m.cap;
      }
      if (m.min !== undefined && points < m.min) {
        steps.push({ kind: 'floor', before: points, after: m.min, floor: m.min });
        points = m.min;
      }
      out.set(unit.id, { points: clean(points), steps });
    }
    return out;
  },
};
