import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nameYearIssues, nextYear, shiftDate, validateScheme, yearsNamed, type Scheme } from '../../../engine/index.ts';

const load = (id: string) => JSON.parse(readFileSync(new URL(`../../../schemes/${id}/scheme.json`, import.meta.url), 'utf8')) as Scheme;

describe('nextYear: drafting pingyang-2022 from pingyang-2021 (docs/authoring.md §四 第 1 步)', () => {
  const old = load('pingyang-2021');
  const before = JSON.stringify(old);
  const { scheme, notes } = nextYear(old, { year: 2022 });

  it('moves id, year, version, basedOn, name and window on exactly as the guide writes them', () => {
    expect(scheme.id).toBe('pingyang-2022');
    expect(scheme.year).toBe(2022);
    expect(scheme.version).toBe('1.0.0');
    expect(scheme.basedOn).toEqual({ id: 'pingyang-2021', version: '1.0.0' });
    expect(scheme.name).toBe('2022年度全县千人评机关(含国有企业)中层科室活动');
    // 认定期间顺延一年:2021 年 12 月至 2022 年 11 月 (guide §四 1)
    expect(scheme.window?.from).toBe('2021-12-01');
    expect(scheme.window?.to).toBe('2022-11-30');
    expect(scheme.nameEn).not.toContain('2021');
  });

  it('leaves the old scheme untouched and the draft valid', () => {
    expect(JSON.stringify(old)).toBe(before);
    expect(validateScheme(scheme).ok).toBe(true);
  });

  it('flags every clause text that names an old year, with its pointer, as a warning — and nothing else', () => {
    const flagged = notes.filter((n) => n.code === 'next-year-old-year');
    // the document title (2021), 免评 "2019年度、2020年度", 入围 "2020年度10个不满意单位", the window clause (2020, 2021)
    expect(flagged.map((n) => n.path).sort()).toEqual(['/exemptions/0/source', '/selections/0/source', '/source', '/window/source']);
    expect(flagged.every((n) => n.severity === 'warning')).toBe(true);
    expect(flagged.find((n) => n.path === '/exemptions/0/source')?.message.zh).toContain('2019、2020');
    expect(notes.some((n) => n.severity === 'error')).toBe(false);
    expect(notes.find((n) => n.code === 'next-year-window')?.path).toBe('/window');
  });

  it('leaves the relative 免评 years alone: "yearsAgo": [1, 2] means 2021 and 2020 for 2022 (guide §四 1)', () => {
    expect(scheme.exemptions).toEqual(old.exemptions);
  });
});

describe('nextYear: options', () => {
  const old = load('wenzhou-2024');
  it('takes a given id and jumps several years (basedOn the version it was drafted from)', () => {
    const { scheme, notes } = nextYear(old, { year: 2026, id: 'wenzhou-gzw-2026' });
    expect(scheme.id).toBe('wenzhou-gzw-2026');
    expect(scheme.basedOn).toEqual({ id: 'wenzhou-2024', version: '1.0.0' });
    // window 2023-11-01 … 2024-10-31 moved on two years
    expect([scheme.window?.from, scheme.window?.to]).toEqual(['2025-11-01', '2026-10-31']);
    expect(scheme.name.startsWith('2026年度')).toBe(true);
    expect(notes.some((n) => n.path === '/source' && n.code === 'next-year-old-year')).toBe(true);
  });
  it('refuses a year that is not later, and a bad id, as errors (the draft is the input unchanged)', () => {
    expect(nextYear(old, { year: 2024 }).notes.map((n) => [n.code, n.severity])).toEqual([['next-year-not-later', 'error']]);
    expect(nextYear(old, { year: 2025, id: 'Bad Id' }).notes[0]?.code).toBe('next-year-id');
    expect(nextYear(old, { year: 2025.5 }).notes[0]?.code).toBe('next-year-invalid');
  });
  it('appends the year to an id without one, and warns when the name has no year to move', () => {
    const s = { ...load('nanyang-2014'), id: 'nanyang', name: '三亮三评' };
    const { scheme, notes } = nextYear(s, { year: 2015 });
    expect(scheme.id).toBe('nanyang-2015');
    expect(notes.map((n) => n.code)).toContain('next-year-name');
    expect(scheme.window).toBeUndefined();
  });
});

describe('shiftDate, yearsNamed, nameYearIssues', () => {
  it('keeps month ends at month ends, also across February', () => {
    expect(shiftDate('2020-12-01', 1)).toBe('2021-12-01');
    expect(shiftDate('2021-11-30', 1)).toBe('2022-11-30');
    expect(shiftDate('2020-02-29', 1)).toBe('2021-02-28'); // 2021 is no leap year
    expect(shiftDate('2023-02-28', 1)).toBe('2024-02-29'); // 28 Feb 2023 was the month's end; 2024 is a leap year
    expect(shiftDate('2024-02-28', 1)).toBe('2025-02-28'); // not a month end in 2024: stays the 28th
  });
  it('finds years, not longer numbers', () => {
    expect(yearsNamed('温委办发〔2024〕4号 2020年12月至2021年11月 电话 12345 编号 202401')).toEqual([2024, 2020, 2021]);
  });
  it('warns when the name names another year than year', () => {
    expect(nameYearIssues({ name: '2021年度评议', year: 2022 })).toEqual([
      expect.objectContaining({ code: 'name-year', path: '/name', severity: 'warning' }),
    ]);
    expect(nameYearIssues({ name: '2022年度评议', year: 2022 })).toEqual([]);
  });
});
