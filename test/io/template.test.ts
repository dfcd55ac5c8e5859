import { originList } from './origin-list.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { validateScheme, type Roster, type Scheme } from '../../engine/index.ts';
import { readData, readDataBuffer, schemeLoadOptions, templateCsv, templateXlsx } from '../../io/index.ts';

const root = new URL('../../', import.meta.url).pathname;
const dir = join(root, 'schemes/pingyang-2021');
const raw = JSON.parse(readFileSync(join(dir, 'scheme.json'), 'utf8'));
// the votes' levels get Chinese labels (fact type `labels`), as a scheme author would add them
raw.factTypes.find((f: { id: string }) => f.id === 'service-vote').labels = { satisfied: '满意', basic: '基本满意', dissatisfied: '不满意' };
const v = validateScheme(raw);
if (!v.ok || !v.scheme) throw new Error(JSON.stringify(v.issues));
const scheme: Scheme = v.scheme;
const roster: Roster = JSON.parse(readFileSync(join(dir, 'roster.json'), 'utf8'));
const opts = { ...schemeLoadOptions({ scheme, roster }) };

describe('templateXlsx', () => {
  it('one sheet per fact type plus units/parents/history, the CSV headers, drop-down lists with values and labels, a sample row', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await templateXlsx(scheme, roster)) as unknown as ExcelJS.Buffer);
    const names = wb.worksheets.map((w) => w.name);
    for (const ft of scheme.factTypes) expect(names).toContain(ft.id);
    expect(names).toEqual(expect.arrayContaining(['units', 'parents', 'history']));

    const ws = wb.getWorksheet('service-vote') as ExcelJS.Worksheet;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    // required fields first (period, level), then the optional count
    expect(header).toEqual(['unit', 'period', 'level', 'count']);
    const level = header.indexOf('level') + 1;
    const dv = ws.getCell(3, level).dataValidation;
    expect(dv.type).toBe('list');
    const [, col] = /^_lists!\$([A-Z]+)\$1:/.exec(String(dv.formulae[0])) ?? [];
    const lists = wb.getWorksheet('_lists') as ExcelJS.Worksheet;
    const allowed: unknown[] = [];
    lists.getColumn(col as string).eachCell((c) => allowed.push(c.value));
    expect(allowed).toEqual(['satisfied', 'basic', 'dissatisfied', '满意', '基本满意', '不满意']);
    expect(String(ws.getRow(2).getCell(1).value)).toMatch(/^#/);
    expect(ws.getCell(1, level).note).toBeDefined();
    // the booleans of supervision-finding get a 是/否 list
    const sf = wb.getWorksheet('supervision-finding') as ExcelJS.Worksheet;
    const severe = (sf.getRow(1).values as unknown[]).indexOf('severe');
    expect(sf.getCell(2, severe).dataValidation.formulae).toEqual(['"是,否"']);
  });

  it('as downloaded it loads as empty (a warning per sheet and no facts), filled in it loads, labels mapped', async () => {
    const buf = await templateXlsx(scheme, roster);
    const empty = await readDataBuffer(buf, { name: 'template.xlsx', ...opts });
    expect(empty.dataset).toBeUndefined();
    expect(empty.issues.filter((i) => i.severity === 'error').map((i) => i.code)).toEqual(['data-no-facts']);
    expect(empty.issues.filter((i) => i.code === 'data-empty-file')).toHaveLength(scheme.factTypes.length + 3);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('service-vote') as ExcelJS.Worksheet;
    const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    const row = (values: Record<string, unknown>) => ws.addRow(header.map((h) => values[h] ?? null));
    row({ unit: 'p01-s01', period: 'h1', level: '满意', count: 3 });
    row({ unit: 'p01-s02', period: 'h2', level: 'basic' });
    const filled = await readDataBuffer(Buffer.from(await wb.xlsx.writeBuffer()), { name: 'filled.xlsx', ...opts });
    expect(filled.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(filled.dataset?.facts).toEqual([
      { type: 'service-vote', unit: 'p01-s01', period: 'h1', level: 'satisfied', count: 3 },
      { type: 'service-vote', unit: 'p01-s02', period: 'h2', level: 'basic' },
    ]);
  });
});

describe('templateCsv', () => {
  it('one file per fact type plus units/parents/history; comments and the sample row are skipped; filled in it loads', async () => {
    const files = templateCsv(scheme, roster);
    expect([...files.keys()].sort()).toEqual([...scheme.factTypes.map((f) => `${f.id}.csv`), 'units.csv', 'parents.csv', 'history.csv'].sort());
    const vote = files.get('service-vote.csv') as string;
    expect(vote).toContain('可选值 allowed: satisfied(满意) | basic(基本满意) | dissatisfied(不满意)');
    const lines = vote.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines.find((l) => !l.startsWith('#'))).toBe('type,unit,period,level,count');

    const asLoaded = await readData([{ buffer: Buffer.from(vote), name: 'service-vote.csv' }], opts);
    expect(asLoaded.issues.map((i) => i.code)).toEqual(['data-empty-file', 'data-no-facts']);
    const filled = vote + 'service-vote,p01-s01,h1,不满意,2\r\n';
    const r = await readData([{ buffer: Buffer.from(files.get('units.csv') as string), name: 'units.csv' }, { buffer: Buffer.from(filled), name: 'service-vote.csv' }], opts);
    // units.csv as downloaded holds only its sample: a warning, and the scheme's roster is used
    expect(r.issues.map((i) => [i.code, i.file])).toEqual([['data-empty-file', 'units.csv']]);
    expect(r.dataset?.facts).toEqual([{ type: 'service-vote', unit: 'p01-s01', period: 'h1', level: 'dissatisfied', count: 2 }]);
    expect(originList(r.origins)[0]?.line).toBe(lines.length);
  });
});
