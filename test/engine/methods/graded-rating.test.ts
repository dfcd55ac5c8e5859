import { describe, expect, it } from 'vitest';
import { scoreScheme, type Method } from '../../../engine/index.ts';
import { factType, miniScheme, points, units } from '../../helpers/mini-scheme.ts';

const rating = factType('rating', { score: { type: 'number' }, grade: { enum: ['ex', 'good', 'fair'] }, rater: { type: 'string' } });
const bands: Method = {
  kind: 'graded-rating',
  factType: 'rating',
  mode: 'score',
  scoreField: 'score',
  scoreRounding: { digits: 1, mode: 'half-up' },
  grades: [
    { id: 'ex', name: '优秀', min: 4, max: 5 },
    { id: 'good', name: '良好', min: 3, max: 3.9 },
    { id: 'fair', name: '一般', min: 0, max: 3, maxExclusive: true },
  ],
  quota: { scope: { kind: 'parent' }, rule: { kind: 'even-split' }, source: '平阳 四(一)3' },
  missing: { kind: 'zero' },
};
const r = (unit: string, score: number) => ({ type: 'rating', unit, score });

describe('graded-rating (RULE-PATTERNS B.10)', () => {
  const s = miniScheme(bands, [rating], 5);

  it('rounds the score to one decimal and keeps it as points', () => {
    expect(points(s, { ...units('u1', 'u2', 'u3'), facts: [r('u1', 4.25), r('u2', 3.04), r('u3', 2.94)] })).toEqual({ u1: 4.3, u2: 3, u3: 2.9 });
  });

  it('even split: ≤ 3 sections → at most one per grade', () => {
    const res = scoreScheme(s, { ...units('u1', 'u2'), facts: [r('u1', 4.5), r('u2', 4.1)] });
    expect(res.ok).toBe(false);
    expect(res.issues.map((i) => [i.code, i.path])).toEqual([['quota-broken', '/facts/0']]);
  });

  it('even split: 5 sections → each grade 1 or 2 (⌊5/3⌋..⌈5/3⌉)', () => {
    const ok = [r('u1', 5), r('u2', 4), r('u3', 3.5), r('u4', 3.2), r('u5', 1)];
    expect(scoreScheme(s, { ...units('u1', 'u2', 'u3', 'u4', 'u5'), facts: ok }).ok).toBe(true);
    const bad = [r('u1', 5), r('u2', 4), r('u3', 4.5), r('u4', 3.2), r('u5', 1)];
    const res = scoreScheme(s, { ...units('u1', 'u2', 'u3', 'u4', 'u5'), facts: bad });
    // 3 优秀 > ⌈5/3⌉ = 2; 良好 1 and 一般 1 are within 1..2
    expect(res.issues.map((i) => [i.code, i.path])).toEqual([['quota-broken', '/facts/0']]);
  });

  it('quotas are counted per parent', () => {
    // u1,u2 under p1 (1 each grade), q1,q2 under p2
    const res = scoreScheme(s, { ...units('u1', 'u2', 'q1', 'q2'), facts: [r('u1', 5), r('u2', 3), r('q1', 5), r('q2', 3)] });
    expect(res.ok).toBe(true);
  });

  it('rejects a score in no band', () => {
    const res = scoreScheme(s, { ...units('u1'), facts: [r('u1', 5.5)] });
    expect(res.issues.map((i) => [i.code, i.path])).toEqual([['score-outside-grades', '/facts/0/score']]);
  });

  it('grade mode with 20/60/20 shares per rater (温州 主管单位评价)', () => {
    const g: Method = {
      kind: 'graded-rating',
      factType: 'rating',
      mode: 'grade',
      gradeField: 'grade',
      grades: [
        { id: 'ex', name: '优秀', points: 5 },
        { id: 'good', name: '良好', points: 4 },
        { id: 'fair', name: '一般', points: 3 },
      ],
      quota: {
        scope: { kind: 'field', field: 'rater' },
        rule: { kind: 'shares', rounding: 'round', shares: [{ grade: 'ex', percent: 20, bound: 'at-most' }, { grade: 'fair', percent: 20, bound: 'at-least' }] },
        source: 't',
      },
      missing: { kind: 'zero' },
    };
    const sg = miniScheme(g, [rating], 5);
    const grades = ['ex', 'good', 'good', 'good', 'fair'];
    const facts = grades.map((grade, i) => ({ type: 'rating', unit: `u${i}`, grade, rater: 'A' }));
    const data = { ...units('u0', 'u1', 'u2', 'u3', 'u4'), facts };
    expect(points(sg, data)).toEqual({ u0: 5, u1: 4, u2: 4, u3: 4, u4: 3 });
    // two 优秀 of 5: round(20% × 5) = 1 allowed
    const res = scoreScheme(sg, { ...data, facts: facts.map((f, i) => (i === 1 ? { ...f, grade: 'ex' } : f)) });
    expect(res.issues.map((i) => i.code)).toEqual(['quota-broken']);
  });
});
