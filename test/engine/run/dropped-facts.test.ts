import { describe, expect, it } from 'vitest';
import { scoreScheme } from '../../../engine/index.ts';
import { factType, miniScheme, units } from '../../helpers/mini-scheme.ts';

/** Issue #10 §2: a fact that is dropped is never dropped silently. */
describe('dropped facts are warnings at the fact', () => {
  const caseType = factType('case', { kind: { type: 'string' }, amount: { type: 'number' } });
  const s = miniScheme(
    {
      kind: 'deduction',
      floor: 0,
      hitPolicy: 'first',
      rules: [
        { id: 'late', name: '迟报', source: '每例扣 1 分', factType: 'case', when: { all: [{ fact: 'kind', operator: 'equal', value: 'late' }] }, points: { kind: 'fixed', value: 1 } },
        { id: 'other', name: '其他问题', source: '视情扣 0.5–2 分', factType: 'case', when: { all: [{ fact: 'kind', operator: 'equal', value: 'other' }] }, points: { kind: 'range', min: 0.5, max: 2, field: 'amount' } },
      ],
    },
    [caseType],
    10,
    { exemptions: [{ kind: 'condition', id: 'elsewhere', name: '另行评议', when: { all: [{ fact: '$unit', path: '$.category', operator: 'equal', value: 'b' }] }, source: '另行评议' }], categories: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }] },
  );
  const data = {
    ...units('u1', 'u2'),
    facts: [
      { type: 'case', unit: 'u1', kind: 'late' }, // 0: −1
      { type: 'case', unit: 'u1', kind: 'late', amount: 2 }, // 1: −1, the amount 2 is ignored (fixed points)
      { type: 'case', unit: 'u1', kind: 'typo' }, // 2: matches no rule
      { type: 'case', unit: 'u2', kind: 'late' }, // 3: u2 is exempt
    ],
  };
  data.units[1]!.category = 'b';

  it('no rule matched, an amount on a fixed-points rule, a fact of an exempt unit', () => {
    const r = scoreScheme(s, data);
    expect(r.ok).toBe(true);
    // u1: 10 − 1 − 1 = 8 (the typo case matches no rule, the amount is not used)
    expect(r.units[0]?.total).toBe(8);
    expect(r.issues.map((i) => [i.code, i.path, i.severity])).toEqual([
      ['amount-ignored', '/facts/1/amount', 'warning'],
      ['fact-unused', '/facts/2', 'warning'],
      ['fact-of-exempt-unit', '/facts/3', 'warning'],
    ]);
  });
});
