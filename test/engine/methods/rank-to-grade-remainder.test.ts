import { describe, expect, it } from 'vitest';
import type { Method } from '../../../engine/index.ts';
import { factType, miniScheme, points, units } from '../../helpers/mini-scheme.ts';

const prelim = factType('prelim', { grade: { type: 'string' }, quarter: { type: 'string' } });
const method = (rounding: 'floor' | 'round', remainder?: string): Method => ({
  kind: 'rank-to-grade',
  factType: 'prelim',
  gradeField: 'grade',
  periodField: 'quarter',
  periods: ['q1'],
  grades: [
    { id: 'ex', name: '优秀', base: 3, percent: 20, points: 10 },
    { id: 'good', name: '良好', base: 2, percent: 60, points: 8 },
    { id: 'fair', name: '一般', base: 1, percent: 20, points: 6 },
  ],
  rounding,
  ...(remainder ? { remainder } : {}),
  scope: { kind: 'all' },
  adjustments: [],
  missing: 'lowest',
});

/** 20% / 60% / 20% of n units: which grade takes the rounding remainder is declared, never implied. */
describe('rank-to-grade: the remainder grade', () => {
  const ids = (n: number) => Array.from({ length: n }, (_, i) => `u${String(i + 1).padStart(2, '0')}`);
  // every unit the same preliminary grade: the final order is the roster order
  const data = (n: number) => ({ ...units(...ids(n)), facts: ids(n).map((u) => ({ type: 'prelim', unit: u, grade: 'good', quarter: 'q1' })) });
  const count = (p: Record<string, number>, v: number) => Object.values(p).filter((x) => x === v).length;
  const grades = (rounding: 'floor' | 'round', n: number, remainder?: string) => {
    const p = points(miniScheme(method(rounding, remainder), [prelim], 10), data(n));
    return [count(p, 10), count(p, 8), count(p, 6)];
  };

  it('floor, the rest to the last grade: 11 → 2 / 6 / 3 (27% 一般); 13 → 2 / 7 / 4 (31%); 1 → 0 / 0 / 1', () => {
    expect(grades('floor', 11)).toEqual([2, 6, 3]);
    expect(grades('floor', 13)).toEqual([2, 7, 4]);
    expect(grades('floor', 1)).toEqual([0, 0, 1]);
  });

  it('nearest, the rest to the middle grade: 11 → 2 / 7 / 2; 13 → 3 / 7 / 3; 1 → 0 / 1 / 0; 18 → 4 / 10 / 4', () => {
    // 20% × 11 = 2.2 → 2; 20% × 13 = 2.6 → 3; 20% × 1 = 0.2 → 0; 20% × 18 = 3.6 → 4 (20% n is never x.5)
    expect(grades('round', 11, 'good')).toEqual([2, 7, 2]);
    expect(grades('round', 13, 'good')).toEqual([3, 7, 3]);
    expect(grades('round', 1, 'good')).toEqual([0, 1, 0]);
    expect(grades('round', 18, 'good')).toEqual([4, 10, 4]);
  });
});
