import { describe, expect, it } from 'vitest';
import { validateScheme, type Classification } from '../../../engine/index.ts';
import { bandsOverlap } from '../../../engine/validate/check-band-overlap.ts';
import { scoredScheme } from '../../helpers/score-scheme.ts';

/** Issue #20 item 5: two score bands that share a value put a unit in two classes; validate says so with both pointers. */
const total = { kind: 'total' } as const;
const band = (id: string, lower?: [number, boolean], upper?: [number, boolean], extra: Partial<Classification> = {}): Classification =>
  ({
    kind: 'band',
    id,
    name: id,
    band: { basis: total, ...(lower ? { lower: { value: lower[0], inclusive: lower[1] } } : {}), ...(upper ? { upper: { value: upper[0], inclusive: upper[1] } } : {}) },
    source: 't',
    ...extra,
  }) as Classification;
const warnings = (classes: Classification[]) =>
  validateScheme(scoredScheme({ classifications: classes }))
    .issues.filter((i) => i.code === 'band-overlap')
    .map((i) => [i.path, i.severity, i.message.en]);

describe('bandsOverlap: ends as declared', () => {
  it('85 inclusive on both sides is one shared value; one side exclusive shares nothing', () => {
    expect(bandsOverlap({ lower: { value: 85, inclusive: true } }, { upper: { value: 85, inclusive: true } })).toBe(true);
    expect(bandsOverlap({ lower: { value: 85, inclusive: true } }, { upper: { value: 85, inclusive: false } })).toBe(false);
    expect(bandsOverlap({ lower: { value: 85, inclusive: false } }, { upper: { value: 85, inclusive: true } })).toBe(false);
    // 60 ≤ v < 75 and 70 ≤ v: 70..75 is shared
    expect(bandsOverlap({ lower: { value: 60, inclusive: true }, upper: { value: 75, inclusive: false } }, { lower: { value: 70, inclusive: true } })).toBe(true);
    // two upper-only bands always share the low scores
    expect(bandsOverlap({ upper: { value: 60, inclusive: false } }, { upper: { value: 48, inclusive: false } })).toBe(true);
  });
});

describe('band-overlap at validation', () => {
  it('优秀 ≥ 85 and 良好 75–85 with 85 inclusive in both: a warning at the later band naming the earlier one', () => {
    const w = warnings([band('excellent', [85, true]), band('good', [75, true], [85, true]), band('poor', undefined, [75, false])]);
    expect(w.map(([p, s]) => [p, s])).toEqual([['/classifications/1/band', 'warning']]);
    expect(w[0]?.[2]).toContain('/classifications/0/band');
  });

  it('the four bands of 满意度测评 (≥85, 75–85, 60–75, <60, upper ends exclusive) do not overlap', () => {
    expect(warnings([band('excellent', [85, true]), band('good', [75, true], [85, false]), band('fair', [60, true], [75, false]), band('poor', undefined, [60, false])])).toEqual([]);
  });

  it('bands on different bases, among different classes, or declared with excludes are not warned', () => {
    const onIndicator = { ...band('low-x', undefined, [48, false]), band: { basis: { kind: 'indicator', id: 'x' }, upper: { value: 48, inclusive: false } } } as Classification;
    expect(warnings([band('poor', undefined, [60, false]), onIndicator])).toEqual([]);
    // 合格 ≥ 60 after 优秀 ≥ 85, leaving 优秀's units out on purpose
    expect(warnings([band('excellent', [85, true]), band('pass', [60, true], undefined, { excludes: ['excellent'] })])).toEqual([]);
  });

  it('an overlap with no excludes is warned once per pair, each at the later band', () => {
    const w = warnings([band('a', [60, true]), band('b', [70, true]), band('c', [80, true])]);
    expect(w.map(([p, , en]) => [p, (en as string).split(' (')[0]])).toEqual([
      ['/classifications/1/band', 'band of b overlaps the band of a'],
      ['/classifications/2/band', 'band of c overlaps the band of a'],
      ['/classifications/2/band', 'band of c overlaps the band of b'],
    ]);
  });
});
