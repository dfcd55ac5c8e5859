/**
 * The access entries (failed logins, refusals) are group-committed to the
 * audit journal: a burst costs the write queue a few turns, not one each,
 * and every entry of the burst is on disk when its promise resolves.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessLog } from '../../server/auth/audit-events.ts';
import { Store } from '../../server/store/store.ts';
import type { AuditEntry } from '../../server/store/types.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pingyi-access-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function journal(store: Store): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  for await (const e of store.journal.newestFirst()) out.push(e);
  return out.reverse();
}

describe('AccessLog', () => {
  it('writes a burst of 50 entries in a few queue turns, each durable when its promise resolves, in order', async () => {
    const store = await Store.open(join(dir, 'burst'));
    let turns = 0;
    const exclusive = store.exclusive.bind(store);
    store.exclusive = (fn) => {
      turns++;
      return exclusive(fn);
    };
    const logs: string[] = [];
    const access = new AccessLog(store, (l) => logs.push(l));
    const entries = Array.from({ length: 50 }, (_, i): AuditEntry => ({ at: `2026-12-07T23:00:${String(i).padStart(2, '0')}.000Z`, user: `u${i}`, action: 'refused', target: 'POST /api/x', address: '192.0.2.1', summary: ['403 forbidden'] }));
    await Promise.all(entries.map((e) => access.record(e)));
    expect(turns).toBeLessThanOrEqual(2);
    expect(await journal(store)).toEqual(entries);
    // a later entry after the burst drained starts a new batch of its own
    await access.record({ ...entries[0]!, user: 'late' });
    expect((await journal(store)).at(-1)!.user).toBe('late');
    expect(logs).toEqual([]);
  });

  it('logs an entry it could not write and still resolves', async () => {
    const store = await Store.open(join(dir, 'failing'));
    store.exclusive = () => Promise.reject(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }));
    const logs: string[] = [];
    await new AccessLog(store, (l) => logs.push(l)).record({ at: '2026-12-07T23:00:00.000Z', user: 'x', action: 'login-failed', target: 'user:x', address: '192.0.2.1' });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toContain('no space left on device');
  });
});
