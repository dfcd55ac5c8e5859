import { describe, expect, it } from 'vitest';
import { scoreScheme, type Method } from '../../../engine/index.ts';
import { factType, miniScheme, units } from '../../helpers/mini-scheme.ts';

/**
 * Issue #20 item 5: a fact the scheme itself leaves unscored (a vote its filter excludes,
 * a record a rule table declares unscored) is said once per fact type and reason with the
 * count, at the first such fact; a fact unused for no declared reason still warns one by one.
 */
const voteType = factType('vote', { level: { enum: ['s', 'b', 'd', 'unknown'] } });
// 满意 1,基本满意 0.6,不满意 0;“不了解”不计入(计票条件 level ≠ unknown)
const votes: Method = {
  kind: 'vote-ratio',
  factType: 'vote',
  levelField: 'level',
  levels: [
    { id: 's', name: '满意', value: 1 },
    { id: 'b', name: '基本满意', value: 0.6 },
    { id: 'd', name: '不满意', value: 0 },
  ],
  filter: { all: [{ fact: 'level', operator: 'notEqual', value: 'unknown' }] },
  noVotes: { kind: 'zero' },
};
const vote = (unit: string, level: string) => ({ type: 'vote', unit, level });

describe('facts not scored by design', () => {
  it('three 不了解 votes excluded by the filter: one warning with the count 3, at the first', () => {
    const s = miniScheme(votes, [voteType], 10);
    const r = scoreScheme(s, { ...units('u1', 'u2'), facts: [vote('u1', 's'), vote('u1', 'unknown'), vote('u1', 'b'), vote('u2', 'unknown'), vote('u2', 'd'), vote('u1', 'unknown')] });
    expect(r.ok).toBe(true);
    // u1: (1 + 0.6) ÷ 2 × 10 = 8; u2: 0 ÷ 1 × 10 = 0 — the 不了解 votes count in neither numerator nor denominator
    expect(r.units.map((u) => [u.unit, u.total])).toEqual([
      ['u1', 8],
      ['u2', 0],
    ]);
    expect(r.issues.map((i) => [i.code, i.path, i.severity])).toEqual([['facts-not-scored-by-design', '/facts/1', 'warning']]);
    expect(r.issues[0]?.message.zh).toBe('3 条“vote”记录(第一条在此)按方案规定不计分:“指标”的计票条件不计这些票');
    expect(r.issues[0]?.message.en).toContain('/indicators/0/method/filter');
  });

  it('without the filter, 不了解 is no declared level: an input error at the vote, not an omission by design', () => {
    const { filter: _none, ...unfiltered } = votes as Extract<Method, { kind: 'vote-ratio' }>;
    const s = miniScheme(unfiltered, [voteType], 10);
    const r = scoreScheme(s, { ...units('u1'), facts: [vote('u1', 's'), vote('u1', 'unknown')] });
    // no filter: 不了解 is not a declared level, an input error at the level field, not a by-design omission
    expect(r.issues.map((i) => i.code)).toEqual(['unknown-vote-level']);
  });
});
