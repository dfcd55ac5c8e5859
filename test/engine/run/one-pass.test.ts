import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoreScheme, validateScheme, type Dataset, type Scheme } from '../../../engine/index.ts';
import { factType, miniScheme, units } from '../../helpers/mini-scheme.ts';

/**
 * Issue 10 §3: a clerk acts on every problem of a data set in one pass, and a
 * failed run shows problems, never a ranking.
 */
const load = (id: string): Scheme => validateScheme(JSON.parse(readFileSync(new URL(`../../../schemes/${id}/scheme.json`, import.meta.url), 'utf8'))).scheme as Scheme;
const caseInput = (id: string, file: string): Dataset =>
  (JSON.parse(readFileSync(new URL(`../../../schemes/${id}/cases/${file}`, import.meta.url), 'utf8')) as { input: Dataset }).input;
const codesAndPaths = (r: { issues: Array<{ code: string; path: string }> }) => r.issues.map((i) => `${i.code} ${i.path}`).sort();

describe('all problems of a data set in one run', () => {
  it('reports format, window, quota, range and missing-score problems together (wenzhou-2024)', () => {
    const data = structuredClone(caseInput('wenzhou-2024', '02-quota-and-missing-rejected.json'));
    // two data-check problems on top of the case's five scoring-time problems:
    // a department score above the 5-point scale (fact-maximum), and a case dated after the window (2023-11-01 – 2024-10-31)
    data.facts.push({ type: 'sasac-dept-score', unit: 'a1', department: '另一处', score: 7 }); // /facts/25
    data.facts.push({ type: 'supervision-case', unit: 'a3', item: 'eight-rules', person: '某丁', amount: 3, date: '2024-11-15' }); // /facts/26
    const r = scoreScheme(load('wenzhou-2024'), data);
    expect(r.ok).toBe(false);
    expect(codesAndPaths(r)).toEqual(
      [
        'quota-broken /facts/5', // q2: 2 优秀 where at most 1 (20% of 5, floor)
        'quota-broken /facts/5', // q2: 0 一般 where at least 1
        'missing-rating /units/4', // a5 has no q3 preliminary grade
        'missing-score /units/4', // a5 has no department score
        'amount-out-of-range /facts/24/amount', // eight-rules 2–4 per person, 5 recorded
        'fact-maximum /facts/25/score', // the score field declares maximum 5
        'outside-window /facts/26/date', // 2024-11-15 is after 2024-10-31
      ].sort(),
    );
  });

  it('reports a problem about a parent fact once, at the fact, not once per unit of the parent', () => {
    const s = miniScheme(
      { kind: 'deduction', floor: 0, hitPolicy: 'first', rules: [{ id: 'r', name: '主管单位视情扣分', source: 't', factType: 'pc', points: { kind: 'range', min: 1, max: 3, field: 'amount' } }] },
      [factType('pc', { amount: { type: 'number' } }, 'parent')],
    );
    const r = scoreScheme(s, { ...units('a', 'b', 'c'), facts: [{ type: 'pc', parent: 'p1', amount: 9 }] });
    expect(codesAndPaths(r)).toEqual(['amount-out-of-range /facts/0/amount']);
  });

  it('does not also call a unit "missing" a score whose only record was rejected for its content', () => {
    const s = miniScheme({ kind: 'reported-score', factType: 'rs', field: 'score', combine: 'mean', missing: 'error' }, [
      factType('rs', { score: { type: 'number', minimum: 0, maximum: 10 } }),
    ]);
    const r = scoreScheme(s, { ...units('a', 'b'), facts: [{ type: 'rs', unit: 'a', score: 11 }] });
    // a: its record breaks the field schema (reported there); b: genuinely missing
    expect(codesAndPaths(r)).toEqual(['fact-maximum /facts/0/score', 'missing-score /units/1']);
  });
});

describe('a failed run carries its problems and no ranking', () => {
  it('returns no units, selections, rankings, classes or consequences when an error is reported', () => {
    // the case runs on the scheme's shipped roster (useSchemeRoster)
    const roster = JSON.parse(readFileSync(new URL('../../../schemes/pingyang-2021/roster.json', import.meta.url), 'utf8')) as Pick<Dataset, 'units' | 'parents'>;
    const data = { ...structuredClone(caseInput('pingyang-2021', '02-selection-and-classification.json')), ...roster };
    const s = load('pingyang-2021');
    const good = scoreScheme(s, data);
    expect(good.ok).toBe(true);
    expect(good.units.length).toBeGreaterThan(0);
    // a problem found while scoring (not by the data check): a second supervisor rating of a rated unit
    const rating = data.facts.find((f) => f.type === 'supervisor-rating')!;
    data.facts.push({ ...rating });
    const r = scoreScheme(s, data);
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => `${i.code} ${i.path}`)).toEqual([`duplicate-rating /facts/${data.facts.length - 1}`]);
    expect([r.units, r.selections, r.rankings, r.classes, r.consequences]).toEqual([[], [], [], [], []]);
  });
});

