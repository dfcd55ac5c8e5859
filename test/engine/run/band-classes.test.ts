import { describe, expect, it } from 'vitest';
import { scoreScheme, validateScheme, type Classification } from '../../../engine/index.ts';
import { scoredData, scoredScheme } from '../../helpers/score-scheme.ts';

/** 满意度测评: 优秀 ≥ 85,良好 75 ≤ s < 85,一般 60 ≤ s < 75,差 < 60 (bounds as declared). */
const bands: Classification[] = [
  { kind: 'band', id: 'excellent', name: '优秀', band: { basis: { kind: 'total' }, lower: { value: 85, inclusive: true } }, source: '85 分以上(含)为优秀' },
  { kind: 'band', id: 'good', name: '良好', band: { basis: { kind: 'total' }, lower: { value: 75, inclusive: true }, upper: { value: 85, inclusive: false } }, source: '75–85 分为良好' },
  { kind: 'band', id: 'fair', name: '一般', band: { basis: { kind: 'total' }, lower: { value: 60, inclusive: true }, upper: { value: 75, inclusive: false } }, source: '60–75 分为一般' },
  { kind: 'band', id: 'poor', name: '差', band: { basis: { kind: 'total' }, upper: { value: 60, inclusive: false } }, source: '60 分以下为差' },
];

describe('classes by score band', () => {
  it('puts each unit in the band its total falls in, the bounds as declared', () => {
    const s = scoredScheme({ classifications: bands });
    // 85 is 优秀 (≥ 85 inclusive); 84.99 and 75 are 良好; 74.5 and 60 一般; 59.99 差
    const r = scoreScheme(s, scoredData({ a: 85, b: 84.99, c: 75, d: 74.5, e: 60, f: 59.99, g: 100 }));
    expect(r.ok).toBe(true);
    const byClass = Object.fromEntries(r.classes.map((c) => [c.id, c.units]));
    expect(byClass).toEqual({ excellent: ['a', 'g'], good: ['b', 'c'], fair: ['d', 'e'], poor: ['f'] });
  });

  it('reads an indicator instead of the total, and an exclusive lower bound', () => {
    const c: Classification = { kind: 'band', id: 'over-90', name: '90 分以上', band: { basis: { kind: 'indicator', id: 'x' }, lower: { value: 90, inclusive: false } }, source: '超过 90 分' };
    const r = scoreScheme(scoredScheme({ classifications: [c] }), scoredData({ a: 90, b: 90.5 }));
    // "超过 90" excludes 90 itself
    expect(r.classes[0]?.units).toEqual(['b']);
  });

  it('rejects a band without bounds, an empty band and an unknown indicator', () => {
    const s = scoredScheme();
    s.classifications = [
      { kind: 'band', id: 'none', name: '无界', band: { basis: { kind: 'total' } }, source: 't' },
      { kind: 'band', id: 'empty', name: '空', band: { basis: { kind: 'total' }, lower: { value: 80, inclusive: true }, upper: { value: 80, inclusive: false } }, source: 't' },
      { kind: 'band', id: 'ghost', name: '未知', band: { basis: { kind: 'indicator', id: 'nope' }, lower: { value: 1, inclusive: true } }, source: 't' },
    ];
    expect(validateScheme(s).issues.map((i) => [i.code, i.path])).toEqual([
      ['band-unbounded', '/classifications/0/band'],
      ['range-order', '/classifications/1/band'],
      ['unknown-indicator', '/classifications/2/band/basis/id'],
    ]);
  });
});
