import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffSchemes, impactOf, renderDiffMarkdown, renderDiffText, type Dataset, type Scheme } from '../../../engine/index.ts';

const BASE = JSON.parse(readFileSync(new URL('../../../schemes/pingyang-2021/scheme.json', import.meta.url), 'utf8')) as Scheme;

/**
 * Version B of pingyang-2021 with two edits: a valid complaint on the online
 * platform costs 2 points instead of 1 (附件2 注3), and only 1 满意单位 is
 * named instead of 10 (四(三)).
 */
function versionB(): Scheme {
  const b = structuredClone(BASE);
  b.version = '1.1.0';
  const online = b.indicators[0]?.children?.[1]?.children?.[1]?.method;
  if (online?.kind !== 'deduction' || online.rules[0]?.id !== 'valid-complaint') throw new Error('pingyang-2021 changed shape');
  online.rules[0].points = { kind: 'fixed', value: 2 };
  const satisfied = b.classifications?.find((c) => c.id === 'satisfied') as { count?: number } | undefined;
  if (!satisfied) throw new Error('no satisfied class');
  satisfied.count = 1;
  return b;
}

const votes = (unit: string) =>
  (['h1', 'h2'] as const).map((period) => ({ type: 'service-vote', unit, period, level: 'satisfied', count: 30 }));

/** Three sections of one bureau; every one has 30 satisfied votes per half, so the satisfaction is full for all. */
const DATA: Dataset = {
  parents: [{ id: 'p1', name: '甲局', category: 'organ' }],
  units: [
    { id: 'a', name: '甲科', parent: 'p1', category: 'organ' },
    { id: 'b', name: '乙科', parent: 'p1', category: 'organ' },
    { id: 'c', name: '丙科', parent: 'p1', category: 'organ' },
  ],
  facts: [
    ...votes('a'),
    ...votes('b'),
    ...votes('c'),
    { type: 'online-complaint', unit: 'a', date: '2021-03-01' },
    { type: 'online-complaint', unit: 'a', date: '2021-06-01' },
    { type: 'supervision-finding', unit: 'b', channel: 'inspection', level: 'county', date: '2021-04-01' },
    { type: 'supervision-finding', unit: 'c', channel: 'inspection', level: 'county', date: '2021-04-01' },
    { type: 'supervision-finding', unit: 'c', channel: 'inspection', level: 'city', date: '2021-05-01' },
  ],
};

/*
 * By hand, from the scheme:
 *   satisfaction 25 + 25 = 50 (30 votes per half, all 满意: 30×1/30×25, not below 30 votes);
 *   hotline 5 (no case: 100 of 100 → 5); supervisor 0 (no rating, missing → 0);
 *   network 0 (all three are in the network round — top 50 of 3 — but no network vote, noVotes → 0); bonus 0.
 *   online platform: 5 − complaints × points; supervision: 20 − county 1 − city 2.
 *
 *            online A  online B  supervision   total A  total B
 *   a (2 complaints)  3     1           20          78       76
 *   b                 5     5      20−1=19          79       79
 *   c                 5     5    20−1−2=17          77       77
 *
 * Ranking final (by total): A b 79, a 78, c 77 → b 1, a 2, c 3; B b 79, c 77, a 76 → b 1, c 2, a 3.
 * Classes A: 满意 top 10 → all three; 满意前三名 within 满意 → all three; 不满意 excludes 满意 → none.
 * Classes B: 满意 top 1 → b; 不满意 bottom 10 of the rest → a, c; 最不满意 bottom 3 within 不满意 → a, c;
 *   满意前三名 within 满意 → b. So a and c leave 满意 and 满意前三名 and enter 不满意 and 最不满意.
 * Movers: a (|Δ| 2), then c (Δ 0, rank 3 → 2), then b (unchanged).
 */
