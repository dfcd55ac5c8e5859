import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMES_DIR, startServer, type Harness } from './harness.ts';

let h: Harness;
let run = '';
let indicatorNames: Record<string, string> = {};

beforeAll(async () => {
  h = await startServer();
  // the hand-checked case 02 of pingyang-2021 (selection and classification), its input uploaded as JSON on the scheme roster
  const c = JSON.parse(await readFile(join(SCHEMES_DIR, 'pingyang-2021/cases/02-selection-and-classification.json'), 'utf8'));
  const up = await h.call('POST', '/api/datasets?scheme=pingyang-2021&version=1.0.0&name=case02', { token: h.admin, raw: JSON.stringify(c.input), headers: { 'content-type': 'application/json' } });
  expect(up.status).toBe(201);
  const r = await h.call('POST', '/api/runs', { token: h.admin, body: { dataset: up.body.dataset.id } });
  expect(r.status).toBe(201);
  run = r.body.run.id;
  const doc = (await h.call('GET', '/api/schemes/pingyang-2021/versions/1.0.0', { token: h.admin })).body.document;
  indicatorNames = Object.fromEntries(doc.indicators.map((i: { id: string; name: string }) => [i.id, i.name]));
}, 120_000);
afterAll(() => h.close());

describe('exports of a run', () => {
  it('exports .xlsx with ranks, one column per indicator and the classes (reopened with exceljs)', async () => {
    const res = await fetch(`${h.url}/api/runs/${run}/export.xlsx`, { headers: { authorization: `Bearer ${h.admin}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    const col = (name: string) => header.indexOf(name) + 1;
    expect(col('名次 综合评价排名')).toBeGreaterThan(0);
    expect(col(indicatorNames.daily!)).toBeGreaterThan(0);
    expect(col(indicatorNames.network!)).toBeGreaterThan(0);
    const rows = new Map<string, ExcelJS.Row>();
    ws.eachRow((row, n) => {
      if (n > 1) rows.set(String(row.getCell(col('单位 unit')).value), row);
    });
    // case 02, clause 四(一)3: p44-s01 first with 50 = daily 35 + network 15, satisfied and among the top three
    const top = rows.get('p44-s01')!;
    expect(top.getCell(col('名次 综合评价排名')).value).toBe(1);
    expect(top.getCell(col(indicatorNames.daily!)).value).toBe(35);
    expect(top.getCell(col(indicatorNames.network!)).value).toBe(15);
    expect(top.getCell(col('总分 total')).value).toBe(50);
    expect(String(top.getCell(col('等次 classes')).value)).toBe('满意单位、满意单位前三名');
    expect(rows.get('p01-s03')!.getCell(col('名次 综合评价排名')).value).toBe(4);
    expect(String(rows.get('p43-s02')!.getCell(col('等次 classes')).value)).toContain('最不满意单位');
  });

  it('exports the ranked table as CSV', async () => {
    const res = await fetch(`${h.url}/api/runs/${run}/export.csv`, { headers: { authorization: `Bearer ${h.admin}` } });
    expect(res.headers.get('content-type')).toContain('text/csv');
    const text = await res.text();
    const lines = text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toContain('名次 综合评价排名');
    expect(lines[1]!.split(',').slice(0, 2)).toEqual(['1', 'p44-s01']);
  });

  it('gives an Excel template of the version fact types', async () => {
    const res = await fetch(`${h.url}/api/schemes/pingyang-2021/versions/1.0.0/template.xlsx`, { headers: { authorization: `Bearer ${h.admin}` } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const doc = (await h.call('GET', '/api/schemes/pingyang-2021/versions/1.0.0', { token: h.admin })).body.document;
    const names = wb.worksheets.map((w) => w.name);
    for (const ft of doc.factTypes) expect(names.some((n) => n.includes(ft.id))).toBe(true);
  });

  it('refuses exports of unknown runs and anonymous callers', async () => {
    expect((await h.call('GET', '/api/runs/run-nope/export.xlsx', { token: h.admin })).status).toBe(404);
    expect((await h.call('GET', `/api/runs/${run}/export.csv`)).status).toBe(401);
  });
});
