import { describe, expect, it } from 'vitest';
import { validateScheme, type Method } from '../../../engine/index.ts';
import { factType, miniScheme, points, units } from '../../helpers/mini-scheme.ts';

const sanction = factType('sanction', { person: { type: 'string' }, kind: { enum: ['warning', 'demerit', 'talk'] }, amount: { type: 'number' } });
const finding = factType('finding', { amount: { type: 'number' } });
const m: Method = {
  kind: 'deduction',
  floor: 0,
  hitPolicy: 'first',
  rules: [
    { id: 'sanction', name: '处分', source: 't', factType: 'sanction', when: { all: [{ fact: 'kind', operator: 'in', value: ['warning', 'demerit'] }] }, points: { kind: 'table', field: 'kind', values: { warning: 3, demerit: 4.5 } } },
    { id: 'talk', name: '诫勉', source: 't', factType: 'sanction', when: { all: [{ fact: 'kind', operator: 'equal', value: 'talk' }] }, points: { kind: 'range', min: 0.9, max: 3, field: 'amount' } },
    { id: 'finding', name: '每人次', source: 't', factType: 'finding', points: { kind: 'range', min: 2, max: 4, field: 'amount' } },
  ],
  dedupe: { field: 'person', keep: 'highest', rules: ['sanction', 'talk'], source: '同一责任人按最高扣分值扣分' },
};

describe('deduction: dedupe limited to some rules (one person counted once at the highest sanction)', () => {
  it('keeps the highest sanction of a person; other rules are counted per case even without the field', () => {
    const s = miniScheme(m, [sanction, finding], 25);
    // a: person P warning 3, demerit 4.5, talk 2 → only 4.5; person Q talk 1 → 1; two findings 2 + 3 (no person field, not deduplicated)
    // 25 − 4.5 − 1 − 2 − 3 = 14.5
    const facts = [
      { type: 'sanction', unit: 'a', person: 'P', kind: 'warning' },
      { type: 'sanction', unit: 'a', person: 'P', kind: 'demerit' },
      { type: 'sanction', unit: 'a', person: 'P', kind: 'talk', amount: 2 },
      { type: 'sanction', unit: 'a', person: 'Q', kind: 'talk', amount: 1 },
      { type: 'finding', unit: 'a', amount: 2 },
      { type: 'finding', unit: 'a', amount: 3 },
    ];
    expect(points(s, { ...units('a'), facts: facts as never })).toEqual({ a: 14.5 });
  });

  it('checks the listed rules exist and only their fact types need the field', () => {
    const s = miniScheme(m, [sanction, finding], 25);
    const bad = { ...m, dedupe: { field: 'person', keep: 'highest', rules: ['nope'], source: 't' } } as Method;
    const v = validateScheme({ ...s, indicators: [{ ...s.indicators[0], method: bad }] });
    expect(v.issues.map((i) => [i.code, i.path])).toContainEqual(['unknown-rule', '/indicators/0/method/dedupe/rules/0']);
  });
});
