import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pingyi, root, tmp } from './run-cli.ts';

const pingyang = () => JSON.parse(readFileSync(join(root, 'schemes/pingyang-2021/scheme.json'), 'utf8')) as Record<string, unknown> & { categories: unknown[] };

describe('pingyi validate: capped output, name-year warning', () => {
  it('a huge broken array prints the first 50 problems, then counts per code; --all prints all 300', () => {
    const dir = tmp();
    const s = pingyang();
    s.categories.push(...Array.from({ length: 300 }, (_, i) => ({ id: `BAD ${i}`, name: 'x' })));
    writeFileSync(join(dir, 'scheme.json'), JSON.stringify(s));
    const r = pingyi('validate', dir);
    expect(r.code).toBe(1);
    const printed = (t: string) => t.split('\n').filter((l) => /^错误 error \[/.test(l)).length;
    expect(printed(r.err)).toBe(50);
    expect(r.err).toContain('250 more not shown (300 in all)');
    expect(r.err).toMatch(/counts per code:\n\s+schema-pattern\s+300/);
    const all = pingyi('validate', dir, '--all');
    expect(all.code).toBe(1);
    expect(printed(all.err)).toBe(300);
  });

  it('warns when the name names another year than `year` (a scheme copied forward and not renamed); still valid, exit 0', () => {
    const dir = tmp();
    const s = pingyang();
    s.year = 2022;
    writeFileSync(join(dir, 'scheme.json'), JSON.stringify(s));
    const r = pingyi('validate', dir);
    expect(r.code).toBe(0);
    expect(r.err).toContain('警告 warning [name-year]');
    expect(r.err).toContain('名称写的是 2021 年,而方案年度 year 为 2022');
    expect(r.out).toContain('有效 valid');
    expect(pingyi('validate', 'pingyang-2021').err).not.toContain('name-year');
  });
});
