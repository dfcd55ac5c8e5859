import { describe, expect, it } from 'vitest';
import { validateScheme, type Method } from '../../../engine/index.ts';
import { factType, miniScheme, points, units } from '../../helpers/mini-scheme.ts';

const method = (noVotes: 'population-mean' | 'small-sample', smallSample = true): Method => ({
  kind: 'vote-ratio',
  factType: 'vote',
  levelField: 'level',
  countField: 'count',
  levels: [{ id: 'sat', name: '满意', value: 1 }, { id: 'dis', name: '不满意', value: 0 }],
  ...(smallSample ? { smallSample: { minVotes: 30, populationWeight: 0.7, ownWeight: 0.3, population: 'units-with-votes' as const, source: '低于30票:总平均分×70% + 本单位×30%' } } : {}),
  noVotes: { kind: noVotes, source: 'test' },
});
const voteType = factType('vote', { level: { type: 'string' }, count: { type: 'integer' } });
const data = {
  ...units('a', 'b', 'c'),
  facts: [
    { type: 'vote', unit: 'a', level: 'sat', count: 40 },
    { type: 'vote', unit: 'b', level: 'sat', count: 20 },
    { type: 'vote', unit: 'b', level: 'dis', count: 20 },
  ],
};

/** Pingyang 四(一)1: a section under 30 votes scores mean × 70% + own × 30%; a section with no vote is a declared policy. */
describe('vote-ratio: the no-vote policy is declared', () => {
  // a: 40/40 × 10 = 10; b: 20/40 × 10 = 5 (40 ≥ 30 votes: no blend); mean of the units with votes = (10 + 5) ÷ 2 = 7.5
  it('population-mean: c gets 7.5', () => {
    expect(points(miniScheme(method('population-mean'), [voteType], 10), data)).toEqual({ a: 10, b: 5, c: 7.5 });
  });
  it('small-sample: the formula with the own part 0 — 7.5 × 70% = 5.25', () => {
    expect(points(miniScheme(method('small-sample'), [voteType], 10), data)).toEqual({ a: 10, b: 5, c: 5.25 });
  });
  it('small-sample needs smallSample', () => {
    const s = miniScheme(method('population-mean', false), [voteType], 10);
    s.indicators[0]!.method = method('small-sample', false);
    expect(validateScheme(s).issues.map((i) => [i.code, i.path])).toEqual([['no-small-sample', '/indicators/0/method/noVotes']]);
  });
});
