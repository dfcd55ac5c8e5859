import { clean } from '../numbers.ts';
import type { BonusMethod } from '../scheme/methods/bonus.ts';
import { applyTable, compileTable } from './adjustments.ts';
import { compiledFor, defineMethod, perUnitFinish, type UnitScore } from './method.ts';

const tables = new WeakMap<BonusMethod, ReturnType<typeof compileTable>>();

/** B.12: bonus items (and penalties) with the same deed counted once at its highest, capped. */
export const bonus = defineMethod<'bonus', UnitScore>({
  kind: 'bonus',
  lean: true,
  unit(m, ctx, unit) {
    const compiled = compiledFor(tables, m, () => compileTable(m, { pointer: `${ctx.leaf.pointer}/method`, name: ctx.leaf.name }));
    const { total, steps } = applyTable(m, compiled, unit, ctx, `${ctx.leaf.pointer}/method/rules`, 1);
    let points = total;
    // no cap declared means none (issue #20 item 4): no step, no sentinel number in the trace
    if (m.cap !== undefined && points > m.cap) {
      steps.push({ kind: 'cap', before: points, after: m.cap, cap: m.cap, ...(m.source ? { source: m.source } : {}) });
      points = m.cap;
    }
    if (m.min !== undefined && points < m.min) {
      steps.push({ kind: 'floor', before: points, after: m.min, floor: m.min });
      points = m.min;
    }
    return { points: clean(points), steps };
  },
  finish: perUnitFinish,
});