describe('messages a clerk can act on', () => {
  const rangeScheme = () =>
    miniScheme(
      {
        kind: 'deduction',
        floor: 0,
        hitPolicy: 'all',
        rules: [
          { id: 'r', name: '视情扣分', source: '第三条', factType: 'c', points: { kind: 'range', min: 1, max: 3, field: 'amount' } },
          { id: 't', name: '按角色扣分', source: '第四条', factType: 'c', points: { kind: 'table', field: 'role', values: { lead: 2, other: 1 } } },
        ],
      },
      [factType('c', { amount: { type: 'number' }, role: { type: 'string' }, kind: { const: 'case' }, level: { enum: ['city', 'county'] } })],
    );

  it('names a missing field ("缺少字段 amount"), never "undefined"', () => {
    // the first fact lacks the amount the range rule reads, the second the role the table rule reads
    const r = scoreScheme(rangeScheme(), { ...units('a'), facts: [{ type: 'c', unit: 'a', role: 'lead' }, { type: 'c', unit: 'a', amount: 2 }] });
    expect(codesAndPaths(r)).toEqual(['missing-field /facts/0/amount', 'missing-field /facts/1/role']);
    for (const i of r.issues) {
      expect(i.message.zh).toMatch(/^缺少字段 (amount|role)/);
      expect(i.message.en).toMatch(/^missing field (amount|role)/);
      expect(`${i.message.zh} ${i.message.en}`).not.toMatch(/undefined/);
    }
  });

  it('reads a recorded "toString" as an unknown row of a points table, not as a row', () => {
    const r = scoreScheme(rangeScheme(), { ...units('a'), facts: [{ type: 'c', unit: 'a', amount: 2, role: 'toString' }] });
    expect(codesAndPaths(r)).toEqual(['table-key-unknown /facts/0/role']);
  });

  it('writes field problems in Chinese, with the allowed values and the expected constant in both languages', () => {
    const r = scoreScheme(rangeScheme(), { ...units('a'), facts: [{ type: 'c', unit: 'a', amount: 2, role: 'lead', kind: 'other', level: 'province' }] });
    const by = Object.fromEntries(r.issues.map((i) => [i.code, i.message]));
    expect(by['fact-enum']?.zh).toContain('"city"、"county"');
    expect(by['fact-enum']?.en).toContain('"city", "county"');
    expect(by['fact-const']?.zh).toContain('取值须为 "case"');
    expect(by['fact-const']?.en).toContain('must be "case"');
    for (const i of r.issues) expect(i.message.zh).not.toMatch(/\bmust\b|\bshould\b|NOT/);
  });

  it('writes scheme structure problems in Chinese built from the keyword, not ajv English', () => {
    const s = JSON.parse(readFileSync(new URL('../../../schemes/pingyang-2021/scheme.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    s.year = 3000;
    s.id = 'Bad Id';
    (s as { rankings: Array<{ groupBy: string }> }).rankings[0]!.groupBy = 'parent';
    const issues = validateScheme(s).issues;
    expect(issues.map((i) => `${i.code} ${i.path}`).sort()).toEqual(['schema-enum /rankings/0/groupBy', 'schema-maximum /year', 'schema-pattern /id']);
    for (const i of issues) expect(i.message.zh).not.toMatch(/\bmust\b|\bshould\b|NOT/);
    const by = Object.fromEntries(issues.map((i) => [i.code, i.message]));
    expect(by['schema-maximum']?.zh).toBe('数值须不大于 2100,实为 3000');
    expect(by['schema-enum']?.zh).toBe('取值须为以下之一:"none"、"category",实为 "parent"');
    expect(by['schema-pattern']?.zh).toContain('小写字母、数字与连字符');
  });

  it('uses the scheme\'s own words for units and parents (科室 / 单位, 部室 / 集团)', () => {
    const s = { ...load('pingyang-2021'), terms: { unit: '科室', parent: '单位' } };
    expect(validateScheme(s).ok).toBe(true);
    const r = scoreScheme(s, { units: [{ id: 's1', name: '一科', parent: 'p9', category: 'organ' }], facts: [{ type: 'supervisor-rating', unit: 's9', score: 4 }] });
    const zh = Object.fromEntries(r.issues.map((i) => [`${i.code} ${i.path}`, i.message.zh]));
    expect(zh).toEqual({ 'unknown-parent /units/0/parent': '单位 p9 不在名单中', 'unknown-unit /facts/0/unit': '科室 s9 不在名单中' });

    const w = { ...load('wenzhou-2024'), terms: { unit: '部室', parent: '集团' } };
    const r2 = scoreScheme(w, caseInput('wenzhou-2024', '02-quota-and-missing-rejected.json'));
    const zh2 = r2.issues.map((i) => i.message.zh);
    expect(zh2.filter((m) => m.startsWith('部室 a5')).length).toBe(2); // missing-rating, missing-score
    expect(zh2.filter((m) => m.includes('共 5 个部室')).length).toBe(2); // quota-broken ×2
    expect(zh2.join('\n')).not.toMatch(/单位 a5/);
  });
});
