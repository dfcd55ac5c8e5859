/**
 * CSV exports defuse formulas (issue 17 D10): a unit's name that Excel would
 * run (`=HYPERLINK(…)`, `@SUM(…)`, `-1+…`) comes out behind a `'`, while the
 * scores, negative or not, stay numbers. The CLI's CSV templates go through
 * the same writer (test/io/csv-text.test.ts, and the template case below).
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateScheme, type Scheme } from '../../engine/index.ts';
import { templateCsv } from '../../io/index.ts';
import { SCHEMES_DIR, startServer, type Harness } from './harness.ts';

let h: Harness;
const HOSTILE = { 'p44-s01': '=HYPERLINK("http://evil.example","点我")', 'p01-s03': '@SUM(1+1)*cmd|/C calc!A0', 'p43-s02': '-1+2' };

beforeAll(async () => {
  h = await startServer();
}, 120_000);
afterAll(() => h.close());

describe('CSV formula injection', () => {
  it('export.csv prefixes formula-leading names with a quote and keeps numbers as numbers', async () => {
    const c = JSON.parse(await readFile(join(SCHEMES_DIR, 'pingyang-2021/cases/02-selection-and-classification.json'), 'utf8'));
    const roster = JSON.parse(await readFile(join(SCHEMES_DIR, 'pingyang-2021/roster.json'), 'utf8'));
    const units = roster.units.map((u: { id: string; name: string }) => ({ ...u, name: HOSTILE[u.id as keyof typeof HOSTILE] ?? u.name }));
    const up = await h.call('POST', '/api/datasets?scheme=pingyang-2021&version=1.0.0&name=hostile', { token: h.admin, raw: JSON.stringify({ ...c.input, units, parents: roster.parents }), headers: { 'content-type': 'application/json' } });
    expect(up.status).toBe(201);
    const run = await h.call('POST', '/api/runs', { token: h.admin, body: { dataset: up.body.dataset.id } });
    expect(run.status).toBe(201);
    const res = await fetch(`${h.url}/api/runs/${run.body.run.id}/export.csv`, { headers: { authorization: `Bearer ${h.admin}` } });
    const rows = parse((await res.text()).replace(/^\uFEFF/, '')) as string[][];
    const header = rows[0]!;
    const byUnit = new Map(rows.slice(1).map((r) => [r[header.indexOf('单位 unit')]!, r]));
    const name = (unit: string) => byUnit.get(unit)![header.indexOf('名称 name')];
    for (const [unit, hostile] of Object.entries(HOSTILE)) expect(name(unit)).toBe(`'${hostile}`);
    // case 02, clause 四(一)3: p44-s01 first with 50 points, written as the number it is
    expect(byUnit.get('p44-s01')![header.indexOf('总分 total')]).toBe('50');
    for (const r of rows) for (const cell of r) expect(cell).not.toMatch(/^[=+@\t\r]|^-(?!\d+(\.\d+)?$)/);
  });

  it('the CSV template (pingyi template --csv) defuses a formula-leading label', () => {
    const raw = JSON.parse(readFileSync(join(SCHEMES_DIR, 'pingyang-2021/scheme.json'), 'utf8'));
    raw.factTypes.find((f: { id: string }) => f.id === 'service-vote').labels = { satisfied: '=1+1', basic: '基本满意', dissatisfied: '不满意' };
    const v = validateScheme(raw);
    expect(v.ok).toBe(true);
    const text = templateCsv(v.scheme as Scheme).get('service-vote.csv')!;
    const sample = text.split('\r\n').find((l) => l.startsWith('#'.concat('service-vote')) || l.startsWith('#p'));
    expect(sample).toContain(",'=1+1,");
    expect(text).not.toMatch(/,=1\+1/);
  });
});
