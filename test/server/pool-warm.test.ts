/**
 * Issue #17 item 7: `npm start` warms the job pool once it listens (main.ts)
 * so the first upload does not wait for a worker to start; an app made by
 * createApp (the tests') keeps its pool lazy. A warmed worker takes the
 * first job itself (no new worker started) and idle workers do not hold
 * the process open (vitest would not end otherwise).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JobPool } from '../../server/jobs/pool.ts';
import { startServer } from './harness.ts';
import { startMain } from './process.ts';

const pools: JobPool[] = [];
afterAll(() => Promise.all(pools.map((p) => p.close())));

describe('the job pool at start', () => {
  it('is lazy in an app made by createApp: no worker before the first job', async () => {
    const pool = new JobPool({ threads: 2 });
    pools.push(pool);
    const h = await startServer({ jobPool: pool });
    // logins and a read, no heavy work
    expect((await h.call('GET', '/api/schemes', { token: h.admin })).status).toBe(200);
    expect(pool.started).toBe(0);
    await h.close();
  });

  it('warm() starts every worker at once, and the first job runs on one of them', { timeout: 120_000 }, async () => {
    const pool = new JobPool({ threads: 2 });
    pools.push(pool);
    const warming = pool.warm();
    expect(pool.started).toBe(2);
    expect(await warming).toBe(2);
    expect(await pool.warm()).toBe(2);
    expect(pool.started).toBe(2);
    const scheme = (await import('../../schemes/pingyang-2021/scheme.json', { with: { type: 'json' } })).default as never;
    const out = await pool.run('template', { scheme, roster: undefined });
    expect(out.bytes.byteLength).toBeGreaterThan(0);
    expect(pool.ended.template).toBe(1);
    expect(pool.started).toBe(2);
  });

  it('npm start listens first, then warms its workers and says so', { timeout: 180_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pingyi-warm-'));
    const child = await startMain(dir);
    try {
      // listening came first (startMain resolved on the "open:" line); the workers report ready after it
      for (;;) {
        if (/job workers ready: \d+\/\d+/.test(child.output())) break;
        if (child.proc.exitCode !== null) throw new Error(child.output());
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const out = child.output();
      const [, ready, threads] = /job workers ready: (\d+)\/(\d+)/.exec(out)!;
      expect(Number(ready)).toBe(Number(threads));
      expect(Number(threads)).toBeGreaterThanOrEqual(1);
      expect(out.indexOf('open: http')).toBeLessThan(out.indexOf('job workers ready'));
    } finally {
      child.proc.kill('SIGTERM');
      await new Promise((resolve) => child.proc.once('exit', resolve));
      await rm(dir, { recursive: true, force: true });
    }
  });
});
