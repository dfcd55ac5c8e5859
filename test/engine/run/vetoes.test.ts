import { describe, expect, it } from 'vitest';
import { scoreScheme, validateScheme, type Classification, type Consequence } from '../../../engine/index.ts';
import type { Veto } from '../../../engine/scheme/classes.ts';
import { factType } from '../../helpers/mini-scheme.ts';
import { scoredData, scoredScheme } from '../../helpers/score-scheme.ts';

const classes: Classification[] = [
  { kind: 'place', id: 'satisfied', name: '满意', ranking: 'all', from: 'top', count: 2, ties: 'error', source: '前 2 名为满意' },
  { kind: 'place', id: 'dissatisfied', name: '不满意', ranking: 'all', from: 'bottom', count: 1, ties: 'error', excludes: ['satisfied'], source: '最后 1 名为不满意' },
];
const accident = factType('major-accident', { verified: { type: 'boolean' } });
const canvass = factType('canvassing', {});
const discipline = factType('discipline', {}, 'parent');
const vetoes: Veto[] = [
  { id: 'accident', name: '重大责任事故', factType: 'major-accident', when: { all: [{ fact: 'verified', operator: 'equal', value: true }] }, effect: { kind: 'force', class: 'dissatisfied', removeFrom: ['satisfied'] }, source: '发生重大责任事故的,直接评为不满意' },
  { id: 'canvass', name: '拉票', factType: 'canvassing', effect: { kind: 'remove', classes: ['satisfied'] }, source: '查实拉票的,取消满意资格' },
  { id: 'discipline', name: '主管单位违纪', factType: 'discipline', effect: { kind: 'remove', classes: ['satisfied'] }, source: '主管单位被查处的,所属单位不得评为满意' },
];

describe('one-vote veto (一票否决)', () => {
  const s = scoredScheme({ classifications: classes, vetoes }, [accident, canvass, discipline]);

  it('forces into a class, keeps out of a class (the place passes on), and applies a parent’s fact to its units', () => {
    // ranking: a 95, b 90, c 85, d 80, q 75, e 60. a has a verified accident → 不满意 on top of the 1 place,
    // out of 满意; b was canvassing → not 满意; q's parent p2 had a discipline case (q is not near 满意 anyway).
    // 满意 = 2 best among the others: c, d. 不满意 = last place e, plus a forced.
    const r = scoreScheme(s, scoredData({ a: 95, b: 90, c: 85, d: 80, q: 75, e: 60 }, [
      { type: 'major-accident', unit: 'a', verified: true },
      { type: 'major-accident', unit: 'c', verified: false },
      { type: 'canvassing', unit: 'b' },
      { type: 'discipline', parent: 'p2' },
    ]));
    expect(r.ok).toBe(true);
    const byClass = Object.fromEntries(r.classes.map((c) => [c.id, c.units]));
    expect(byClass).toEqual({ satisfied: ['c', 'd'], dissatisfied: ['e', 'a'] });
    // shown with the fact and the clause
    expect(r.classes[0]?.vetoed).toEqual([
      { unit: 'a', veto: 'accident', effect: 'force', fact: { index: 6, type: 'major-accident' }, source: '发生重大责任事故的,直接评为不满意' },
      { unit: 'b', veto: 'canvass', effect: 'remove', fact: { index: 8, type: 'canvassing' }, source: '查实拉票的,取消满意资格' },
    ]);
    expect(r.units.find((u) => u.unit === 'a')?.vetoes?.map((v) => v.veto)).toEqual(['accident']);
    expect(r.units.find((u) => u.unit === 'q')?.vetoes?.map((v) => [v.veto, v.fact.index])).toEqual([['discipline', 9]]);
  });

  it('caps a class: a unit that would be 优秀 is 良好', () => {
    const bands: Classification[] = [
      { kind: 'band', id: 'excellent', name: '优秀', band: { basis: { kind: 'total' }, lower: { value: 85, inclusive: true } }, source: '≥85' },
      { kind: 'band', id: 'good', name: '良好', band: { basis: { kind: 'total' }, lower: { value: 75, inclusive: true }, upper: { value: 85, inclusive: false } }, source: '75–85' },
    ];
    const cap: Veto = { id: 'cap', name: '受到通报', factType: 'canvassing', effect: { kind: 'cap', class: 'good', above: ['excellent'] }, source: '受到通报的,等次最高为良好' };
    const sc = scoredScheme({ classifications: bands, vetoes: [cap] }, [canvass]);
    // a 90 (capped → 良好), b 88 (优秀), c 80 (capped, already 良好: stays), d 70 capped but in no band above: no class
    const r = scoreScheme(sc, scoredData({ a: 90, b: 88, c: 80, d: 70 }, [
      { type: 'canvassing', unit: 'a' },
      { type: 'canvassing', unit: 'c' },
      { type: 'canvassing', unit: 'd' },
    ]));
    const byClass = Object.fromEntries(r.classes.map((c) => [c.id, c.units]));
    expect(byClass).toEqual({ excellent: ['b'], good: ['c', 'a'] });
    expect(r.classes[1]?.vetoed?.map((v) => [v.unit, v.effect])).toEqual([['a', 'cap']]);
  });

  it('a consequence triggered by a fact directly (通报批评 when a problem is verified)', () => {
    const q: Consequence = { id: 'criticism', name: '通报批评', onFact: { factType: 'major-accident', when: { all: [{ fact: 'verified', operator: 'equal', value: true }] } }, target: 'unit', note: '通报批评', source: '查实问题的,予以通报批评' };
    const sc = scoredScheme({ classifications: classes, vetoes, consequences: [q] }, [accident, canvass, discipline]);
    const r = scoreScheme(sc, scoredData({ a: 95, b: 90, c: 85 }, [{ type: 'major-accident', unit: 'b', verified: true }, { type: 'major-accident', unit: 'c', verified: false }]));
    expect(r.consequences).toEqual([{ target: 'unit', id: 'b', items: [{ consequence: 'criticism', name: '通报批评', fact: { index: 3, type: 'major-accident' }, unit: 'b', note: '通报批评', source: '查实问题的,予以通报批评' }], totals: {} }]);
  });

  it('validation: unknown classes, a cap above a later class, a season fact type, a consequence with both triggers', () => {
    const bad = scoredScheme({ classifications: classes }, [accident, { ...factType('meeting', {}), target: 'season' }]);
    bad.vetoes = [
      { id: 'v1', name: 'x', factType: 'major-accident', effect: { kind: 'force', class: 'nope' }, source: 't' },
      { id: 'v2', name: 'x', factType: 'major-accident', effect: { kind: 'cap', class: 'satisfied', above: ['dissatisfied'] }, source: 't' },
      { id: 'v3', name: 'x', factType: 'meeting', effect: { kind: 'remove', classes: ['satisfied'] }, source: 't' },
    ];
    bad.consequences = [{ id: 'c1', name: 'x', class: 'satisfied', onFact: { factType: 'major-accident' }, target: 'unit', source: 't' }];
    expect(validateScheme(bad).issues.map((i) => [i.code, i.path])).toEqual([
      ['unknown-class', '/vetoes/0/effect/class'],
      ['cap-order', '/vetoes/1/effect/above/0'],
      ['wrong-target', '/vetoes/2/factType'],
      ['class-or-fact', '/consequences/0'],
    ]);
  });
});
