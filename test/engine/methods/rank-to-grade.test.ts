import { describe, expect, it } from 'vitest';
import type { Method } from '../../../engine/index.ts';
import { factType, miniScheme, points, units } from '../../helpers/mini-scheme.ts';

const prelim = factType('prelim', { grade: { enum: ['ex', 'good', 'fair'] }, quarter: { enum: ['q1', 'q2'] } });
const event = factType('event', { delta: { type: 'number' }, quarter: { enum: ['q1', 'q2'] } });

describe('rank-to-grade (温州国资 附件2: 初步等次 → ±1 → 重新排名定等)', () => {
  it('re-ranks by grade base + events into 20/60/20 and averages the quarters', () => {
    const m: Method = {
      kind: 'rank-to-grade',
      factType: 'prelim',
      gradeField: 'grade',
      periodField: 'quarter',
      periods: ['q1', 'q2'],
      grades: [
        { id: 'ex', name: '优秀', base: 3, percent: 20, points: 10 },
        { id: 'good', name: '良好', base: 2, percent: 60, points: 8 },
        { id: 'fair', name: '一般', base: 1, percent: 20, points: 6 },
      ],
      rounding: 'round',
      scope: { kind: 'parent' },
      adjustments: [{ id: 'e', name: '加减分事件', source: 't', factType: 'event', points: { kind: 'table', field: 'delta', values: { '1': 1, '-1': -1 } } }],
      missing: 'lowest',
    };
    const s = miniScheme(m, [prelim, event], 10);
    const ids = ['u1', 'u2', 'u3', 'u4', 'u5'];
    const q1 = ['ex', 'good', 'good', 'good', 'fair'];
    const facts: Array<Record<string, unknown> & { type: string }> = [];
    ids.forEach((u, i) => facts.push({ type: 'prelim', unit: u, grade: q1[i], quarter: 'q1' }, { type: 'prelim', unit: u, grade: q1[i], quarter: 'q2' }));
    // q1: u1 −1 → 2; u4 +1 → 3. Order: u4 3 (good before) vs... u4 3 is the only 3 → 优秀; u1 2, u2 2, u3 2 → 良好 (ties: better preliminary first: u1 ex); u5 1 → 一般.
    // n = 5: 优秀 round(1) = 1, 良好 round(3) = 3, 一般 the rest 1.
    facts.push({ type: 'event', unit: 'u1', delta: -1, quarter: 'q1' }, { type: 'event', unit: 'u4', delta: 1, quarter: 'q1' });
    // q2: no events → preliminary order: u1 优秀, u2–u4 良好, u5 一般
    // u1: (8 + 10) / 2 = 9; u4: (10 + 8) / 2 = 9; u2, u3: 8; u5: 6
    expect(points(s, { ...units(...ids), facts: facts as never })).toEqual({ u1: 9, u2: 8, u3: 8, u4: 9, u5: 6 });
  });
});
