import { clean } from '../numbers.ts';
import type { DeductionMethod } from '../scheme/methods/deduction.ts';
import { applyTable, compileTable } from './adjustments.ts';
import { compiledFor, defineMethod, perUnitFinish, type UnitScore } from './method.ts';

const tables = new WeakMap<DeductionMethod, ReturnType<typeof compileTable>>();

/** B.4–B.8: per-case deductions from a base, group caps, floor (扣完为止), sub-scale converted to the indicator's points. */
export const deduction = defineMethod<'deduction', UnitScore>({
  kind: 'deduction',
  lean: true,
  unit(m, ctx, unit) {
    const compiled = compiledFor(tables, m, () => compileTable(m, { pointer: `${ctx.leaf.pointer}/method`, name: ctx.leaf.name }));
    const max = ctx.leaf.max;
    const base = m.base ?? max;
    const { total, steps } = applyTable(m, compiled, unit, ctx, `${ctx.leaf.pointer}/method/rules`, -1);
    steps.unshift({ kind: 'base', base }); // the table's own array: no copy per unit
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
    return { points, steps };
  },
  finish: perUnitFinish,
});