describe('impactOf', () => {
  const impact = impactOf(BASE, versionB(), DATA);

  it('scores both versions without error', () => {
    expect(impact.ok).toEqual({ before: true, after: true });
    expect(impact.issues.before.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('reports totals, deltas and ranks worked out by hand, largest movers first', () => {
    expect(impact.headline).toEqual({ id: 'final', name: '综合评价排名' });
    expect(impact.rankings.map((r) => r.id)).toEqual(['final']);
    expect(impact.units.map((u) => [u.unit, u.total.before, u.total.after, u.delta, u.rank.before, u.rank.after, u.moved])).toEqual([
      ['a', 78, 76, -2, 2, 3, true],
      ['c', 77, 77, 0, 3, 2, true],
      ['b', 79, 79, 0, 1, 1, false],
    ]);
    expect(impact.units[0]?.ranks).toEqual({ final: { before: 2, after: 3 } });
  });

  it('lists every unit entering or leaving a class', () => {
    const enterLeave = { entered: [{ id: 'dissatisfied', name: '不满意单位' }, { id: 'most-dissatisfied', name: '最不满意单位' }], left: [{ id: 'satisfied', name: '满意单位' }, { id: 'satisfied-top-three', name: '满意单位前三名' }] };
    expect(impact.classChanges).toEqual([
      { unit: 'a', name: '甲科', ...enterLeave },
      { unit: 'c', name: '丙科', ...enterLeave },
    ]);
    expect(impact.units.find((u) => u.unit === 'b')?.classes).toEqual({ before: ['satisfied', 'satisfied-top-three'], after: ['satisfied', 'satisfied-top-three'] });
  });

  it('renders the movers table and the class changes', () => {
    const b = versionB();
    const report = { a: BASE, b, changes: diffSchemes(BASE, b), impact };
    const md = renderDiffMarkdown(report);
    expect(md).toContain('| a | 甲科 | 78 | 76 | −2 | 2 | 3 |');
    expect(md).toContain('| c | 丙科 | 77 | 77 | 0 | 3 | 2 |');
    expect(md).not.toContain('| b | 乙科');
    expect(md).toContain('- a 甲科:进入 不满意单位 (dissatisfied)、最不满意单位 (most-dissatisfied);离开 满意单位 (satisfied)、满意单位前三名 (satisfied-top-three)');
    const text = renderDiffText(report);
    expect(text).toMatch(/a 甲科\s+78 → 76\s+−2\s+2 → 3/);
    expect(text).toContain('enters dissatisfied, most-dissatisfied; leaves satisfied, satisfied-top-three');
  });

  it('passes the issues of either run through', () => {
    // version B drops the online complaint type: the same facts are now unknown to it
    const b = structuredClone(BASE);
    b.factTypes = b.factTypes.filter((f) => f.id !== 'online-complaint');
    const broken = impactOf(BASE, b, DATA);
    expect(broken.ok).toEqual({ before: true, after: false });
    expect(broken.issues.after.some((i) => i.severity === 'error' && i.path.startsWith('/facts/'))).toBe(true);
    // B could not score: no total, no delta, and the units sort by roster order
    expect(broken.units.map((u) => [u.unit, u.total.after, u.delta])).toEqual([
      ['a', null, null],
      ['b', null, null],
      ['c', null, null],
    ]);
    expect(renderDiffMarkdown({ a: BASE, b, changes: diffSchemes(BASE, b), impact: broken })).toContain('新版本 B 评分有');
  });

  it('reports an exempted unit as the largest mover', () => {
    const history = [2019, 2020].map((year) => ({ unit: 'c', year, outcome: 'satisfied' }));
    const b = structuredClone(BASE);
    b.exemptions = [];
    const r = impactOf(BASE, b, { ...DATA, history });
    expect(r.units[0]).toMatchObject({ unit: 'c', status: { before: 'exempt', after: 'scored' }, total: { before: null, after: 77 }, delta: null, moved: true });
  });
});
