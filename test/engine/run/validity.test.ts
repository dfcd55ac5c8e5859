import { describe, expect, it } from 'vitest';
import { scoreScheme, validateScheme, type FactType, type Scheme } from '../../../engine/index.ts';
import { factType, miniScheme, units } from '../../helpers/mini-scheme.ts';

const meeting: FactType = { id: 'meeting', name: '评议会议', target: 'season', fields: { type: 'object', properties: { members: { type: 'integer' }, present: { type: 'integer' }, issued: { type: 'integer' }, returned: { type: 'integer' } }, required: ['members', 'present', 'issued', 'returned'] } };
const vote = factType('vote', { level: { type: 'string' }, ballot: { type: 'string' } });

function scheme(onBreak: 'invalid' | 'void'): Scheme {
  return miniScheme(
    { kind: 'vote-ratio', factType: 'vote', levelField: 'level', levels: [{ id: 'sat', name: '满意', value: 1 }, { id: 'dis', name: '不满意', value: 0 }], noVotes: { kind: 'zero' } },
    [vote, meeting],
    10,
    {
      validity: [
        { kind: 'compare', id: 'quorum', name: '过半数出席', factType: 'meeting', field: 'present', operator: 'gt', than: { kind: 'field', field: 'members', factor: 0.5 }, source: '到会人数须超过应到人数的一半' },
        { kind: 'compare', id: 'returned', name: '收回票数不超过发出票数', factType: 'meeting', field: 'returned', operator: 'lte', than: { kind: 'field', field: 'issued' }, source: '收回票数多于发出票数的,选举无效' },
        { kind: 'count', id: 'picks', name: '每票恰选 1 个满意', factType: 'vote', groupBy: ['ballot'], when: { all: [{ fact: 'level', operator: 'equal', value: 'sat' }] }, min: 1, max: 1, onBreak, source: '每张选票须选满意单位 1 个' },
      ],
    },
  );
}

const facts = (present: number, returned: number) => [
  { type: 'meeting', members: 10, present, issued: 10, returned },
  // ballot 1: a 满意, b 不满意 (valid); ballot 2: a and b 满意 (2 picks: broken); ballot 3: b 满意, a 不满意
  { type: 'vote', unit: 'a', ballot: '1', level: 'sat' },
  { type: 'vote', unit: 'b', ballot: '1', level: 'dis' },
  { type: 'vote', unit: 'a', ballot: '2', level: 'sat' },
  { type: 'vote', unit: 'b', ballot: '2', level: 'sat' },
  { type: 'vote', unit: 'b', ballot: '3', level: 'sat' },
  { type: 'vote', unit: 'a', ballot: '3', level: 'dis' },
];

describe('validity rules across records', () => {
  it('void: ballot 2 picks two and is void; the others count (a: 1 of 2 = 5 points, b: 1 of 2 = 5)', () => {
    const r = scoreScheme(scheme('void'), { ...units('a', 'b'), facts: facts(6, 9) });
    expect(r.ok).toBe(true);
    expect(r.issues.map((i) => [i.code, i.path, i.severity])).toEqual([['validity-void', '/facts/3', 'warning']]);
    expect(r.units.map((u) => [u.unit, u.total])).toEqual([['a', 5], ['b', 5]]);
  });

  it('invalid: the broken ballot makes the run invalid, with nothing scored', () => {
    const r = scoreScheme(scheme('invalid'), { ...units('a', 'b'), facts: facts(6, 9) });
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => [i.code, i.path])).toEqual([['validity-broken', '/facts/3']]);
    expect(r.units).toEqual([]);
  });

  it('quorum (5 of 10 is not more than half) and returned > issued: each a located error', () => {
    const r = scoreScheme(scheme('void'), { ...units('a', 'b'), facts: facts(5, 11) });
    expect(r.ok).toBe(false);
    expect(r.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.path])).toEqual([
      ['validity-broken', '/facts/0/present'],
      ['validity-broken', '/facts/0/returned'],
    ]);
  });

  it('sampling per period: at least 2 call-backs per unit and month', () => {
    const callback = factType('callback', { month: { type: 'string' } });
    const s = miniScheme({ kind: 'reported-score', factType: 'score', field: 'v', combine: 'sum', missing: 'zero' }, [factType('score', { v: { type: 'number' } }), callback], 10, {
      validity: [{ kind: 'count', id: 'sampling', name: '每月回访不少于 2 个', factType: 'callback', groupBy: ['unit', 'month'], min: 2, onBreak: 'invalid', source: '每月回访不少于 2 个' }],
    });
    const r = scoreScheme(s, {
      ...units('a'),
      facts: [
        { type: 'callback', unit: 'a', month: '2021-01' },
        { type: 'callback', unit: 'a', month: '2021-01' },
        { type: 'callback', unit: 'a', month: '2021-02' },
      ],
    });
    expect(r.issues.map((i) => [i.code, i.path])).toEqual([['validity-broken', '/facts/2']]);
    // every month of the period must have its call-backs: March has none for a → counted 0 and reported at the unit
    s.validity![0] = { ...s.validity![0], every: { field: 'month', values: ['2021-01', '2021-02', '2021-03'] } } as NonNullable<Scheme['validity']>[number];
    const r2 = scoreScheme(s, {
      ...units('a'),
      facts: [
        { type: 'callback', unit: 'a', month: '2021-01' },
        { type: 'callback', unit: 'a', month: '2021-01' },
        { type: 'callback', unit: 'a', month: '2021-02' },
      ],
    });
    expect(r2.issues.map((i) => [i.code, i.path])).toEqual([
      ['validity-broken', '/facts/2'],
      ['validity-broken', '/units/0'],
    ]);
  });

  it('a season record names no unit; a method cannot read a season fact type; rules read declared fields', () => {
    const r = scoreScheme(scheme('void'), { ...units('a', 'b'), facts: [{ type: 'meeting', unit: 'a', members: 10, present: 6, issued: 10, returned: 9 }] });
    expect(r.issues.map((i) => [i.code, i.path])).toEqual([['unexpected-target', '/facts/0/unit']]);
    const s = scheme('void');
    s.indicators[0]!.method = { kind: 'reported-score', factType: 'meeting', field: 'present', combine: 'sum', missing: 'zero' };
    s.validity![0] = { ...s.validity![0], field: 'nope' } as NonNullable<Scheme['validity']>[number];
    expect(validateScheme(s).issues.map((i) => [i.code, i.path])).toEqual([
      ['unknown-field', '/validity/0/field'],
      ['wrong-target', '/indicators/0/method/factType'],
    ]);
  });
});
