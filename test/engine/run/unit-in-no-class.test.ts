import { describe, expect, it } from 'vitest';
import { scoreScheme, type Classification } from '../../../engine/index.ts';
import { scoredData, scoredScheme } from '../../helpers/score-scheme.ts';

/**
 * Issue #20 item 5: a scheme may declare its classes cover every unit (`classesCoverAll`);
 * a scored unit that then lands in no class is a warning at the unit, by name.
 */
const total = { kind: 'total' } as const;
// 一般 written "60 分以上" (exclusive) while 差 is "60 分以下" (exclusive): exactly 60 falls through
const bands: Classification[] = [
  { kind: 'band', id: 'excellent', name: '优秀', band: { basis: total, lower: { value: 85, inclusive: true } }, source: '85 分(含)以上为优秀' },
  { kind: 'band', id: 'good', name: '良好', band: { basis: total, lower: { value: 75, inclusive: true }, upper: { value: 85, inclusive: false } }, source: '75–85 分为良好' },
  { kind: 'band', id: 'fair', name: '一般', band: { basis: total, lower: { value: 60, inclusive: false }, upper: { value: 75, inclusive: false } }, source: '60 分以上 75 分以下为一般' },
  { kind: 'band', id: 'poor', name: '差', band: { basis: total, upper: { value: 60, inclusive: false } }, source: '60 分以下为差' },
];
const data = () => {
  const d = scoredData({ a: 90, b: 60, c: 59, d: 60.5 });
  d.units = d.units.map((u) => ({ ...u, name: `${u.id} 局` }));
  return d;
};

describe('unit-in-no-class', () => {
  it('with classesCoverAll, the unit at exactly 60 (in neither 60 < s nor s < 60) is warned by name at its roster row', () => {
    const r = scoreScheme(scoredScheme({ classifications: bands, classesCoverAll: true }), data());
    expect(r.ok).toBe(true);
    expect(Object.fromEntries(r.classes.map((c) => [c.id, c.units]))).toEqual({ excellent: ['a'], good: [], fair: ['d'], poor: ['c'] });
    expect(r.issues.map((i) => [i.code, i.path, i.severity])).toEqual([['unit-in-no-class', '/units/1', 'warning']]);
    expect(r.issues[0]?.message.zh).toContain('“b 局”不属任何等次(优秀、良好、一般、差)');
  });

  it('without the declaration a unit in no class is ordinary: nothing is said', () => {
    const r = scoreScheme(scoredScheme({ classifications: bands }), data());
    expect(r.issues).toEqual([]);
  });

  it('with the gap closed (一般 from 60 inclusive) every unit has a class and nothing is said', () => {
    const closed = bands.map((c) => (c.id === 'fair' && c.kind === 'band' ? { ...c, band: { ...c.band, lower: { value: 60, inclusive: true } } } : c));
    const r = scoreScheme(scoredScheme({ classifications: closed, classesCoverAll: true }), data());
    expect(r.issues).toEqual([]);
    expect(r.classes.find((c) => c.id === 'fair')?.units).toEqual(['b', 'd']);
  });
});
