import { describe, expect, it } from 'vitest';
import { scoreScheme, type Classification } from '../../../engine/index.ts';
import { scoredData, scoredScheme } from '../../helpers/score-scheme.ts';

const top2 = (ties: 'include' | 'ranking' | 'exclude' | 'error'): Classification => ({ kind: 'place', id: 'top', name: '前两名', ranking: 'all', from: 'top', count: 2, ties, source: '前 2 名' });
// a 90 is first; b and c share 80 across the boundary of 2 places; d 70 is last
const data = scoredData({ a: 90, b: 80, c: 80, d: 70 });

describe('ties at a class boundary', () => {
  it('include: every tied unit is in (3 units for 2 places), and the result says so', () => {
    const r = scoreScheme(scoredScheme({ classifications: [top2('include')] }), data);
    expect(r.ok).toBe(true);
    expect(r.classes[0]?.units).toEqual(['a', 'b', 'c']);
    expect(r.classes[0]?.ties).toEqual([{ group: '*', places: 2, tied: ['b', 'c'], inside: ['b'], policy: 'include', taken: ['b', 'c'] }]);
  });

  it('ranking: the ranking’s declared fallback (roster order) decides, and the cut is shown', () => {
    const r = scoreScheme(scoredScheme({ classifications: [top2('ranking')] }), data);
    expect(r.classes[0]?.units).toEqual(['a', 'b']);
    expect(r.classes[0]?.ties?.[0]?.taken).toEqual(['b']);
  });

  it('ranking with shared places: units sharing the boundary place are all in', () => {
    const s = scoredScheme({ classifications: [top2('ranking')] });
    s.rankings[0]!.tieBreak = { keys: [], otherwise: 'shared', source: '名次可以并列' };
    const r = scoreScheme(s, data);
    // ranks 1, 2, 2, 4: b and c share place 2
    expect(r.rankings[0]?.groups[0]?.entries.map((e) => e.rank)).toEqual([1, 2, 2, 4]);
    expect(r.classes[0]?.units).toEqual(['a', 'b', 'c']);
  });

  it('exclude: none of the tied units (at most N)', () => {
    const r = scoreScheme(scoredScheme({ classifications: [top2('exclude')] }), data);
    expect(r.classes[0]?.units).toEqual(['a']);
  });

  it('error: the run is not ok, located at the first tied unit', () => {
    const r = scoreScheme(scoredScheme({ classifications: [top2('error')] }), data);
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => [i.code, i.path])).toEqual([['class-tie', '/units/1']]);
  });

  it('no tie across the boundary: no tie record, whatever the policy', () => {
    const r = scoreScheme(scoredScheme({ classifications: [top2('error')] }), scoredData({ a: 90, b: 80, c: 79, d: 80.5 }));
    expect(r.ok).toBe(true);
    expect(r.classes[0]?.units).toEqual(['a', 'd']);
    expect(r.classes[0]?.ties).toBeUndefined();
  });
});

describe('classes among a filtered subset (among: a score band)', () => {
  it('末位: the lowest 50% among the units under 75', () => {
    const c: Classification = {
      kind: 'place',
      id: 'last',
      name: '末位',
      ranking: 'all',
      from: 'bottom',
      percent: 50,
      rounding: 'floor',
      ties: 'error',
      among: { basis: { kind: 'total' }, upper: { value: 75, inclusive: false } },
      source: '75 分以下单位中排名后 50% 的为末位',
    };
    // under 75: c 74, d 70, e 60, f 50 → 4 units, 50% = 2 → the two lowest, f and e; 75 itself is not "under 75"
    const r = scoreScheme(scoredScheme({ classifications: [c] }), scoredData({ a: 90, b: 75, c: 74, d: 70, e: 60, f: 50 }));
    expect(r.ok).toBe(true);
    expect(r.classes[0]?.units).toEqual(['f', 'e']);
  });
});
