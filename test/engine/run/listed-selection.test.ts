import { describe, expect, it } from 'vitest';
import { scoreScheme, validateScheme, type Selection } from '../../../engine/index.ts';
import { factType } from '../../helpers/mini-scheme.ts';
import { scoredData, scoredScheme } from '../../helpers/score-scheme.ts';

const office = factType('office-list', { round: { type: 'string' } });
const listed = (top: number, bottom: number): Selection => ({
  id: 'net',
  name: '网络评议单位',
  basis: { kind: 'indicator', id: 'x' },
  top,
  bottom,
  listed: { factType: 'office-list', when: { all: [{ fact: 'round', operator: 'equal', value: 'network' }] }, source: '市评议办确定网络评议单位' },
  tieBreak: { keys: [], otherwise: 'roster-order', source: 't' },
  source: '按日常评议前 1 名、后 1 名,加评议办名单',
});

describe('selections given as data', () => {
  it('alone: exactly the units the office listed (a fact for another round does not count)', () => {
    const s = scoredScheme({ selections: [listed(0, 0)] }, [office]);
    const r = scoreScheme(s, scoredData({ a: 90, b: 80, c: 70, d: 60 }, [{ type: 'office-list', unit: 'c', round: 'network' }, { type: 'office-list', unit: 'a', round: 'other' }]));
    expect(r.selections[0]?.members).toEqual([{ unit: 'c', reason: 'listed', fact: { index: 4, type: 'office-list' } }]);
  });

  it('united with the computed top 1 and bottom 1, taken from the units not listed', () => {
    const s = scoredScheme({ selections: [listed(1, 1)] }, [office]);
    // listed: a (the best) enters by the list; top 1 of the others = b, bottom 1 = e → a, b, e
    const r = scoreScheme(s, scoredData({ a: 90, b: 80, c: 70, d: 65, e: 60 }, [{ type: 'office-list', unit: 'a', round: 'network' }]));
    expect(r.selections[0]?.members.map((m) => [m.unit, m.reason])).toEqual([
      ['a', 'listed'],
      ['b', 'top'],
      ['e', 'bottom'],
    ]);
  });

  it('separate pools ranked separately: a ranking of the listed units only', () => {
    const s = scoredScheme({ selections: [listed(1, 1)] }, [office]);
    s.rankings.push({ id: 'listed-only', name: '名单单位排名', basis: { kind: 'total' }, pool: { kind: 'selection', id: 'net', reasons: ['listed'] }, groupBy: 'none', tieBreak: { keys: [], otherwise: 'error' }, source: '名单单位单独排名' });
    s.rankings.push({ id: 'computed', name: '计算入围单位排名', basis: { kind: 'total' }, pool: { kind: 'selection', id: 'net', reasons: ['top', 'bottom'] }, groupBy: 'none', tieBreak: { keys: [], otherwise: 'error' }, source: '其余单独排名' });
    expect(validateScheme(s).ok).toBe(true);
    const r = scoreScheme(s, scoredData({ a: 90, b: 80, c: 70, d: 65, e: 60 }, [{ type: 'office-list', unit: 'c', round: 'network' }, { type: 'office-list', unit: 'd', round: 'network' }]));
    const entries = (id: string) => r.rankings.find((k) => k.id === id)?.groups[0]?.entries.map((e) => [e.unit, e.rank]);
    expect(entries('listed-only')).toEqual([['c', 1], ['d', 2]]);
    expect(entries('computed')).toEqual([['a', 1], ['e', 2]]);
  });

  it('validation: a pool reason the selection cannot produce', () => {
    const s = scoredScheme({ selections: [{ ...listed(1, 0), listed: undefined } as unknown as Selection] }, [office]);
    delete (s.selections?.[0] as { listed?: unknown }).listed;
    s.rankings.push({ id: 'l', name: 'l', basis: { kind: 'total' }, pool: { kind: 'selection', id: 'net', reasons: ['listed', 'bottom'] }, groupBy: 'none', tieBreak: { keys: [], otherwise: 'error' }, source: 't' });
    expect(validateScheme(s).issues.map((i) => [i.code, i.path])).toEqual([
      ['impossible-reason', '/rankings/1/pool/reasons/0'],
      ['impossible-reason', '/rankings/1/pool/reasons/1'],
    ]);
  });
});
