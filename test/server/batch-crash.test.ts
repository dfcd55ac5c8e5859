/**
 * Issue #17 D2, D17: kill -9 while a 10,000-fact batch is being written
 * (the test watches the facts file grow, then kills), restart on the same
 * folder: the batch is there whole or not at all, with its audit entry iff
 * it is there; the client's retry with the same Idempotency-Key lands it
 * exactly once. And start-up removes temp files, orphan data-set folders,
 * run files and unsaved revision files, saying so.
 */
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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

const sizeOf = (file: string) => stat(file).then((s) => s.size, () => 0);

async function start(dir: string): Promise<Child> {
  const c = await startMain(dir);
  children.push(c);
  return c;
}

describe('kill -9 in the middle of a fact batch', () => {
  it('keeps the batch whole or not at all, and its retry lands once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pingyi-batch-crash-'));
    dirs.push(dir);
    const first = await start(dir);
    const token = (await api(first.url, 'POST', '/api/login', undefined, { username: 'admin', password: ADMIN_PASSWORD })).body.token as string;
    const csv = await readFile(join(SCHEMES_DIR, 'wenzhou-2024/cases/03-shipped-roster.facts.csv'), 'utf8');
    const up = await fetch(`${first.url}/api/datasets?scheme=wenzhou-2024&version=1.0.0&name=crash`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, body: csv });
    expect(up.status).toBe(201);
    const dataset = ((await up.json()) as { dataset: { id: string; counts: { facts: number } } }).dataset;
    const base = dataset.counts.facts;
    const file = join(dir, 'datasets', dataset.id, 'facts.ndjson');
    const size0 = await sizeOf(file);

    const units = Array.from({ length: 131 }, (_, i) => `u${String(i + 1).padStart(3, '0')}`);
    const batch = Array.from({ length: 10_000 }, (_, i) => ({ type: 'network-vote', unit: units[i % units.length], level: i % 3 === 0 ? 'dissatisfied' : 'fair', count: 1 + (i % 7) }));
    const key = 'batch-2026-12-07-crash-1';
    const send = (url: string) => api(url, 'POST', `/api/datasets/${dataset.id}/facts`, token, { facts: batch }, { 'idempotency-key': key });

    const inFlight = send(first.url).catch(() => undefined);
    // the facts file grows: the batch is being written; kill now
    while ((await sizeOf(file)) === size0) await new Promise((r) => setImmediate(r));
    await killHard(first);
    expect(await inFlight).toBeUndefined();

    const second = await start(dir);
    const count = async (url: string) => (await api(url, 'GET', `/api/datasets/${dataset.id}`, token)).body.dataset.counts.facts as number;
    const appends = async (url: string) => ((await api(url, 'GET', '/api/audit?limit=1000', token)).body as Array<{ action: string; target: string }>).filter((e) => e.action === 'facts-appended' && e.target === `dataset:${dataset.id}`).length;
    const after = await count(second.url);
    // 0 phantom facts: none of the batch, or all of it with its audit entry
    expect([base, base + batch.length]).toContain(after);
    expect(await appends(second.url)).toBe(after === base ? 0 : 1);
    const data = (await api(second.url, 'GET', `/api/datasets/${dataset.id}/data`, token)).body;
    expect(data.facts).toHaveLength(after);
    if (after === base) expect(second.output()).toContain('dropped a batch torn by a crash');

    // the client never got an answer: it retries with the same key; the batch lands once
    const retry = await send(second.url);
    expect(retry.status).toBe(200);
    expect(retry.body.appended).toBe(batch.length);
    expect(await count(second.url)).toBe(base + batch.length);
    expect(await appends(second.url)).toBe(1);
    // and a second retry is answered as a replay, adding nothing
    const again = await send(second.url);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.replayed).toBe(true);
    expect(await count(second.url)).toBe(base + batch.length);
    // the same key for other facts is refused, not applied
    const other = await api(second.url, 'POST', `/api/datasets/${dataset.id}/facts`, token, { facts: batch.slice(0, 3) }, { 'idempotency-key': key });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency-key-reused');
    const landed = (await api(second.url, 'GET', `/api/datasets/${dataset.id}/data`, token)).body.facts.slice(base);
    expect(landed).toEqual(batch);
    await killHard(second);

    // after one more restart the key is still known (read back from the journal)
    const third = await start(dir);
    const replay = await send(third.url);
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ appended: batch.length, replayed: true });
    expect(await count(third.url)).toBe(base + batch.length);
    await killHard(third);
  }, 180_000);
});

