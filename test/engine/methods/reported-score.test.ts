import { describe, expect, it } from 'vitest';
import { scoreScheme, type Method } from '../../../engine/index.ts';
import { factType, miniScheme, points, units } from '../../helpers/mini-scheme.ts';

const mark = factType('mark', { value: { type: 'number' }, rater: { type: 'string' } });

describe('reported-score (RULE-PATTERNS B.11)', () => {
  it('averages the raters on their 100-point scale, converted and rounded', () => {
    const m: Method = { kind: 'reported-score', factType: 'mark', field: 'value', combine: 'mean', scale: 100, rounding: { digits: 2, mode: 'half-up' }, missing: 'zero' };
    // (90 + 85 + 80) / 3 = 85 → 85/100 × 5 = 4.25; u2: 77 → 3.85; u3 none → 0
    const facts = [90, 85, 80].map((value) => ({ type: 'mark', unit: 'u1', value })).concat([{ type: 'mark', unit: 'u2', value: 77 }]);
    expect(points(miniScheme(m, [mark], 5), { ...units('u1', 'u2', 'u3'), facts })).toEqual({ u1: 4.25, u2: 3.85, u3: 0 });
  });

  it('reports a missing score when the scheme requires one, and a score off the scale', () => {
    const m: Method = { kind: 'reported-score', factType: 'mark', field: 'value', combine: 'sum', missing: 'error' };
    const r = scoreScheme(miniScheme(m, [mark], 5), { ...units('u1', 'u2'), facts: [{ type: 'mark', unit: 'u1', value: 6 }] });
    expect(r.issues.map((i) => [i.code, i.path])).toEqual([
      ['score-out-of-scale', '/facts/0/value'],
      ['missing-score', '/units/1'],
    ]);
  });
});
