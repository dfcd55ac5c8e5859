import { describe, expect, it } from 'vitest';
import { scoreScheme, type Method } from '../../../engine/index.ts';
import { factType, miniScheme, units } from '../../helpers/mini-scheme.ts';

const prelim = factType('prelim', { grade: { enum: ['ex', 'good', 'fair'] }, quarter: { enum: ['q1', 'q2'] } });
const event = factType('event', { quarter: { enum: ['q1', 'q2'] } });
const m: Method = {
  kind: 'rank-to-grade',
  factType: 'prelim',
  gradeField: 'grade',
  periodField: 'quarter',
  periods: ['q1', 'q2'],
  grades: [
    { id: 'ex', name: '优秀', base: 10, percent: 20, points: 10 },
    { id: 'good', name: '良好', base: 8, percent: 60, points: 8 },
    { id: 'fair', name: '一般', base: 6, percent: 20, points: 6 },
  ],
  rounding: 'floor',
  scope: { kind: 'parent' },
  adjustments: [{ id: 'e', name: '事件', source: 't', factType: 'event', points: { kind: 'fixed', value: -1 } }],
  missing: 'error',
  preliminaryQuota: {
    scope: { kind: 'parent' },
    rule: {
      kind: 'shares',
      rounding: 'floor',
      shares: [
        { grade: 'ex', percent: 20, bound: 'at-most' },
        { grade: 'fair', percent: 20, bound: 'at-least' },
      ],
    },
    source: 'q',
  },
};
const ids = ['u1', 'u2', 'u3', 'u4', 'u5'];
const grades = (quarter: string, g: string[]) => ids.map((u, i) => ({ type: 'prelim', unit: u, grade: g[i], quarter }));

describe('rank-to-grade: quota of the preliminary grades, checked per period', () => {
  it('accepts preliminary grades within the quota and scores them', () => {
    const s = miniScheme(m, [prelim, event], 10);
    // n = 5: 优秀 at most ⌊1⌋ = 1, 一般 at least ⌊1⌋ = 1 — both quarters respect it.
    // q1: u1 −1 → 9 still first (next best 8) → 优秀; q2 the same preliminary order. All keep their grades.
    const facts = [...grades('q1', ['ex', 'good', 'good', 'good', 'fair']), ...grades('q2', ['ex', 'good', 'good', 'good', 'fair']), { type: 'event', unit: 'u1', quarter: 'q1' }];
    const r = scoreScheme(s, { ...units(...ids), facts: facts as never });
    expect(r.ok).toBe(true);
    expect(Object.fromEntries(r.units.map((u) => [u.unit, u.total]))).toEqual({ u1: 10, u2: 8, u3: 8, u4: 8, u5: 6 });
  });

  it('rejects a period whose preliminary grades break the quota, pointing at the first offending fact', () => {
    const s = miniScheme(m, [prelim, event], 10);
    // q2: two 优秀 (> 1) at facts 6 and 7, no 一般 (< 1) → two breaches in q2; q1 is fine.
    const facts = [...grades('q1', ['ex', 'good', 'good', 'good', 'fair']), ...grades('q2', ['good', 'ex', 'ex', 'good', 'good'])];
    const r = scoreScheme(s, { ...units(...ids), facts: facts as never });
    expect(r.ok).toBe(false);
    const broken = r.issues.filter((i) => i.code === 'quota-broken');
    expect(broken.map((i) => i.path)).toEqual(['/facts/6', '/facts/5']);
    expect(broken[0]?.message.en).toContain('(q2)');
  });
});
