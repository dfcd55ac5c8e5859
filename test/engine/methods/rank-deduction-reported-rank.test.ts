import { describe, expect, it } from 'vitest';
import { scoreScheme, validateScheme, type Method } from '../../../engine/index.ts';
import { factType, miniScheme, points } from '../../helpers/mini-scheme.ts';

const published = factType('published-rank', { rank: { type: 'integer', minimum: 1 } }, 'parent');
const m: Method = {
  kind: 'rank-deduction',
  factType: 'published-rank',
  rankField: 'rank',
  groups: [{ id: 'soe', name: '国企', when: { all: [{ fact: '$parent', path: '$.category', operator: 'equal', value: 'soe' }] }, freeTop: 15, perPlace: 0.03, source: 't' }],
  floor: 0,
  missing: 'error',
};
const parents = [
  { id: 'x', name: 'X', category: 'soe' },
  { id: 'y', name: 'Y', category: 'soe' },
  { id: 'z', name: 'Z', category: 'soe' },
];
const units = [
  { id: 'x1', name: 'x1', parent: 'x' },
  { id: 'y1', name: 'y1', parent: 'y' },
  { id: 'y2', name: 'y2', parent: 'y' },
  { id: 'z1', name: 'z1', parent: 'z' },
];

describe('rank-deduction with a reported rank (the ranking body ranked more parents than the roster holds)', () => {
  it('charges the places after the free top from the published rank, not from a rank among the roster', () => {
    const s = miniScheme(m, [published], 5);
    // x 3rd: within the first 15 → 5; y 16th: 16 − 15 = 1 place → 5 − 0.03 = 4.97; z 40th: 25 places × 0.03 = 0.75 → 4.25
    // (ranked among these three parents only, all three would be inside the free top 15 and keep 5)
    const r = points(s, { parents, units, facts: [{ type: 'published-rank', parent: 'x', rank: 3 }, { type: 'published-rank', parent: 'y', rank: 16 }, { type: 'published-rank', parent: 'z', rank: 40 }] });
    expect(r).toEqual({ x1: 5, y1: 4.97, y2: 4.97, z1: 4.25 });
  });

  it('rejects a rank that is not a positive integer and a parent without a rank', () => {
    const s = miniScheme(m, [factType('published-rank', { rank: { type: 'number' } }, 'parent')], 5);
    const r = scoreScheme(s, { parents, units, facts: [{ type: 'published-rank', parent: 'x', rank: 2.5 }, { type: 'published-rank', parent: 'y', rank: 1 }] });
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => [i.code, i.path])).toEqual(expect.arrayContaining([['bad-rank', '/facts/0/rank'], ['missing-parent-score', '/units/3']]));
  });

  it('requires exactly one of scoreField and rankField', () => {
    const both = { ...m, scoreField: 'rank' } as Method;
    const s = miniScheme(m, [published], 5);
    const v = validateScheme({ ...s, indicators: [{ ...s.indicators[0], method: both }] });
    expect(v.issues.map((i) => [i.code, i.path])).toContainEqual(['score-or-rank', '/indicators/0/method']);
  });
});
