import { describe, expect, it } from 'vitest';
import { scoreScheme, type Classification } from '../../../engine/index.ts';
import { scoredData, scoredScheme } from '../../helpers/score-scheme.ts';

// the scheme year is 2021 (mini scheme): yearsAgo 1 = 2020, 2 = 2019
const classes: Classification[] = [
  { kind: 'band', id: 'dissatisfied', name: '不满意', band: { basis: { kind: 'total' }, upper: { value: 60, inclusive: false } }, source: '60 分以下为不满意' },
  {
    kind: 'history',
    id: 'two-running',
    name: '连续两年不满意',
    of: 'dissatisfied',
    history: { outcome: 'dissatisfied', yearsAgo: [1] },
    source: '连续两年被评为不满意的,主要负责人免职',
  },
  {
    kind: 'history',
    id: 'twice-in-three',
    name: '近三年两次以上',
    of: 'dissatisfied',
    history: { outcome: 'dissatisfied', yearsAgo: [1, 2], atLeast: 1 },
    source: '三年内两次以上不满意(含本年度)',
  },
];

describe('history over k of n years', () => {
  it('running years (all listed) and k of n (atLeast)', () => {
    const history = [
      { unit: 'a', year: 2020, outcome: 'dissatisfied' }, // a: 2021 and 2020 → running, and twice in three
      { unit: 'b', year: 2019, outcome: 'dissatisfied' }, // b: 2021 and 2019 → not running, but twice in three
      { unit: 'd', year: 2020, outcome: 'dissatisfied' }, // d is not dissatisfied this year → in neither
    ];
    const r = scoreScheme(scoredScheme({ classifications: classes }), scoredData({ a: 50, b: 55, c: 40, d: 80 }, [], history));
    expect(r.ok).toBe(true);
    const byClass = Object.fromEntries(r.classes.map((c) => [c.id, c.units]));
    expect(byClass).toEqual({ dissatisfied: ['a', 'b', 'c'], 'two-running': ['a'], 'twice-in-three': ['a', 'b'] });
  });
});
