import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { periodMeasure, periodOrdinal, periodText } from '../../../engine/periods/index.ts';

const months = (xs: string[]) => xs.map((x) => periodOrdinal(x, 'month') as number).sort((a, b) => a - b);

describe('periods: the text of a period and its place in the sequence', () => {
  it('counts months, quarters and halves across a year end, and dates by days', () => {
    expect((periodOrdinal('2023-01', 'month') as number) - (periodOrdinal('2022-12', 'month') as number)).toBe(1);
    expect((periodOrdinal('2023-Q1', 'quarter') as number) - (periodOrdinal('2022-Q4', 'quarter') as number)).toBe(1);
    expect((periodOrdinal('2023-H1', 'half') as number) - (periodOrdinal('2022-H2', 'half') as number)).toBe(1);
    // 2024 is a leap year: 02-28 → 03-01 is two days
    expect((periodOrdinal('2024-03-01', 'date') as number) - (periodOrdinal('2024-02-28', 'date') as number)).toBe(2);
    for (const [v, u] of [['2023-13', 'month'], ['2023-Q5', 'quarter'], ['2023-H3', 'half'], ['2023-02-30', 'date'], [202301, 'month'], ['2023-1', 'month']] as const) {
      expect([v, periodOrdinal(v, u)]).toEqual([v, undefined]);
    }
    expect(periodText(periodOrdinal('2023-Q4', 'quarter') as number, 'quarter')).toBe('2023-Q4');
  });
});

describe('periods: hand-computed measures (issue #20 "Why": 末位 in two consecutive monthly bulletins, three or more times, since the last rating, 60 days after notice)', () => {
  const streak = periodMeasure('streak');
  const count = periodMeasure('periods');
  const since = periodMeasure('since-last');
  const days = periodMeasure('days-between');
  it('streak: 2022-12 and 2023-01 are consecutive; 03 and 05 are not', () => {
    expect(streak.measure({ kind: 'streak' }, { matched: months(['2022-12', '2023-01', '2023-03', '2023-05']), marks: [], unit: 'month' }).value).toBe(2);
    expect(streak.measure({ kind: 'streak' }, { matched: [], marks: [], unit: 'month' }).value).toBe(0);
  });
  it('periods: three months with a bottom place', () => {
    expect(count.measure({ kind: 'periods' }, { matched: months(['2023-01', '2023-04', '2023-09']), marks: [], unit: 'month' }).value).toBe(3);
  });
  it('since-last: findings after the last rating; none marked → all, said so', () => {
    const after = { fact: 'kind', operator: 'equal', value: 'rating' } as const;
    const p = { matched: months(['2023-01', '2023-03', '2023-07']), marks: months(['2023-02', '2023-05']), unit: 'month' as const };
    const got = since.measure({ kind: 'since-last', after }, p);
    expect(got.value).toBe(1);
    expect(got.zh).toContain('2023-05');
    const none = since.measure({ kind: 'since-last', after }, { ...p, marks: [] });
    expect([none.value, none.zh.startsWith('无标记记录')]).toEqual([3, true]);
  });
  it('days-between: notice 2023-03-01, rectified 2023-04-30 → 60 days; missing → the declared value', () => {
    const d = (s: string) => periodOrdinal(s, 'date') as number;
    const m = { kind: 'days-between' as const, from: { fact: 'step', operator: 'equal' as const, value: 'notice' }, missing: -1 };
    expect(days.measure(m, { matched: [d('2023-01-10'), d('2023-04-30')], marks: [d('2023-03-01')], unit: 'date' }).value).toBe(60);
    expect(days.measure(m, { matched: [d('2023-01-10')], marks: [d('2023-03-01')], unit: 'date' }).value).toBe(-1);
    expect(days.measure(m, { matched: [d('2023-04-30')], marks: [], unit: 'date' }).value).toBe(-1);
  });
});

describe('periods: streak against a brute-force scan', () => {
  it('is the largest n such that some n consecutive months all match (fixed seed)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 35 }), { maxLength: 36 }), (offsets) => {
        // months from 2022-01 on, so runs cross year ends
        const start = periodOrdinal('2022-01', 'month') as number;
        const texts = offsets.map((o) => periodText(start + o, 'month'));
        const matched = months(texts);
        const has = new Set(offsets);
        let brute = 0;
        for (let n = 1; n <= 36; n++) {
          for (let i = 0; i + n <= 36; i++) {
            if (Array.from({ length: n }, (_, k) => i + k).every((x) => has.has(x))) brute = n;
          }
        }
        expect(periodMeasure('streak').measure({ kind: 'streak' }, { matched, marks: [], unit: 'month' }).value).toBe(brute);
      }),
      { seed: 2026120720, numRuns: 300 },
    );
  });
});
