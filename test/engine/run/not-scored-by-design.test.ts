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

  it('a deduction table declaring 检查合格 records unscored: one warning for them, while a record matching nothing declared still warns alone', () => {
    const caseType = factType('case', { kind: { type: 'string' } });
    const s = miniScheme(
      {
        kind: 'deduction',
        floor: 0,
        hitPolicy: 'first',
        rules: [{ id: 'late', name: '迟报', source: '每例扣 1 分', factType: 'case', when: { all: [{ fact: 'kind', operator: 'equal', value: 'late' }] }, points: { kind: 'fixed', value: 1 } }],
        notScored: [{ id: 'passed', name: '检查合格', factType: 'case', when: { all: [{ fact: 'kind', operator: 'equal', value: 'ok' }] }, source: '检查合格的不扣分' }],
      },
      [caseType],
      10,
    );
    const facts = [
      { type: 'case', unit: 'u1', kind: 'late' }, // 0: −1
      { type: 'case', unit: 'u1', kind: 'ok' }, // 1: 检查合格, not scored by design
      { type: 'case', unit: 'u2', kind: 'ok' }, // 2: 检查合格, not scored by design
      { type: 'case', unit: 'u1', kind: 'typo' }, // 3: matches no rule and nothing declared
    ];
    const r = scoreScheme(s, { ...units('u1', 'u2'), facts });
    expect(r.ok).toBe(true);
    // u1: 10 − 1 = 9; u2: 10
    expect(r.units.map((u) => [u.unit, u.total])).toEqual([
      ['u1', 9],
      ['u2', 10],
    ]);
    expect(r.issues.map((i) => [i.code, i.path])).toEqual([
      ['fact-unused', '/facts/3'],
      ['facts-not-scored-by-design', '/facts/1'],
    ]);
    expect(r.issues[1]?.message.zh).toBe('2 条“case”记录(第一条在此)按方案规定不计分:“指标”规定“检查合格”不计分(检查合格的不扣分)');
    expect(r.issues[1]?.message.en).toContain('/indicators/0/method/notScored/0');
  });

  it('validate refuses a declared unscored record of a type no rule reads', () => {
    const other = factType('other', { kind: { type: 'string' } });
    expect(() =>
      miniScheme(
        {
          kind: 'deduction',
          floor: 0,
          hitPolicy: 'first',
          rules: [{ id: 'late', name: '迟报', source: 't', factType: 'vote', points: { kind: 'fixed', value: 1 } }],
          notScored: [{ id: 'x', name: '其他', factType: 'other', source: 't' }],
        },
        [voteType, other],
        10,
      ),
    ).toThrow(/not-scored-type[\s\S]*\/indicators\/0\/method\/notScored\/0\/factType/);
  });
});
