/**
 * The live season of a data set (server/season-cache.ts): what it answers and
 * what a run of it gives always match the facts on disk — also when a write
 * fails after the season has checked the batch.
 */
import { mkdir, readFile, rename, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreScheme, validateScheme, type Dataset, type Scheme } from '../../engine/index.ts';
import { SCHEMES_DIR, startServer, type Harness } from './harness.ts';

let h: Harness;
let clerk = '';
let dataset = '';
let scheme: Scheme;
beforeAll(async () => {
  h = await startServer();
  clerk = await h.userWith('clerk', ['data-entry']);
  const csv = await readFile(join(SCHEMES_DIR, 'wenzhou-2024/cases/03-shipped-roster.facts.csv'), 'utf8');
  const up = await h.call('POST', '/api/datasets?scheme=wenzhou-2024&version=1.0.0&name=live', { token: clerk, raw: csv, headers: { 'content-type': 'text/csv' } });
  expect(up.status).toBe(201);
  dataset = up.body.dataset.id;
  scheme = validateScheme(JSON.parse(await readFile(join(SCHEMES_DIR, 'wenzhou-2024/scheme.json'), 'utf8'))).scheme!;
}, 120_000);
afterAll(() => h.close());

const append = (body: unknown) => h.call('POST', `/api/datasets/${dataset}/facts`, { token: clerk, body });
const onDisk = async (): Promise<Dataset> => (await h.call('GET', `/api/datasets/${dataset}/data`, { token: clerk })).body;
const runTotals = async (): Promise<Record<string, number | null>> => {
  const run = await h.call('POST', '/api/runs', { token: clerk, body: { dataset } });
  expect(run.status).toBe(201);
  const got = await h.call('GET', `/api/runs/${run.body.run.id}`, { token: clerk });
  return Object.fromEntries(got.body.result.units.map((u: any) => [u.unit, u.total]));
};
const batchTotals = (data: Dataset): Record<string, number | null> => Object.fromEntries(scoreScheme(scheme, data).units.map((u) => [u.unit, u.total]));

describe('a live season', () => {
  it('runs a data set after live appends exactly as scoring its facts on disk', async () => {
    expect((await append({ type: 'network-vote', unit: 'u002', level: 'dissatisfied', count: 5 })).status).toBe(200);
    expect((await append({ facts: [{ type: 'service-vote', unit: 'u003', level: 'satisfied', count: 3 }, { type: 'network-vote', unit: 'u004', level: 'fair' }] })).status).toBe(200);
    expect(await runTotals()).toEqual(batchTotals(await onDisk()));
  });

  it('keeps nothing of a batch whose write failed: the next answers and runs match the disk', async () => {
    const file = join(h.dir, 'datasets', dataset, 'facts.ndjson');
    const before = await runTotals();
    // the facts file cannot be opened for appending: a folder stands in its place
    await rename(file, `${file}.away`);
    await mkdir(file);
    const failed = await append({ type: 'network-vote', unit: 'u010', level: 'dissatisfied', count: 50 });
    expect(failed.status).toBe(503);
    expect(failed.body.code).toBe('write-failed');
    expect(failed.text).not.toContain(' at ');
    await rmdir(file);
    await rename(`${file}.away`, file);
    // 50 dissatisfied network votes would have pulled u010 down; they were never stored, so nothing moved
    expect(await runTotals()).toEqual(before);
    const next = await append({ type: 'network-vote', unit: 'u011', level: 'satisfied' });
    expect(next.status).toBe(200);
    expect(next.body.changed.some((c: any) => c.unit === 'u010')).toBe(false);
    const data = await onDisk();
    expect(data.facts.some((f: any) => f.unit === 'u010' && f.count === 50)).toBe(false);
    expect(await runTotals()).toEqual(batchTotals(data));
    // the count follows the file
    expect((await h.call('GET', `/api/datasets/${dataset}`, { token: clerk })).body.dataset.counts.facts).toBe(data.facts.length);
  });

  it('refuses a fact whose key another batch already holds, and a repeat inside one batch, writing nothing', async () => {
    const count = (await onDisk()).facts.length;
    // u001's score from 规划发展处 is in the upload (row 16); the key of sasac-dept-score is unit + department
    const again = await append({ type: 'sasac-dept-score', unit: 'u001', department: '规划发展处', score: 3 });
    expect(again.status).toBe(422);
    expect(again.body.problems).toContainEqual(expect.objectContaining({ code: 'duplicate-fact', path: '', severity: 'error' }));
    const fresh = { type: 'sasac-dept-score', unit: 'u001', department: '新设处室', score: 4 };
    const twice = await append({ facts: [fresh, { ...fresh, score: 5 }] });
    expect(twice.status).toBe(422);
    expect(twice.body.problems).toContainEqual(expect.objectContaining({ code: 'duplicate-fact', path: '/facts/1' }));
    expect((await onDisk()).facts).toHaveLength(count);
    // once alone it is taken, and then it is the one already held
    expect((await append(fresh)).status).toBe(200);
    expect((await append({ ...fresh, score: 1 })).status).toBe(422);
  });

  it('answers each moved unit with its total, headline rank and classes before and after', async () => {
    const r = await append({ type: 'network-vote', unit: 'u001', level: 'dissatisfied', count: 20 });
    expect(r.status).toBe(200);
    for (const c of r.body.changed) {
      for (const s of [c.before, c.after]) {
        expect(Object.keys(s).sort()).toEqual(expect.arrayContaining(['classes', 'rank', 'total']));
        expect(Array.isArray(s.classes)).toBe(true);
      }
    }
    const u001 = r.body.changed.find((c: any) => c.unit === 'u001');
    expect(u001.after.total).toBeLessThan(u001.before.total);
  });
});
