import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMES_DIR, startServer, type Harness } from './harness.ts';

let h: Harness;
let clerk = '';
let csv = '';
beforeAll(async () => {
  h = await startServer();
  clerk = await h.userWith('clerk', ['data-entry']);
  csv = await readFile(join(SCHEMES_DIR, 'wenzhou-2024/cases/03-shipped-roster.facts.csv'), 'utf8');
}, 120_000);
afterAll(() => h.close());

const upload = (body: string | Uint8Array, type: string, name = '2024年度', token = clerk) =>
  h.call('POST', `/api/datasets?scheme=wenzhou-2024&version=1.0.0&name=${encodeURIComponent(name)}`, { token, raw: body, headers: { 'content-type': type } });

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The CSV's rows as a workbook's `facts` sheet, with numbers as numbers the way Excel keeps them. */
async function workbook(text: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('facts');
  for (const line of text.trim().split('\n')) ws.addRow(line.split(',').map((c) => (c === '' ? null : /^-?\d+(\.\d+)?$/.test(c) ? Number(c) : c)));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('uploading data sets', () => {
  it('rejects a CSV with one bad row: a row-level problem, stored as rejected, no records', async () => {
    const lines = csv.split('\n');
    // line 16 of the file: u001's score from 规划发展处; "五" is not a number
    expect(lines[15]).toBe('sasac-dept-score,u001,,,,规划发展处,5,,,');
    lines[15] = 'sasac-dept-score,u001,,,,规划发展处,五,,,';
    const r = await upload(lines.join('\n'), 'text/csv', '有一行错误');
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('dataset-rejected');
    expect(r.body.dataset.status).toBe('rejected');
    expect(r.body.dataset.counts).toEqual({ units: 0, facts: 0, history: 0 });
    const errors = r.body.problems.filter((p: any) => p.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 16 });
    expect(errors[0].path).toMatch(/^\/facts\/\d+\/score$/);
    const stored = await h.call('GET', `/api/datasets/${r.body.dataset.id}`, { token: clerk });
    expect(stored.body.problems).toEqual(r.body.problems);
    expect((await h.call('GET', `/api/datasets/${r.body.dataset.id}/data`, { token: clerk })).status).toBe(409);
  });

  it('accepts the good CSV against the version fact types, on the scheme roster', async () => {
    const r = await upload(csv, 'text/csv');
    expect(r.status).toBe(201);
    expect(r.body.dataset).toMatchObject({ status: 'accepted', scheme: { id: 'wenzhou-2024', version: '1.0.0' }, createdBy: 'clerk' });
    expect(r.body.dataset.counts).toMatchObject({ units: 131, facts: csv.trim().split('\n').length - 1 });
    const data = await h.call('GET', `/api/datasets/${r.body.dataset.id}/data`, { token: clerk });
    expect(data.body.facts[14]).toMatchObject({ type: 'sasac-dept-score', unit: 'u001', department: '规划发展处', score: 5 });
    const list = await h.call('GET', '/api/datasets?scheme=wenzhou-2024', { token: clerk });
    expect(list.body.map((d: any) => d.status).sort()).toEqual(['accepted', 'rejected']);
  });

  it('rejects an .xlsx with one bad row (sheet, row, column, pointer) and accepts the good one', async () => {
    const lines = csv.split('\n');
    lines[15] = 'sasac-dept-score,u001,,,,规划发展处,五,,,';
    const bad = await upload(await workbook(lines.join('\n')), XLSX, 'Excel 有错');
    expect(bad.status).toBe(422);
    const errors = bad.body.problems.filter((p: any) => p.severity === 'error');
    expect(errors).toHaveLength(1);
    // row 16 of sheet facts, column G (score)
    expect(errors[0]).toMatchObject({ sheet: 'facts', row: 16, column: 'G' });
    expect(errors[0].path).toMatch(/^\/facts\/\d+\/score$/);
    expect(bad.body.dataset.counts.facts).toBe(0);
    const good = await upload(await workbook(csv), XLSX, 'Excel');
    expect(good.status).toBe(201);
    expect(good.body.dataset.counts).toMatchObject({ units: 131, facts: csv.trim().split('\n').length - 1 });
  });

  it('refuses uploads from roles without data entry, unknown formats and unknown versions with a code', async () => {
    const viewer = await h.userWith('reader', ['viewer']);
    expect((await upload(csv, 'text/csv', 'x', viewer)).status).toBe(403);
    expect((await h.call('POST', '/api/datasets?scheme=wenzhou-2024&version=1.0.0&name=x', { raw: csv, headers: { 'content-type': 'text/csv' } })).status).toBe(401);
    expect((await upload('x', 'text/plain')).body.code).toBe('unsupported-format');
    const missing = await h.call('POST', '/api/datasets?scheme=wenzhou-2024&version=9.0.0&name=x', { token: clerk, raw: csv, headers: { 'content-type': 'text/csv' } });
    expect(missing.status).toBe(404);
    expect((await h.call('POST', '/api/datasets?scheme=../x&version=1.0.0&name=x', { token: clerk, raw: csv, headers: { 'content-type': 'text/csv' } })).body.code).toBe('bad-id');
  });
});

