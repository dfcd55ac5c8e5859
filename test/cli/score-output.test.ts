import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Completeness, Issue, Scheme } from '../../engine/index.ts';
import { noStack, pingyi, root, tmp } from './run-cli.ts';

const case02 = 'schemes/pingyang-2021/cases/02-selection-and-classification.json';

describe('pingyi score: nothing silent (issue 11 "Runs that say ok when they should not")', () => {
  const dir = tmp();
  // two supervisor ratings, and a typo'd key "fact" whose records would otherwise vanish without a word
  const two = join(dir, 'two.json');
  writeFileSync(
    two,
    JSON.stringify({
      facts: [
        { type: 'supervisor-rating', unit: 'p01-s03', score: 5 },
        { type: 'supervisor-rating', unit: 'p02-s01', score: 4 },
      ],
      fact: [{ type: 'supervisor-rating', unit: 'p01-s04', score: 5 }],
    }),
  );

  it('text: the load warning (data-unknown-key) and the data-completeness summary reach the user', () => {
    const r = pingyi('score', 'pingyang-2021', two);
    expect(r.code).toBe(0);
    expect(r.err).toContain('警告 warning [data-unknown-key]');
    expect(r.err).toContain('/fact');
    // roster.json has 363 units; 2 have a rating → 361 without
    expect(r.out).toContain('主管单位评价 supervisor-rating:2 条 facts;有记录的单位 units with records 2,无记录 without 361');
    // graded-rating `missing: {kind: zero}` (/indicators/0/children/2/method/missing): no history, so nobody is exempt → 363 scored, 361 take 0
    expect(r.out).toContain('主管单位评价 supervisor:361 个单位缺数据,按方案规定 zero 计分(其中 361 个计 0 分)');
    noStack(r.err);
  });

  it('--json: the same warning in issues and the completeness as data', () => {
    const r = pingyi('score', 'pingyang-2021', two, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { ok: boolean; issues: Issue[]; completeness: Completeness };
    expect(out.issues).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'data-unknown-key', path: '/fact', severity: 'warning', file: two })]));
    expect(out.completeness.facts).toBe(2);
    expect(out.completeness.factTypes.find((f) => f.factType === 'supervisor-rating')).toMatchObject({ facts: 2, with: 2, without: 361 });
    expect(out.completeness.factTypes.find((f) => f.factType === 'omitted-section')).toMatchObject({ target: 'parent', facts: 0, with: 0, without: 44 });
    expect(out.completeness.defaulted.find((d) => d.indicator === 'supervisor')).toMatchObject({ policy: 'zero', units: 361, zero: 361 });
  });

  it('no facts at all is an error, in text and --json ({} and a file whose only key is the typo "fact")', () => {
    const empty = join(dir, 'empty.json');
    writeFileSync(empty, '{}');
    const r = pingyi('score', 'pingyang-2021', empty);
    expect(r.code).toBe(1);
    expect(r.err).toContain('错误 error [data-no-facts]');
    expect(r.out).not.toContain('满意单位');
    const typo = join(dir, 'typo.json');
    writeFileSync(typo, JSON.stringify({ fact: [{ type: 'supervisor-rating', unit: 'p01-s03', score: 5 }] }));
    const j = pingyi('score', 'pingyang-2021', typo, '--json');
    expect(j.code).toBe(1);
    const out = JSON.parse(j.out) as { ok: boolean; issues: Issue[] };
    expect(out.ok).toBe(false);
    expect(out.issues.map((i) => i.code).sort()).toEqual(['data-no-facts', 'data-unknown-key']);
  });
});

describe('pingyi score: the table a clerk reads (case 02, the full Pingyang roster)', () => {
  const r = pingyi('score', 'pingyang-2021', case02, '--explain', 'p44-s01');

  it('marks places decided by roster order, and only those', () => {
    expect(r.code).toBe(0);
    // case 02: p01-s05/s06/s07 total 39 with equal network (9) and daily (30) → 按名单顺序, places 6–8
    expect(r.out).toMatch(/^6\*\s+p01-s05 /m);
    expect(r.out).toMatch(/^8\*\s+p01-s07 /m);
    // p02-s01 also 39, but network 6 < 9 decides (the declared tie-break): no mark
    expect(r.out).toMatch(/^9\s+p02-s01 /m);
    expect(r.out).toMatch(/^1\s+p44-s01 /m);
  });

  it('the legend explains *, - and 免评, and says that a class boundary fell inside a tie', () => {
    expect(r.out).toContain('说明 legend:');
    expect(r.out).toMatch(/^\s+\*\s+.*tie broken by roster order/m);
    expect(r.out).toMatch(/^\s+-\s+未进入本轮排名.*not in the round/m);
    expect(r.out).toMatch(/^\s+免评\s+按方案免于评议.*2 个单位/m);
    // 10 不满意单位 (四(三)); three of them are below 30 (p43-s01 26, p43-s03 25, p43-s02 10), so 7 come from the tie at 30
    expect(r.out).toMatch(/等次“不满意单位”的边界落在并列之中:同为 30 分的 \d+ 个单位中按名单顺序取了 7 个/);
  });

  it('prints the consequences per parent (五(一): 考绩 +5 per 满意单位 section)', () => {
    // p44 has three 满意单位 (p44-s01..s03): 3 × (+5)
    expect(r.out).toContain('县滩涂围垦公司 (p44):考绩 +15');
    expect(r.out).toMatch(/· 考绩 \+5 满意单位 工程建设部 \(p44-s01\)/);
    expect(r.out).toMatch(/· 考绩 −10 最不满意单位 运营管理部 \(p43-s02\)/);
  });

  it('the trace names classes as the table does', () => {
    expect(r.out).toContain('等次 classes: 满意单位、满意单位前三名');
  });
});

describe('pingyi score: one declared display precision (scheme display.digits)', () => {
  const dir = tmp();
  const s = JSON.parse(readFileSync(join(root, 'schemes/pingyang-2021/scheme.json'), 'utf8')) as Scheme;
  s.display = { digits: 2, source: '假定 assumption: 成绩保留两位小数' };
  writeFileSync(join(dir, 'scheme.json'), JSON.stringify(s));
  const case01 = join(root, 'schemes/pingyang-2021/cases/01-every-indicator.json');

  it('table, trace and JSON show unit a’s 92.025 as 92.03 (half-up to 2 digits)', () => {
    const r = pingyi('score', dir, case01, '--explain', 'a');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\S*\s+a\s+.*\s92\.03\s/m);
    expect(r.out).toContain('总成绩 total 92.03');
    expect(r.out).toContain('显示保留 2 位小数');
    const j = pingyi('score', dir, case01, '--json');
    const out = JSON.parse(j.out) as { units: Array<{ unit: string; total: number }>; display: { digits: number } };
    expect(out.display.digits).toBe(2);
    expect(out.units.find((u) => u.unit === 'a')?.total).toBe(92.03);
  });

  it('without a declaration, 3 digits everywhere (table and trace agree on 92.025)', () => {
    const r = pingyi('score', 'pingyang-2021', case01, '--explain', 'a');
    expect(r.out).toMatch(/^\S*\s+a\s+.*\s92\.025\s/m);
    expect(r.out).toContain('总成绩 total 92.025');
  });
});
