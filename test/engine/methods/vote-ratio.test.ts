import { describe, expect, it } from 'vitest';
import type { Method } from '../../../engine/index.ts';
import { factType, miniScheme, points, units } from '../../helpers/mini-scheme.ts';

const voteType = factType('vote', { level: { enum: ['s', 'b', 'd'] }, count: { type: 'integer' }, half: { enum: ['h1', 'h2'] } });
const base: Method = {
  kind: 'vote-ratio',
  factType: 'vote',
  levelField: 'level',
  countField: 'count',
  levels: [
    { id: 's', name: '满意', value: 1 },
    { id: 'b', name: '基本满意', value: 0.6 },
    { id: 'd', name: '不满意', value: 0 },
  ],
  noVotes: { kind: 'zero' },
};
const v = (unit: string, level: string, count: number, half = 'h1') => ({ type: 'vote', unit, level, count, half });

describe('vote-ratio (RULE-PATTERNS B.1–B.3)', () => {
  it('is (满意×1 + 基本满意×0.6) ÷ total × max', () => {
    const s = miniScheme(base, [voteType], 50);
    // (30 + 10×0.6) ÷ 50 × 50 = 36
    expect(points(s, { ...units('u1'), facts: [v('u1', 's', 30), v('u1', 'b', 10), v('u1', 'd', 10)] })).toEqual({ u1: 36 });
  });

  it('one record is one vote when there is no count field', () => {
    const s = miniScheme({ ...base, countField: undefined } as Method, [voteType], 10);
    const facts = [{ type: 'vote', unit: 'u1', level: 's' }, { type: 'vote', unit: 'u1', level: 'd' }];
    expect(points(s, { ...units('u1'), facts })).toEqual({ u1: 5 });
  });

  it('blends below the threshold with the population mean (平阳 四(一)1: ×70% + ×30%)', () => {
    const s = miniScheme({ ...base, smallSample: { minVotes: 30, populationWeight: 0.7, ownWeight: 0.3, population: 'units-with-votes', source: 't' } }, [voteType], 50);
    // u1: 40/40 → 50 (no blend). u2: 10 votes, 5 s + 5 d → 25 own. mean = (50 + 25)/2 = 37.5
    // u2 = 37.5×0.7 + 25×0.3 = 26.25 + 7.5 = 33.75
    const r = points(s, { ...units('u1', 'u2'), facts: [v('u1', 's', 40), v('u2', 's', 5), v('u2', 'd', 5)] });
    expect(r).toEqual({ u1: 50, u2: 33.75 });
  });

  it('population "at-or-above-min" leaves small samples out of the mean', () => {
    const s = miniScheme({ ...base, smallSample: { minVotes: 30, populationWeight: 0.7, ownWeight: 0.3, population: 'units-at-or-above-min', source: 't' } }, [voteType], 50);
    // mean = 50 (u1 only); u2 = 50×0.7 + 25×0.3 = 42.5
    expect(points(s, { ...units('u1', 'u2'), facts: [v('u1', 's', 40), v('u2', 's', 5), v('u2', 'd', 5)] })).toEqual({ u1: 50, u2: 42.5 });
  });

  it('applies the no-vote policy', () => {
    const facts = [v('u1', 's', 3), v('u1', 'd', 1)];
    expect(points(miniScheme(base, [voteType], 20), { ...units('u1', 'u2'), facts })).toEqual({ u1: 15, u2: 0 });
    expect(points(miniScheme({ ...base, noVotes: { kind: 'full' } }, [voteType], 20), { ...units('u1', 'u2'), facts })).toEqual({ u1: 15, u2: 20 });
    expect(points(miniScheme({ ...base, noVotes: { kind: 'population-mean' } }, [voteType], 20), { ...units('u1', 'u2'), facts })).toEqual({ u1: 15, u2: 15 });
  });

  it('filters votes by a condition (one half-year only)', () => {
    const s = miniScheme({ ...base, filter: { all: [{ fact: 'half', operator: 'equal', value: 'h2' }] } }, [voteType], 10);
    expect(points(s, { ...units('u1'), facts: [v('u1', 'd', 10, 'h1'), v('u1', 's', 1, 'h2')] })).toEqual({ u1: 10 });
  });

  it('weights by the reported service volume band and caps at max (温州 服务数据量权重系数)', () => {
    const volume = factType('volume', { n: { type: 'number' } });
    const s = miniScheme(
      { ...base, volumeWeight: { factType: 'volume', field: 'n', bands: [{ min: 0, max: 100, factor: 0.9 }, { min: 100, factor: 1.1 }], missingFactor: 0.8, source: 't' } },
      [voteType, volume],
      30,
    );
    // all three: 4 s + 1 d → 24. u1 volume 50 → ×0.9 = 21.6; u2 volume 500 → 26.4; u3 none → ×0.8 = 19.2
    const facts = ['u1', 'u2', 'u3'].flatMap((u) => [v(u, 's', 4), v(u, 'd', 1)]);
    facts.push({ type: 'volume', unit: 'u1', n: 50 } as never, { type: 'volume', unit: 'u2', n: 500 } as never);
    expect(points(s, { ...units('u1', 'u2', 'u3'), facts })).toEqual({ u1: 21.6, u2: 26.4, u3: 19.2 });
    // 10 s → 30 × 1.1 = 33 → capped at 30
    expect(points(s, { ...units('u4'), facts: [v('u4', 's', 10), { type: 'volume', unit: 'u4', n: 1000 } as never] })).toEqual({ u4: 30 });
  });
});
