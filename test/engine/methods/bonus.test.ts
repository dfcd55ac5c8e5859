import { describe, expect, it } from 'vitest';
import type { Method } from '../../../engine/index.ts';
import { factType, miniScheme, points, units } from '../../helpers/mini-scheme.ts';

const praise = factType('praise', { level: { enum: ['n', 'p', 'c'] }, deed: { type: 'string' }, noNumber: { type: 'boolean' }, amount: { type: 'number' } });
const media = factType('media', { level: { enum: ['n', 'p', 'c'] }, deed: { type: 'string' } });

describe('bonus (RULE-PATTERNS B.12)', () => {
  const m: Method = {
    kind: 'bonus',
    hitPolicy: 'first',
    cap: 5,
    dedupe: { field: 'deed', keep: 'highest', source: '同一事迹取最高分' },
    rules: [
      {
        id: 'praise',
        name: '表彰',
        source: 't',
        factType: 'praise',
        points: { kind: 'table', field: 'level', values: { n: 5, p: 3, c: 1 } },
        modifiers: [{ kind: 'multiply', id: 'half', name: '无文号折半', when: { all: [{ fact: 'noNumber', operator: 'equal', value: true }] }, factor: 0.5, source: 't' }],
      },
      { id: 'media', name: '宣传', source: 't', factType: 'media', points: { kind: 'table', field: 'level', values: { n: 3, p: 2, c: 0.5 } } },
    ],
  };
  const s = miniScheme(m, [praise, media], 5, { totalPoints: 5 });

  it('counts a deed once at its highest, per fact type, and halves without a document number', () => {
    const facts = [
      { type: 'praise', unit: 'u1', level: 'p', deed: 'd1' }, // 3
      { type: 'praise', unit: 'u1', level: 'c', deed: 'd1' }, // same deed, lower → set aside
      { type: 'media', unit: 'u1', level: 'c', deed: 'd1' }, // another type: counts 0.5
      { type: 'praise', unit: 'u2', level: 'p', deed: 'd2', noNumber: true }, // 1.5
    ];
    expect(points(s, { ...units('u1', 'u2'), facts })).toEqual({ u1: 3.5, u2: 1.5 });
  });

  it('caps the sum', () => {
    const facts = [
      { type: 'praise', unit: 'u1', level: 'n', deed: 'a' },
      { type: 'media', unit: 'u1', level: 'n', deed: 'b' },
    ];
    expect(points(s, { ...units('u1'), facts })).toEqual({ u1: 5 });
  });

  it('takes penalties inside [min, cap] (南阳 重大奖惩 ±10)', () => {
    const p: Method = {
      kind: 'bonus',
      hitPolicy: 'first',
      cap: 10,
      min: -10,
      rules: [
        { id: 'reward', name: '奖', source: 't', factType: 'praise', when: { all: [{ fact: 'level', operator: 'equal', value: 'n' }] }, points: { kind: 'fixed', value: 10 } },
        { id: 'penalty', name: '罚', source: 't', factType: 'praise', when: { all: [{ fact: 'level', operator: 'equal', value: 'c' }] }, points: { kind: 'range', min: -10, max: -5, field: 'amount' } },
      ],
    };
    const sp = miniScheme(p, [praise], 10, { totalPoints: 10 });
    const facts = [
      { type: 'praise', unit: 'u1', level: 'c', amount: -7 },
      { type: 'praise', unit: 'u2', level: 'c', amount: -8 },
      { type: 'praise', unit: 'u2', level: 'c', amount: -6 },
    ];
    expect(points(sp, { ...units('u1', 'u2'), facts })).toEqual({ u1: -7, u2: -10 });
  });
});
