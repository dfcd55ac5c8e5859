/**
 * SIGKILL in the middle of a stream of acknowledged writes, then a restart on
 * the same folder: the server opens and every acknowledged write is there.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, SCHEMES_DIR } from './harness.ts';
import { callChild, killHard, startMain, type Child } from './process.ts';

const dirs: string[] = [];
const children: Child[] = [];
afterAll(async () => {
  for (const c of children) if (c.proc.exitCode === null && c.proc.signalCode === null) await killHard(c);
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const api = callChild;

describe('a server killed with SIGKILL mid-stream', () => {
  it('restarts on the same folder with every acknowledged save', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pingyi-crash-'));
    dirs.push(dir);
    const first = await startMain(dir);
    children.push(first);
    const token = (await api(first.url, 'POST', '/api/login', undefined, { username: 'admin', password: ADMIN_PASSWORD })).body.token as string;
    const made = await api(first.url, 'POST', '/api/schemes/pingyang-2021/versions/1.0.0/new-version', token);
    const path = `/api/schemes/pingyang-2021/versions/${made.body.meta.version}`;
    const doc = (await api(first.url, 'GET', path, token)).body.document;

    const acked = new Map<number, string>();
    let revision = 1;
    const inFlight: Array<Promise<unknown>> = [];
    for (let i = 0; i < 40; i++) {
      const description = `保存第 ${i} 次`;
      const save = api(first.url, 'PUT', path, token, { ...doc, description }, { 'if-match': `"${revision}"` });
      if (i === 30) {
        // the 31st save is under way when the process dies
        inFlight.push(save.catch(() => undefined));
        await killHard(first);
        break;
      }
      const r = await save;
      expect(r.status).toBe(200);
      revision = r.body.meta.revision;
      acked.set(revision, description);
    }
    await Promise.all(inFlight);
    expect(acked.size).toBe(30);

    const second = await startMain(dir);
    children.push(second);
    // the admin and sessions survived too: the old token still works
    const got = await api(second.url, 'GET', path, token);
    expect(got.status).toBe(200);
    const last = Math.max(...acked.keys());
    // the save in flight may or may not have landed; every acknowledged one has
    expect([last, last + 1]).toContain(got.body.meta.revision);
    if (got.body.meta.revision === last) expect(got.body.document.description).toBe(acked.get(last));
    else expect(got.body.document.description).toBe('保存第 30 次');
    expect(second.output()).not.toContain('首次启动');
    const audit = (await api(second.url, 'GET', '/api/audit?limit=1000', token)).body as Array<{ action: string; target: string }>;
    expect(audit.filter((e) => e.action === 'scheme-saved').length).toBeGreaterThanOrEqual(30);
    await killHard(second);
  }, 120_000);

  it('restarts on the same folder with every acknowledged fact append', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pingyi-crash-'));
    dirs.push(dir);
    const first = await startMain(dir);
    children.push(first);
    const token = (await api(first.url, 'POST', '/api/login', undefined, { username: 'admin', password: ADMIN_PASSWORD })).body.token as string;
    const csv = await readFile(join(SCHEMES_DIR, 'wenzhou-2024/cases/03-shipped-roster.facts.csv'), 'utf8');
    const up = await fetch(`${first.url}/api/datasets?scheme=wenzhou-2024&version=1.0.0&name=live`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, body: csv });
    const dataset = ((await up.json()) as { dataset: { id: string; counts: { facts: number } } }).dataset;
    expect(up.status).toBe(201);

    const acked: number[] = [];
    const inFlight: Array<Promise<unknown>> = [];
    for (let i = 1; i <= 25; i++) {
      const append = api(first.url, 'POST', `/api/datasets/${dataset.id}/facts`, token, { type: 'network-vote', unit: 'u003', level: 'fair', count: i });
      if (i === 20) {
        inFlight.push(append.catch(() => undefined));
        await killHard(first);
        break;
      }
      const r = await append;
      expect(r.status).toBe(200);
      acked.push(i);
    }
    await Promise.all(inFlight);

    const second = await startMain(dir);
    children.push(second);
    const data = await api(second.url, 'GET', `/api/datasets/${dataset.id}/data`, token);
    const counts = data.body.facts.slice(dataset.counts.facts).map((f: { count: number }) => f.count);
    // every acknowledged append, in order; the one in flight at most once more
    expect(counts.slice(0, acked.length)).toEqual(acked);
    expect(counts.length - acked.length).toBeLessThanOrEqual(1);
    // every acknowledged append is audited (the audit journal is fsynced before the answer), the one in flight at most once
    const audit = (await api(second.url, 'GET', '/api/audit?limit=1000', token)).body as Array<{ action: string; target: string }>;
    const appends = audit.filter((e) => e.action === 'facts-appended' && e.target === `dataset:${dataset.id}`).length;
    expect(appends).toBeGreaterThanOrEqual(acked.length);
    expect(appends).toBeLessThanOrEqual(acked.length + 1);
    // the count is the facts file's: it cannot lag behind the facts
    const meta = await api(second.url, 'GET', `/api/datasets/${dataset.id}`, token);
    expect(meta.body.dataset.counts.facts).toBe(data.body.facts.length);
    // and the data set still takes appends after the crash
    const more = await api(second.url, 'POST', `/api/datasets/${dataset.id}/facts`, token, { type: 'network-vote', unit: 'u003', level: 'fair', count: 99 });
    expect(more.status).toBe(200);
    expect((await api(second.url, 'GET', `/api/datasets/${dataset.id}`, token)).body.dataset.counts.facts).toBe(data.body.facts.length + 1);
    expect((await api(second.url, 'GET', '/api/audit?limit=1', token)).body[0]).toMatchObject({ action: 'facts-appended', target: `dataset:${dataset.id}` });
    await killHard(second);
  }, 120_000);
});
