import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Scheme } from '../../engine/index.ts';
import { pingyi, root, tmp } from './run-cli.ts';

describe('pingyi new-year (docs/authoring.md §一, §四 第 1 步)', () => {
  const dir = tmp();
  const out = join(dir, 'pingyang-2022');
  const r = pingyi('new-year', 'pingyang-2021', '2022', '--out', out);

  it('drafts the scheme with id, year, basedOn, name and window moved on; exit 0', () => {
    expect(r.code).toBe(0);
    const s = JSON.parse(readFileSync(join(out, 'scheme.json'), 'utf8')) as Scheme;
    expect([s.id, s.year, s.version]).toEqual(['pingyang-2022', 2022, '1.0.0']);
    expect(s.basedOn).toEqual({ id: 'pingyang-2021', version: '1.0.0' });
    expect(s.name).toBe('2022年度全县千人评机关(含国有企业)中层科室活动');
    // 认定期间顺延一年:2021 年 12 月至 2022 年 11 月 (authoring.md §四 1)
    expect(s.window).toMatchObject({ from: '2021-12-01', to: '2022-11-30' });
  });

  it('flags the texts naming old years with their pointers, and the copied roster', () => {
    expect(r.err).toMatch(/警告 warning \[next-year-old-year\] \S+scheme\.json \/exemptions\/0\/source/);
    expect(r.err).toContain('此处写有 2019、2020 年');
    expect(r.err).toMatch(/\[next-year-roster\] \S+roster\.json/);
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toContain('`/selections/0/source`');
  });

  it('does not copy the cases (they would fail the new window) and says so', () => {
    expect(existsSync(join(out, 'cases'))).toBe(false);
    const shipped = readdirSync(join(root, 'schemes/pingyang-2021/cases')).filter((f) => f.endsWith('.json')).length;
    expect(r.out).toContain(`未复制 not copied: cases/(${shipped} 个用例`);
    const note = readFileSync(join(out, 'cases-previous-year.md'), 'utf8');
    expect(note).toContain('outside-window');
    expect(note).toContain('pingyang-2021/cases/02-selection-and-classification.json');
    expect(existsSync(join(out, 'roster.json'))).toBe(true);
    expect(existsSync(join(out, 'source.txt'))).toBe(false);
  });

  it('the draft validates (only the name-year check is quiet: the name moved on)', () => {
    const v = pingyi('validate', out);
    expect(v.code).toBe(0);
    expect(v.err).not.toContain('name-year');
  });

  it('never overwrites a folder; a bad year is a usage error (2), a year not later an input error (1)', () => {
    mkdirSync(join(dir, 'taken'));
    writeFileSync(join(dir, 'taken', 'scheme.json'), '{}');
    const again = pingyi('new-year', 'pingyang-2021', '2022', '--out', join(dir, 'taken'));
    expect(again.code).toBe(1);
    expect(again.err).toContain('not empty');
    expect(readFileSync(join(dir, 'taken', 'scheme.json'), 'utf8')).toBe('{}');
    expect(pingyi('new-year', 'pingyang-2021', 'next').code).toBe(2);
    const earlier = pingyi('new-year', 'pingyang-2021', '2020', '--out', join(dir, 'x'));
    expect(earlier.code).toBe(1);
    expect(earlier.err).toContain('next-year-not-later');
  });
});
