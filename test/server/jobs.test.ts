/**
 * Heavy work through the job pool (issue 17 item 7): an upload started with
 * `?async=1` is a job a client polls to its answer; a run and its exports
 * made in a worker give the same result and bytes as the engine and io/ give
 * in this thread on the same data (exports are pure functions of the stored
 * run and scheme).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreScheme, type RunResult, type Scheme } from '../../engine/index.ts';
import { exportRunCsv, exportRunXlsx } from '../../io/index.ts';
import { SCHEMES_DIR, startServer, type Harness } from './harness.ts';

let h: Harness;
const slow = { timeout: 300_000 };

/** Poll a job until it ends; no time bound but the test's own. */
async function finished(id: string, token: string): Promise<any> {
  for (;;) {
    const r = await h.call('GET', `/api/jobs/${id}`, { token });
    expect(r.status).toBe(200);
    if (r.body.job.state === 'done' || r.body.job.state === 'failed') return r.body.job;
    expect(['queued', 'running']).toContain(r.body.job.state);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  h = await startServer();
}, 120_000);
afterAll(() => h.close());

describe('jobs', () => {
  it('an upload with ?async=1 answers 202 with a job; polled, it ends with the answer the upload would have had', slow, async () => {
    const c = JSON.parse(await readFile(join(SCHEMES_DIR, 'pingyang-2021/cases/02-selection-and-classification.json'), 'utf8'));
    const r = await h.call('POST', '/api/datasets?scheme=pingyang-2021&version=1.0.0&name=async&async=1', { token: h.admin, raw: JSON.stringify(c.input), headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(202);
    expect(r.headers.get('location')).toBe(`/api/jobs/${r.body.job.id}`);
    expect(r.body.job).toMatchObject({ kind: 'upload', createdBy: 'admin' });
    const job = await finished(r.body.job.id, h.admin);
    expect(job).toMatchObject({ state: 'done', phase: 'done', progress: 1 });
    expect(job.answer.status).toBe(201);
    const listed = await h.call('GET', '/api/datasets', { token: h.admin });
    expect(listed.body.map((d: { id: string }) => d.id)).toContain(job.answer.body.dataset.id);
    // another user does not see it
    const viewer = await h.userWith('jobs-viewer', ['viewer']);
    expect((await h.call('GET', `/api/jobs/${r.body.job.id}`, { token: viewer })).status).toBe(404);
    expect((await h.call('GET', '/api/jobs/job-nope', { token: h.admin })).status).toBe(404);
  });

  it('a run and its exports made in a worker equal scoreScheme and io/ on the same data, byte for byte', slow, async () => {
    const c = JSON.parse(await readFile(join(SCHEMES_DIR, 'pingyang-2021/cases/02-selection-and-classification.json'), 'utf8'));
    const up = await h.call('POST', '/api/datasets?scheme=pingyang-2021&version=1.0.0&name=same', { token: h.admin, raw: JSON.stringify(c.input), headers: { 'content-type': 'application/json' } });
    expect(up.status).toBe(201);
    const started = await h.call('POST', '/api/runs?async=1', { token: h.admin, body: { dataset: up.body.dataset.id } });
    expect(started.status).toBe(202);
    const job = await finished(started.body.job.id, h.admin);
    expect(job.answer.status).toBe(201);
    const runId = job.answer.body.run.id;

    const data = (await h.call('GET', `/api/datasets/${up.body.dataset.id}/data`, { token: h.admin })).body;
    const scheme = (await h.call('GET', '/api/schemes/pingyang-2021/versions/1.0.0', { token: h.admin })).body.document as Scheme;
    const here = scoreScheme(scheme, data);
    const stored = (await h.call('GET', `/api/runs/${runId}`, { token: h.admin })).body.result as RunResult;
    expect(stored).toEqual(JSON.parse(JSON.stringify(here)));
    // case 02, clause 四(一)3: p44-s01 first with 50
    expect(stored.units.find((u) => u.unit === 'p44-s01')!.total).toBe(50);

    const csv = await fetch(`${h.url}/api/runs/${runId}/export.csv`, { headers: { authorization: `Bearer ${h.admin}` } });
    expect(Buffer.from(await csv.arrayBuffer()).equals(Buffer.from(exportRunCsv(scheme, stored)))).toBe(true);
    const xlsx = await fetch(`${h.url}/api/runs/${runId}/export.xlsx`, { headers: { authorization: `Bearer ${h.admin}` } });
    // a workbook carries its creation time: compared cell by cell
    const [a, b] = [new ExcelJS.Workbook(), new ExcelJS.Workbook()];
    await a.xlsx.load(await xlsx.arrayBuffer());
    await b.xlsx.load((await exportRunXlsx(scheme, stored)) as unknown as ExcelJS.Buffer);
    const cells = (wb: ExcelJS.Workbook) => wb.worksheets.map((ws) => ({ name: ws.name, rows: ws.getSheetValues().map((r) => JSON.stringify(r)) }));
    expect(cells(a)).toEqual(cells(b));
  });
});