describe('start-up cleaning', () => {
  it('removes temp files, orphan data-set folders and run files, and logs them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pingyi-cleanup-'));
    dirs.push(dir);
    const first = await start(dir);
    await killHard(first);
    // what crashes leave: a temp file of an atomic write, an upload's folder without its record, a run's result without its record
    await writeFile(join(dir, '.0123456789ab.tmp'), 'x'.repeat(1000));
    await mkdir(join(dir, 'revisions', 'pingyang-2021', '1.0.1'), { recursive: true });
    await writeFile(join(dir, 'revisions', 'pingyang-2021', '1.0.1', '.ba9876543210.tmp'), '{');
    await mkdir(join(dir, 'datasets', 'ds-20261207000000-deadbeef'), { recursive: true });
    await writeFile(join(dir, 'datasets', 'ds-20261207000000-deadbeef', 'facts.ndjson'), '{"type":"x"}\n');
    await mkdir(join(dir, 'runs'), { recursive: true });
    await writeFile(join(dir, 'runs', 'run-20261207000000-deadbeef.json'), '{}');
    // a draft's revision written just before a crash that kept its record at revision 1
    await mkdir(join(dir, 'revisions', 'pingyang-2021', '1.0.0'), { recursive: true });
    await writeFile(join(dir, 'revisions', 'pingyang-2021', '1.0.0', '2.json'), '{}');
    await writeFile(join(dir, 'revisions', 'pingyang-2021', '1.0.0', '1.json'), '{}');
    // an upload spooled to disk when the server died reading it
    await mkdir(join(dir, 'uploads'), { recursive: true });
    await writeFile(join(dir, 'uploads', '0123456789abcdef01234567.part'), '{"type":"x"}\n');
    // a file that merely looks similar is kept
    await writeFile(join(dir, 'notes.tmp'), 'keep');

    const second = await start(dir);
    const out = second.output();
    expect(out).toContain('temp file .0123456789ab.tmp');
    expect(out).toContain(`temp file ${join('revisions', 'pingyang-2021', '1.0.1', '.ba9876543210.tmp')}`);
    // 1.0.1 has no record: its folder is a crashed new-version's
    expect(out).toContain('orphan revisions folder revisions/pingyang-2021/1.0.1');
    expect(out).toContain('orphan data set folder datasets/ds-20261207000000-deadbeef');
    expect(out).toContain('orphan run file runs/run-20261207000000-deadbeef.json');
    expect(out).toContain('unsaved revision file revisions/pingyang-2021/1.0.0/2.json');
    expect(out).toContain('unfinished upload uploads/0123456789abcdef01234567.part');
    await expect(stat(join(dir, 'uploads', '0123456789abcdef01234567.part'))).rejects.toThrow();
    expect(out).not.toContain('1.0.0/1.json');
    expect(await sizeOf(join(dir, '.0123456789ab.tmp'))).toBe(0);
    await expect(stat(join(dir, 'datasets', 'ds-20261207000000-deadbeef'))).rejects.toThrow();
    expect(await readFile(join(dir, 'notes.tmp'), 'utf8')).toBe('keep');
    // the server works on the cleaned folder
    const token = (await api(second.url, 'POST', '/api/login', undefined, { username: 'admin', password: ADMIN_PASSWORD })).body.token as string;
    expect((await api(second.url, 'GET', '/api/schemes', token)).status).toBe(200);
    await killHard(second);
  }, 120_000);
});