describe('runs, explanations and live facts', () => {
  let dataset = '';
  let run = '';

  beforeAll(async () => {
    dataset = (await upload(csv, 'text/csv', '运行用')).body.dataset.id;
  }, 120_000);

  it('scores a data set and explains one unit', async () => {
    const r = await h.call('POST', '/api/runs', { token: clerk, body: { dataset, scheme: { id: 'wenzhou-2024', version: '1.0.0' } } });
    expect(r.status).toBe(201);
    expect(r.body.run.ok).toBe(true);
    expect(r.body.summary).toMatchObject({ ok: true, units: 131 });
    run = r.body.run.id;
    const got = await h.call('GET', `/api/runs/${run}`, { token: clerk });
    const u001 = got.body.result.units.find((u: any) => u.unit === 'u001');
    // the case 03-shipped-roster expectation, worked by hand from the 2024 rules: 95.9, first overall
    expect(u001.total).toBe(95.9);
    expect(u001.ranks.overall).toBe(1);
    const ex = await h.call('GET', `/api/runs/${run}/units/u001/explain`, { token: clerk });
    expect(ex.body).toMatchObject({ unit: 'u001', total: 95.9 });
    expect(ex.body.indicators.length).toBeGreaterThan(0);
    expect(ex.body.text).toContain('95.9');
    expect((await h.call('GET', `/api/runs/${run}/units/nobody/explain`, { token: clerk })).status).toBe(404);
    expect((await h.call('GET', `/api/runs?dataset=${dataset}`, { token: clerk })).body).toHaveLength(1);
  });

  it('appends a live fact that moves one unit, answering its changed standing', async () => {
    // 20 dissatisfied network votes for u001: its network score falls, and with it its total and rank
    const r = await h.call('POST', `/api/datasets/${dataset}/facts`, { token: clerk, body: { type: 'network-vote', unit: 'u001', level: 'dissatisfied', count: 20 } });
    expect(r.status).toBe(200);
    expect(r.body.appended).toBe(1);
    const moved = r.body.changed.find((c: any) => c.unit === 'u001');
    expect(moved.before).toMatchObject({ total: 95.9, rank: 1 });
    expect(moved.after.total).toBeLessThan(95.9);
    expect(moved.after.rank).toBeGreaterThan(1);
    const data = await h.call('GET', `/api/datasets/${dataset}/data`, { token: clerk });
    expect(data.body.facts.at(-1)).toEqual({ type: 'network-vote', unit: 'u001', level: 'dissatisfied', count: 20 });
  });

  it('audits live appends and counts them from the facts file without rewriting the document', async () => {
    const meta = (await h.call('GET', `/api/datasets/${dataset}`, { token: clerk })).body.dataset;
    const db = join(h.dir, 'db.json');
    const [before, text] = [await stat(db), await readFile(db, 'utf8')];
    for (const count of [1, 2, 3]) {
      const r = await h.call('POST', `/api/datasets/${dataset}/facts`, { token: clerk, body: { type: 'network-vote', unit: 'u050', level: 'satisfied', count } });
      expect(r.status).toBe(200);
    }
    const batch = await h.call('POST', `/api/datasets/${dataset}/facts`, { token: clerk, body: { facts: [{ type: 'network-vote', unit: 'u051', level: 'fair' }, { type: 'network-vote', unit: 'u052', level: 'fair' }] } });
    expect(batch.body.appended).toBe(2);
    // the lowdb document was neither rewritten nor replaced (an atomic rewrite is a new file)
    const after = await stat(db);
    expect(after.ino).toBe(before.ino);
    expect(await readFile(db, 'utf8')).toBe(text);
    expect((await h.call('GET', `/api/datasets/${dataset}`, { token: clerk })).body.dataset.counts.facts).toBe(meta.counts.facts + 5);
    const listed = (await h.call('GET', '/api/datasets?scheme=wenzhou-2024', { token: clerk })).body.find((d: any) => d.id === dataset);
    expect(listed.counts.facts).toBe(meta.counts.facts + 5);
    const data = await h.call('GET', `/api/datasets/${dataset}/data`, { token: clerk });
    expect(data.body.facts).toHaveLength(meta.counts.facts + 5);
    // every append audited, newest first, merged with the document's entries
    const log = (await h.call('GET', '/api/audit?limit=5', { token: h.admin })).body;
    expect(log.map((e: any) => [e.action, e.target, e.user])).toEqual([
      ['facts-appended', `dataset:${dataset}`, 'clerk'],
      ['facts-appended', `dataset:${dataset}`, 'clerk'],
      ['facts-appended', `dataset:${dataset}`, 'clerk'],
      ['facts-appended', `dataset:${dataset}`, 'clerk'],
      ['facts-appended', `dataset:${dataset}`, 'clerk'],
    ]);
    expect(log[0].summary[0]).toContain('2 facts');
    const older = (await h.call('GET', `/api/audit?limit=1000&before=${encodeURIComponent(log[3].at)}`, { token: h.admin })).body;
    expect(older.every((e: any) => e.at < log[3].at)).toBe(true);
    expect(older.some((e: any) => e.action === 'dataset-accepted')).toBe(true);
  });

  it('refuses a batch with one bad fact and appends none of it', async () => {
    const before = (await h.call('GET', `/api/datasets/${dataset}`, { token: clerk })).body.dataset.counts.facts;
    const r = await h.call('POST', `/api/datasets/${dataset}/facts`, {
      token: clerk,
      body: { facts: [{ type: 'network-vote', unit: 'u002', level: 'satisfied', count: 1 }, { type: 'network-vote', unit: 'u002', level: 'ecstatic' }] },
    });
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('facts-rejected');
    expect(r.body.problems.some((p: any) => p.path.startsWith('/facts/1'))).toBe(true);
    expect((await h.call('GET', `/api/datasets/${dataset}`, { token: clerk })).body.dataset.counts.facts).toBe(before);
    const data = await h.call('GET', `/api/datasets/${dataset}/data`, { token: clerk });
    expect(data.body.facts).toHaveLength(before);
  });

  it('gives the impact of two versions on the data set', async () => {
    const made = await h.call('POST', '/api/schemes/wenzhou-2024/versions/1.0.0/new-version', { token: h.admin });
    const v = made.body.meta.version;
    const doc = (await h.call('GET', `/api/schemes/wenzhou-2024/versions/${v}`, { token: h.admin })).body.document;
    // the new version values a "fair" network vote at 0.8 instead of 0.6
    const network = doc.indicators.find((i: any) => i.id === 'network');
    network.method.levels.find((l: any) => l.id === 'fair').value = 0.8;
    const saved = await h.call('PUT', `/api/schemes/wenzhou-2024/versions/${v}`, { token: h.admin, body: doc, headers: { 'if-match': '1' } });
    expect(saved.status).toBe(200);
    const r = await h.call('POST', '/api/impact', { token: clerk, body: { from: 'wenzhou-2024@1.0.0', to: `wenzhou-2024@${v}`, dataset } });
    expect(r.status).toBe(200);
    expect(r.body.units).toHaveLength(131);
    expect(r.body.ok).toEqual({ before: true, after: true });
    // u001 (after the live append above: 9 satisfied, 1 fair, 20 dissatisfied network votes, 30 in all):
    // network 15 × (9 + 0.6)/30 = 4.8 before, 15 × (9 + 0.8)/30 = 4.9 after; daily 81.5 unchanged
    const u001 = r.body.units.find((u: any) => u.unit === 'u001');
    expect(u001.total).toEqual({ before: 86.3, after: 86.4 });
    expect(u001.moved).toBe(true);
  });
});
