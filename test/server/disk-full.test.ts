/**
 * Issue #17 D3, D4: a full disk at the N-th write, fsync or rename of a
 * request, for every N the request reaches: it answers 507 disk-full, and
 * leaves the data folder exactly as it was (no temp file, no appended
 * bytes, no audit line, no revision file); reads and logins keep working
 * while the disk is full; once space is back the same request succeeds.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TEMP_FILE } from '../../server/store/files.ts';
import { FaultyFs } from './faulty-fs.ts';
import { SCHEMES_DIR, startServer, type Harness } from './harness.ts';

const disk = new FaultyFs();
let h: Harness;
let clerk = '';
let dataset = '';
beforeAll(async () => {
  h = await startServer({}, undefined, { fs: disk.layer });
  clerk = await h.userWith('clerk', ['data-entry', 'drafter']);
  const csv = await readFile(join(SCHEMES_DIR, 'wenzhou-2024/cases/03-shipped-roster.facts.csv'), 'utf8');
  const up = await h.call('POST', '/api/datasets?scheme=wenzhou-2024&version=1.0.0&name=full', { token: clerk, raw: csv, headers: { 'content-type': 'text/csv' } });
  expect(up.status).toBe(201);
  dataset = up.body.dataset.id;
}, 120_000);
afterAll(() => h.close());

/** Every file of the data folder with the sha256 of its bytes. */
async function snapshot(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (dir: string) => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else out[relative(h.dir, p)] = createHash('sha256').update(await readFile(p)).digest('hex');
    }
  };
  await walk(h.dir);
  return out;
}

/** While the disk is full: reads answer, and a login works (its session kept in memory). */
async function stillServes(): Promise<void> {
  expect((await h.call('GET', '/api/schemes', { token: clerk })).status).toBe(200);
  expect((await h.call('GET', `/api/datasets/${dataset}/data`, { token: clerk })).status).toBe(200);
  expect((await h.call('GET', '/api/audit?limit=5', { token: h.admin })).status).toBe(200);
  const login = await h.call('POST', '/api/login', { body: { username: 'clerk', password: 'clerk-password' } });
  expect(login.status).toBe(200);
  const me = await h.call('GET', '/api/me', { token: login.body.token });
  expect(me.body.username).toBe('clerk');
}

/** Fail `request` at each of its writes in turn; then it succeeds with room again. */
async function atEveryWrite(request: () => Promise<{ status: number; body: any }>): Promise<number> {
  for (let n = 1; n < 50; n++) {
    const before = await snapshot();
    disk.failFrom(n);
    const r = await request();
    if (!disk.full || r.status < 300) {
      // the request needed fewer than n writes (or the n-th was a folder's best-effort fsync): it went through
      disk.heal();
      expect(r.status).toBeLessThan(300);
      return n - 1;
    }
    expect(r.status, `write ${n}`).toBe(507);
    expect(r.body.code).toBe('disk-full');
    expect(r.body.message.zh).toContain('存储空间已满');
    await stillServes();
    const after = await snapshot();
    expect(Object.keys(after).filter((f) => TEMP_FILE.test(f.split('/').pop()!)), `write ${n}`).toEqual([]);
    expect(after, `write ${n}`).toEqual(before);
    disk.heal();
  }
  throw new Error('the request never succeeded');
}

afterEach(() => disk.heal());

describe('a full disk', () => {
  it('refuses a fact batch whole at each of its writes, then takes it', async () => {
    const facts = [{ type: 'network-vote', unit: 'u004', level: 'fair', count: 2 }, { type: 'service-vote', unit: 'u005', level: 'satisfied', count: 3 }];
    const before = (await h.call('GET', `/api/datasets/${dataset}`, { token: clerk })).body.dataset.counts.facts;
    const writes = await atEveryWrite(() => h.call('POST', `/api/datasets/${dataset}/facts`, { token: clerk, body: { facts } }));
    // the journal entry and the facts, each written and fsynced
    expect(writes).toBeGreaterThanOrEqual(4);
    expect((await h.call('GET', `/api/datasets/${dataset}`, { token: clerk })).body.dataset.counts.facts).toBe(before + 2);
    const audit = (await h.call('GET', '/api/audit?limit=1000', { token: h.admin })).body as any[];
    expect(audit.filter((e) => e.action === 'facts-appended')).toHaveLength(1);
  });

  it('refuses a draft save at each of its writes, keeping no revision file, then saves', async () => {
    const made = await h.call('POST', '/api/schemes/wenzhou-2024/versions/1.0.0/new-version', { token: clerk });
    const path = `/api/schemes/wenzhou-2024/versions/${made.body.meta.version}`;
    const doc = (await h.call('GET', path, { token: clerk })).body.document;
    const writes = await atEveryWrite(() => h.call('PUT', path, { token: clerk, body: { ...doc, description: '满盘时的修改' }, headers: { 'if-match': '"1"' } }));
    expect(writes).toBeGreaterThanOrEqual(4);
    const got = await h.call('GET', path, { token: clerk });
    expect(got.body.meta.revision).toBe(2);
    expect(got.body.document.description).toBe('满盘时的修改');
  });

  it('refuses an upload at each of its writes, leaving no data-set folder, then takes it', async () => {
    const csv = await readFile(join(SCHEMES_DIR, 'wenzhou-2024/cases/03-shipped-roster.facts.csv'), 'utf8');
    const count = () => h.store.data.datasets.length;
    const n0 = count();
    const writes = await atEveryWrite(() => h.call('POST', '/api/datasets?scheme=wenzhou-2024&version=1.0.0&name=again', { token: clerk, raw: csv, headers: { 'content-type': 'text/csv' } }));
    expect(writes).toBeGreaterThanOrEqual(6);
    expect(count()).toBe(n0 + 1);
  });

  it('keeps a login made on a full disk in memory only, and logout ends it', async () => {
    disk.failFrom(1);
    const login = await h.call('POST', '/api/login', { body: { username: 'clerk', password: 'clerk-password' } });
    disk.heal();
    expect(login.status).toBe(200);
    expect(h.store.data.sessions.some((s) => s.username === 'clerk' && s.createdAt === login.body.user?.createdAt)).toBe(false);
    expect(h.logs.some((l) => l.includes('session kept in memory only'))).toBe(true);
    expect((await h.call('GET', '/api/me', { token: login.body.token })).status).toBe(200);
    expect((await h.call('POST', '/api/logout', { token: login.body.token, headers: { cookie: `pingyi_session=${login.body.token}` } })).status).toBe(204);
    expect((await h.call('GET', '/api/me', { token: login.body.token })).status).toBe(401);
  });
});
