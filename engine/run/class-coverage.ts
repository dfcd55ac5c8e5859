import type { RosterUnit } from '../data/dataset.ts';
import { dataIssue, type Issue } from '../issue.ts';
import type { ClassResult } from './result.ts';

/**
 * When the scheme declares its classes cover everyone (`classesCoverAll`), a scored unit
 * that lands in none has fallen through a gap between bands or places: said per unit, by
 * name, at the unit. Without the declaration a unit in no class is ordinary (满意 and
 * 不满意 leave the middle unclassed) and nothing is said.
 */
export function unitsInNoClass(scored: readonly RosterUnit[], classes: readonly ClassResult[], order: ReadonlyMap<string, number>): Issue[] {
  const classed = new Set(classes.flatMap((c) => c.units));
  const names = classes.map((c) => c.name).join('、');
  return scored
    .filter((u) => !classed.has(u.id))
    .map((u) =>
      dataIssue(
        'unit-in-no-class',
        `/units/${order.get(u.id) ?? ''}`,
        `“${u.name}”不属任何等次(${names}),而方案声明各等次覆盖全部参评单位:请核对分数段或名额是否留有空档`,
        `unit ${u.id} (${u.name}) is in no class (${classes.map((c) => c.id).join(', ')}) although the scheme declares its classes cover every unit (classesCoverAll): check the bands or places for a gap`,
        'warning',
      ),
    );
}
