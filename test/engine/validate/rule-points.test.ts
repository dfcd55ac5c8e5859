/**
 * Issue 18 item 2, no dangerous defaults: a deduction or bonus rule without
 * its amount asks for it in words, and an amount beyond what the indicator
 * can give (the base or points for a deduction, the cap for a bonus) is a
 * problem (a warning: 扣完为止 may be meant): the old editor's new rule, `{"kind": "fixed", "value": -1000000000}`,
 * validated.
 */
import { describe, expect, it } from 'vitest';
import { validateScheme, type Method } from '../../../engine/index.ts';
import { factType, miniScheme } from '../../helpers/mini-scheme.ts';

const media = factType('media', { date: { type: 'string' } });
const deduction = (value: number, base?: number): Method => ({
  kind: 'deduction',
  floor: 0,
  hitPolicy: 'all',
  ...(base === undefined ? {} : { base }),
  rules: [{ id: 'media', name: '被市级以上媒体曝光', source: 't', factType: 'media', points: { kind: 'fixed', value } }],
});
const issues = (s: unknown) => validateScheme(s).issues.map((i) => (i.severity === 'warning' ? [i.code, i.path, i.message.zh, i.severity] : [i.code, i.path, i.message.zh]));

describe('rule amounts', () => {
  it('a deduction rule may take at most the indicator points (10 here), or its base when it has one', () => {
    expect(issues(miniScheme(deduction(10), [media], 10))).toEqual([]);
    const over = { ...miniScheme(deduction(2), [media], 10), indicators: [{ id: 'x', name: '指标', points: 10, method: deduction(-1000000000) }] };
    expect(issues(over)).toEqual([['rule-points-over-max', '/indicators/0/method/rules/0/points/value', '规则“被市级以上媒体曝光”的扣分分值 -1000000000 超过可扣的 10 分,请核对', 'warning']]);
    // a sub-scale of 100 (附件2 of pingyang: 每件扣 3—5 分 on a 100-point table) allows 11
    expect(issues({ ...over, indicators: [{ id: 'x', name: '指标', points: 10, method: deduction(11, 100) }] })).toEqual([]);
  });

  it('a bonus table value beyond the bonus cap is a problem at that value', () => {
    const bonus: Method = {
      kind: 'bonus',
      cap: 5,
      hitPolicy: 'first',
      rules: [{ id: 'c', name: '表彰加分', source: 't', factType: 'media', points: { kind: 'table', field: 'level', values: { national: 5, 'a/b': 6 } } }],
    };
    const s = { ...miniScheme({ ...bonus, rules: [{ ...bonus.rules[0]!, points: { kind: 'fixed', value: 1 } }] }, [factType('media', { level: { type: 'string' } })], 5), indicators: [{ id: 'x', name: '指标', points: 5, method: bonus }] };
    expect(issues(s)).toEqual([['rule-points-over-max', '/indicators/0/method/rules/0/points/values/a~1b', '规则“表彰加分”的加分分值 6 超过可加的 5 分,请核对', 'warning']]);
  });

  it('a rule with no points yet asks for them, in the words of its method', () => {
    const s = miniScheme(deduction(2), [media], 10) as unknown as { indicators: Array<{ method: { rules: Array<Record<string, unknown>> } }> };
    const { points: _, ...rule } = s.indicators[0]!.method.rules[0]!;
    const noPoints = { ...s, indicators: [{ id: 'x', name: '指标', points: 10, method: { ...deduction(2), rules: [rule] } }] };
    expect(issues(noPoints)).toEqual([['missing-points', '/indicators/0/method/rules/0/points', '请填写扣分分值']]);
    const bonus = { ...noPoints, indicators: [{ id: 'x', name: '指标', points: 10, method: { kind: 'bonus', cap: 5, hitPolicy: 'first', rules: [rule] } }] };
    expect(issues(bonus)).toEqual([['missing-points', '/indicators/0/method/rules/0/points', '请填写加分分值']]);
  });
});
