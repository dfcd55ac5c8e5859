import { describe, expect, it } from 'vitest';
import { scoreScheme, type Method } from '../../../engine/index.ts';
import { factType, miniScheme, points, units } from '../../helpers/mini-scheme.ts';

const caseType = factType('case', {
  item: { enum: ['a', 'b', 'c', 'sanction'] },
  amount: { type: 'number' },
  role: { enum: ['lead', 'co', 'principal', 'staff'] },
  severe: { type: 'boolean' },
  persons: { type: 'integer' },
  person: { type: 'string' },
  unrelated: { type: 'boolean' },
});
const when = (item: string) => ({ all: [{ fact: 'item', operator: 'equal' as const, value: item }] });
const f = (unit: string, item: string, extra: Record<string, unknown> = {}) => ({ type: 'case', unit, item, ...extra });

describe('deduction (RULE-PATTERNS B.4–B.8)', () => {
  const m: Method = {
    kind: 'deduction',
    floor: 0,
    hitPolicy: 'first',
    rules: [
      { id: 'fixed', name: '每例扣1分', source: 't', factType: 'case', when: when('a'), points: { kind: 'fixed', value: 1 }, modifiers: [{ kind: 'multiply', id: 'severe', name: '情节严重加倍', when: { all: [{ fact: 'severe', operator: 'equal', value: true }] }, factor: 2, source: 't' }] },
      { id: 'range', name: '视情扣3-5分', source: 't', factType: 'case', when: when('b'), points: { kind: 'range', min: 3, max: 5, field: 'amount' } },
      { id: 'per-person', name: '每人次2分', source: 't', factType: 'case', when: when('c'), points: { kind: 'fixed', value: 2 }, quantityField: 'persons' },
    ],
  };
  const s = miniScheme(m, [caseType], 20);

  it('subtracts fixed, per-person and range amounts, doubling severe cases', () => {
    // 20 − 1 − 1×2 − 4 − 2×3 = 7
    const facts = [f('u1', 'a'), f('u1', 'a', { severe: true }), f('u1', 'b', { amount: 4 }), f('u1', 'c', { persons: 3 })];
    expect(points(s, { ...units('u1'), facts })).toEqual({ u1: 7 });
  });

  it('floors at zero (扣完为止)', () => {
    const facts = Array.from({ length: 5 }, () => f('u1', 'b', { amount: 5 }));
    const r = scoreScheme(s, { ...units('u1'), facts });
    expect(r.units[0]?.indicators[0]?.points).toBe(0);
    expect(r.units[0]?.indicators[0]?.steps.some((x) => x.kind === 'floor' && x.before === -5 && x.after === 0)).toBe(true);
  });

  it('rejects a range amount outside the range, pointing at the field', () => {
    const r = scoreScheme(s, { ...units('u1'), facts: [f('u1', 'a'), f('u1', 'b', { amount: 5.5 })] });
    expect(r.ok).toBe(false);
    expect(r.issues).toEqual([expect.objectContaining({ code: 'amount-out-of-range', path: '/facts/1/amount', source: 'data' })]);
  });

  it('caps groups (限扣分值) and converts a 100-point sub-scale to the indicator points', () => {
    const g: Method = {
      kind: 'deduction',
      base: 100,
      floor: 0,
      hitPolicy: 'first',
      groups: [{ id: 'g1', name: '组1', cap: 10, source: 't' }],
      rules: [
        { id: 'in-group', name: '组内', source: 't', factType: 'case', when: when('a'), points: { kind: 'fixed', value: 4 }, group: 'g1' },
        { id: 'free', name: '组外', source: 't', factType: 'case', when: when('b'), points: { kind: 'fixed', value: 3 }, modifiers: [{ kind: 'multiply', id: 'co', name: '协办减半', when: { all: [{ fact: 'role', operator: 'equal', value: 'co' }] }, factor: 0.5, source: 't' }] },
      ],
    };
    // group: 4×4 = 16 → cap 10; free: 3×0.5 = 1.5 → 100 − 11.5 = 88.5 → ×5/100 = 4.425
    const facts = [...Array.from({ length: 4 }, () => f('u1', 'a')), f('u1', 'b', { role: 'co' })];
    expect(points(miniScheme(g, [caseType], 5), { ...units('u1'), facts })).toEqual({ u1: 4.425 });
  });

  it('tables, exemptions, principal coefficient and one person at the highest (温州 附件1)', () => {
    const t: Method = {
      kind: 'deduction',
      floor: 0,
      hitPolicy: 'first',
      dedupe: { field: 'person', keep: 'highest', source: '注2 按最高扣分值扣分' },
      rules: [
        {
          id: 'sanction',
          name: '处分',
          source: 't',
          factType: 'case',
          when: when('sanction'),
          points: { kind: 'table', field: 'amount', values: { '1': 3, '2': 4.5, '3': 6 } },
          modifiers: [
            { kind: 'exempt', id: 'unrelated', name: '与职务无关', when: { all: [{ fact: 'unrelated', operator: 'equal', value: true }] }, source: 't' },
            { kind: 'multiply', id: 'principal', name: '主要负责人1.5系数', when: { all: [{ fact: 'role', operator: 'equal', value: 'principal' }] }, factor: 1.5, source: 't' },
          ],
        },
      ],
    };
    const facts = [
      f('u1', 'sanction', { amount: 1, person: 'p', role: 'staff' }), // 3, but p also has 4.5 → set aside
      f('u1', 'sanction', { amount: 2, person: 'p', role: 'staff' }), // 4.5
      f('u1', 'sanction', { amount: 2, person: 'q', role: 'principal' }), // 4.5 × 1.5 = 6.75
      f('u1', 'sanction', { amount: 3, person: 'r', unrelated: true }), // exempt
    ];
    // 25 − 4.5 − 6.75 = 13.75
    const r = scoreScheme(miniScheme(t, [caseType], 25), { ...units('u1'), facts });
    expect(r.units[0]?.indicators[0]?.points).toBe(13.75);
    const kinds = r.units[0]?.indicators[0]?.steps.map((x) => x.kind);
    expect(kinds).toEqual(['base', 'deduped', 'rule', 'rule', 'exempt']);
  });

  it('applies a parent-level fact to every unit of that parent', () => {
    const omitted = factType('omitted', { section: { type: 'string' } }, 'parent');
    const o: Method = { kind: 'deduction', floor: 0, hitPolicy: 'first', rules: [{ id: 'o', name: '漏报', source: 't', factType: 'omitted', points: { kind: 'fixed', value: 2 } }] };
    const r = points(miniScheme(o, [omitted], 10), { ...units('u1', 'u2', 'q1'), facts: [{ type: 'omitted', parent: 'p1', section: 'x' }] });
    expect(r).toEqual({ u1: 8, u2: 8, q1: 10 });
  });
});
