import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoreScheme, validateScheme, type Dataset, type Scheme } from '../../../engine/index.ts';
import { findExemptions } from '../../../engine/run/exemption.ts';
import { RosterIndex } from '../../../engine/facts/facts-index.ts';
import { factType, miniScheme, units } from '../../helpers/mini-scheme.ts';

/** Issue 10 §4: hostile data never crashes, never leaks NaN, and every problem is located. */
const votes = () =>
  miniScheme(
    {
      kind: 'vote-ratio',
      factType: 'v',
      levelField: 'level',
      countField: 'count',
      levels: [
        { id: 'yes', name: '满意', value: 1 },
        { id: 'no', name: '不满意', value: 0 },
      ],
      noVotes: { kind: 'zero' },
    },
    // count deliberately without a type: the engine must not trust the scheme to have declared one
    [factType('v', { level: { enum: ['yes', 'no'] }, count: {}, note: {} })],
  );
const codes = (r: { issues: Array<{ code: string; path: string }> }) => r.issues.map((i) => `${i.code} ${i.path}`).sort();

describe('numbers from data are finite and bounded', () => {
  it('rejects a vote count of 1e309 (JSON reads it as Infinity) at its pointer, with no total at all', () => {
    const data = JSON.parse('{"units":[{"id":"a","name":"A","parent":"p1","category":"a"}],"parents":[{"id":"p1","name":"P1"}],"facts":[{"type":"v","unit":"a","level":"yes","count":1e309}]}') as Dataset;
    const r = scoreScheme(votes(), data);
    expect(codes(r)).toEqual(['number-not-finite /facts/0/count']);
    expect(r.units).toEqual([]);
    expect(JSON.stringify(r)).not.toMatch(/null|NaN/);
  });

  it('rejects counts that would overflow a total, and a count that is not a number', () => {
    const r = scoreScheme(votes(), {
      ...units('a'),
      facts: [
        { type: 'v', unit: 'a', level: 'yes', count: 1e300 },
        { type: 'v', unit: 'a', level: 'no', count: 'many' },
        { type: 'v', unit: 'a', level: 'no', count: -3 },
      ],
    });
    expect(codes(r)).toEqual(['bad-count /facts/1/count', 'bad-count /facts/2/count', 'number-too-large /facts/0/count']);
  });
});

describe('keys from data are own properties, never the prototype', () => {
  it('reads a fact of type "toString" as an unknown fact type', () => {
    const r = scoreScheme(votes(), { ...units('a'), facts: [{ type: 'toString', unit: 'a' }, { type: '__proto__', unit: 'a' }] });
    expect(codes(r)).toEqual(['unknown-fact-type /facts/0/type', 'unknown-fact-type /facts/1/type']);
  });

  it('rejects an object value that shadows toString (it would make String() and comparisons throw)', () => {
    const data = JSON.parse(
      '{"units":[{"id":"a","name":"A","attributes":{"x":{"toString":1}}}],"facts":[{"type":"v","unit":"a","level":"yes","note":{"deep":[{"valueOf":0}]}},{"type":"v","unit":"a","level":{"toString":1}}]}',
    ) as Dataset;
    const r = scoreScheme(votes(), data);
    expect(codes(r)).toEqual(['reserved-key /facts/0/note/deep/0/valueOf', 'reserved-key /facts/1/level/toString', 'reserved-key /units/0/attributes/x/toString']);
  });
});

describe('history outcomes are classes of the scheme', () => {
  it('reports an outcome that is not a classification ("Satisfied", "满意单位") at its pointer', () => {
    const s: Scheme = JSON.parse(readFileSync(new URL('../../../schemes/pingyang-2021/scheme.json', import.meta.url), 'utf8'));
    const c = JSON.parse(readFileSync(new URL('../../../schemes/pingyang-2021/cases/01-every-indicator.json', import.meta.url), 'utf8')) as { input: Dataset };
    const u = c.input.units[0]!.id;
    const r = scoreScheme(validateScheme(s).scheme!, {
      ...c.input,
      history: [
        { unit: u, year: 2020, outcome: 'satisfied' },
        { unit: u, year: 2019, outcome: 'Satisfied' },
        { unit: u, year: 2019, outcome: '满意单位' },
      ],
    });
    expect(codes(r)).toEqual(['unknown-outcome /history/1/outcome', 'unknown-outcome /history/2/outcome']);
    expect(r.issues[0]?.message.zh).toContain('"satisfied"');
  });
});

describe('the exemption lookup is indexed', () => {
  it('finds the units exempt by two years of history among 20,000 units and 40,000 history lines', () => {
    const s = miniScheme({ kind: 'bonus', hitPolicy: 'all', rules: [{ id: 'r', name: 'r', source: 't', factType: 'b', points: { kind: 'fixed', value: 1 } }], cap: 10 }, [factType('b', {})], 10, {
      classifications: [{ kind: 'place', id: 'good', name: '满意', ranking: 'all', from: 'top', count: 1, ties: 'include', source: 't' }],
      exemptions: [{ kind: 'history', id: 'twice', name: '连续两年满意免评', outcome: 'good', yearsAgo: [1, 2], source: 't' }],
    });
    const ids = Array.from({ length: 20_000 }, (_, i) => `u${i}`);
    // every unit has two lines; units whose number is a multiple of 7 were 'good' in both 2020 and 2019
    const history = ids.flatMap((id, i) => [
      { unit: id, year: 2020, outcome: 'good' },
      { unit: id, year: 2019, outcome: i % 7 === 0 ? 'good' : 'fair' },
    ]);
    const data = { units: ids.map((id) => ({ id, name: id })), facts: [], history };
    const exempt = findExemptions(s, data, new RosterIndex(data));
    expect(exempt.size).toBe(Math.ceil(20_000 / 7));
    expect(exempt.get('u7')?.years).toEqual([2020, 2019]);
    expect(exempt.has('u8')).toBe(false);
  }, 5_000); // unindexed, the lookup takes 7 s here (20,000 × 40,000 comparisons); indexed, well under 1 s
});
