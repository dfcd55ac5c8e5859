/**
 * Issue #17 item 7, the last two reads on the request thread: a version's
 * `template.xlsx` and one unit's explanation are made in the job pool (the
 * pool counts the jobs that ended, by kind) and answer what the request
 * thread answered before — the explanation byte for byte, the workbook cell
 * for cell (a workbook carries its creation time) — and a missing unit is
 * still 404 across the thread.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainUnit, type Roster, type RunResult, type Scheme } from '../../engine/index.ts';
import { templateXlsx } from '../../io/index.ts';
import { JobPool } from '../../server/jobs/pool.ts';
import { SCHEMES_DIR, startServer, type Harness } from './harness.ts';

let h: Harness;
const pool = new JobPool({ threads: 1 });
const slow = { timeout: 300_000 };

beforeAll(async () => {
  h = await startServer({ jobPool: pool });
}, 120_000);
afterAll(async () => {
  await h.close();
  await pool.close();
});

const get = (path: string) => fetch(`${h.url}${path}`, { headers: { authorization: `Bearer ${h.admin}` } });
const cells = (wb: ExcelJS.Workbook) => wb.worksheets.map((ws) => ({ name: ws.name, rows: ws.getSheetValues().map((r) => JSON.stringify(r)) }));

describe('reads made in the job pool', () => {
  it('the template is made by a template job, with the cells templateXlsx gives in this thread', slow, async () => {
    const before = pool.ended.template;
    const res = await get('/api/schemes/pingyang-2021/versions/1.0.0/template.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="pingyang-2021-1.0.0-template.xlsx"');
    expect(pool.ended.template).toBe(before + 1);
    const scheme = JSON.parse(await readFile(join(SCHEMES_DIR, 'pingyang-2021/scheme.json'), 'utf8')) as Scheme;
    const roster = JSON.parse(await readFile(join(SCHEMES_DIR, 'pingyang-2021/roster.json'), 'utf8')) as Roster;
    const [a, b] = [new ExcelJS.Workbook(), new ExcelJS.Workbook()];
    await a.xlsx.load(await res.arrayBuffer());
    await b.xlsx.load((await templateXlsx(scheme, roster)) as unknown as ExcelJS.Buffer);
    expect(cells(a).length).toBeGreaterThan(0);
    expect(cells(a)).toEqual(cells(b));
  });

  it('a unit is explained by an explain job, byte for byte what the request thread answered', slow, async () => {
    const c = JSON.parse(await readFile(join(SCHEMES_DIR, 'pingyang-2021/cases/02-selection-and-classification.json'), 'utf8'));
    const up = await h.call('POST', '/api/datasets?scheme=pingyang-2021&version=1.0.0&name=explain', { token: h.admin, raw: JSON.stringify(c.input), headers: { 'content-type': 'application/json' } });
    expect(up.status).toBe(201);
    const run = await h.call('POST', '/api/runs', { token: h.admin, body: { dataset: up.body.dataset.id } });
    expect(run.status).toBe(201);
    const id = run.body.run.id as string;
    const result = JSON.parse(await readFile(join(h.dir, 'runs', `${id}.json`), 'utf8')) as RunResult;

    const before = pool.ended.explain;
    const res = await get(`/api/runs/${id}/units/p44-s01/explain`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(pool.ended.explain).toBe(before + 1);
    // what runs.ts answered with res.json on the request thread before the job
    const u = result.units.find((x) => x.unit === 'p44-s01')!;
    const expected = JSON.stringify({ unit: u.unit, name: u.name, status: u.status, total: u.total, ranks: u.ranks, classes: u.classes, indicators: u.indicators, text: explainUnit(u) });
    expect(await res.text()).toBe(expected);
    // case 02, clause 四(一)3: p44-s01 first with 50
    expect(u.total).toBe(50);

    const missing = await h.call('GET', `/api/runs/${id}/units/nobody/explain`, { token: h.admin });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('not-found');
    expect(pool.ended.explain).toBe(before + 2);
  });
});
