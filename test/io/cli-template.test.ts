/** `pingyi template` and `pingyi data-schema` through the real CLI process (issue 11). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const pingyi = (...args: string[]) => {
  const r = spawnSync(process.execPath, [join(root, 'bin/pingyi.js'), ...args], { cwd: root, encoding: 'utf8', timeout: 150_000, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, PINGYI_FROM_SOURCE: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const dir = mkdtempSync(join(tmpdir(), 'pingyi-template-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// each case starts real CLI processes (≈ 1–8 s each on a shared machine)
const slow = { timeout: 600_000 };
const scheme = JSON.parse(readFileSync(join(root, 'schemes/pingyang-2021/scheme.json'), 'utf8'));

describe('pingyi template', () => {
  it('--xlsx writes a workbook with a sheet per fact type; --csv one file per table; never overwrites', slow, async () => {
    const x = pingyi('template', 'pingyang-2021', '--out', join(dir, 'x'));
    expect(x.code).toBe(0);
    const file = join(dir, 'x', `pingyang-2021-${scheme.version}-template.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
    for (const ft of scheme.factTypes) expect(wb.worksheets.map((w) => w.name)).toContain(ft.id);

    const c = pingyi('template', 'schemes/pingyang-2021', '--csv', '--out', join(dir, 'c'));
    expect(c.code).toBe(0);
    expect(readdirSync(join(dir, 'c')).sort()).toEqual([...scheme.factTypes.map((f: { id: string }) => `${f.id}.csv`), 'history.csv', 'parents.csv', 'units.csv'].sort());
    // a filled-in template loads: the network votes' file (type,unit,level,count,voter) with one row added
    const votes = join(dir, 'c', 'network-vote.csv');
    const text = readFileSync(votes, 'utf8');
    expect(text).toContain('\r\ntype,unit,level,count,voter\r\n#network-vote,');
    writeFileSync(votes, text + 'network-vote,p01-s03,satisfied,100,\r\n');
    const scored = pingyi('score', 'pingyang-2021', votes, '--json');
    expect(scored.err).not.toMatch(/错误 error \[data-/);
    expect(JSON.parse(scored.out).units.length).toBeGreaterThan(0);

    const again = pingyi('template', 'pingyang-2021', '--csv', '--out', join(dir, 'c'));
    expect(again.code).toBe(1);
    expect(again.err).toContain('已存在');
    const both = pingyi('template', 'pingyang-2021', '--csv', '--xlsx');
    expect(both.code).toBe(2);
  });
});

describe('pingyi data-schema', () => {
  it('prints a JSON Schema the shipped case data satisfies, and a data file may name it in $schema', slow, () => {
    const r = pingyi('data-schema', 'pingyang-2021');
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.out);
    const validate = new Ajv({ strict: false }).compile(schema);
    const input = JSON.parse(readFileSync(join(root, 'schemes/pingyang-2021/cases/01-every-indicator.json'), 'utf8')).input;
    expect(validate(input)).toBe(true);
    expect(validate({ facts: [{ type: 'service-vote', unit: 'a', level: 'great' }] })).toBe(false);

    const out = join(dir, 'pingyang.data.schema.json');
    expect(pingyi('data-schema', 'pingyang-2021', '--out', out).code).toBe(0);
    const data = join(dir, 'with-schema.json');
    writeFileSync(data, JSON.stringify({ $schema: './pingyang.data.schema.json', ...input }));
    const scored = pingyi('score', 'pingyang-2021', data, '--json');
    expect(scored.code).toBe(0);
    expect(scored.err).not.toContain('data-unknown-key');
  });
});
