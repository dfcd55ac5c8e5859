import { assertNever } from '../numbers.ts';
import type { AdjustmentRule } from '../scheme/adjustment-rule.ts';
import type { SemanticContext } from './semantic-context.ts';

/**
 * A deduction or bonus rule worth more than the whole it is taken from (the
 * sub-scale's base or the indicator's points for a deduction, the cap for a
 * bonus, when it has one) is most likely a typing slip: 20 typed for 2, or a placeholder such
 * as the old editor's -1e9. A warning, not an error: a document may mean
 * 扣完为止 (a county document's 直扣20分 on an indicator later cut to 15), and
 * scoring floors it anyway. Each amount a rule can give is checked.
 */
export function checkRulePoints(ctx: SemanticContext, rules: readonly AdjustmentRule[], at: string, limit: number | undefined, what: '扣分' | '加分'): void {
  // a bonus without a cap has no whole to exceed (bonus-over-max says whether it may outgrow its indicator)
  if (limit === undefined) return;
  rules.forEach((r, i) => {
    const over = (value: number, path: string) => {
      if (Math.abs(value) > limit) {
        ctx.warn('rule-points-over-max', `${at}/${i}/points${path}`, `规则“${r.name}”的${what}分值 ${value} 超过可${what === '扣分' ? '扣' : '加'}的 ${limit} 分,请核对`, `rule "${r.id}": ${value} points exceed the ${limit} available`);
      }
    };
    const p = r.points;
    switch (p.kind) {
      case 'fixed':
        return over(p.value, '/value');
      case 'range':
        return over(p.max, '/max');
      case 'table':
        return Object.entries(p.values).forEach(([k, v]) => over(v, `/values/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`));
      default:
        assertNever(p);
    }
  });
}
