/**
 * Issue #17 D14: paging the audit log by `before=<at>` skipped the entries
 * sharing that time; paging by the cursor of positions shows every entry
 * exactly once, in the order of the whole list, across the lowdb document
 * and the journal of live appends alike.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMES_DIR, startServer, type Harness } from './harness.ts';

// one instant for every entry written through the app: the worst case for paging by time
const FROZEN = new Date('2026-12-07T08:00:00.000Z');
let h: Harness;
beforeAll(async () => {
  h = await startServer({ clock: { now: () => FROZEN } });
  for (const name of ['clerk-a', 'clerk-b', 'clerk-c', 'clerk-d']) await h.userWith(name, ['data-entry']);
  const csv = await readFile(join(SCHEMES_DIR, 'wenzhou-2024/cases/03-shipped-roster.facts.csv'), 'utf8');
  const up = await h.call('POST', '/api/datasets?scheme=wenzhou-2024&version=1.0.0&name=paging', { token: h.admin, raw: csv, headers: { 'content-type': 'text/csv' } });
  expect(up.status).toBe(201);
  for (let i = 1; i <= 5; i++) {
    const r = await h.call('POST', `/api/datasets/${up.body.dataset.id}/facts`, { token: h.admin, body: { type: 'network-vote', unit: 'u003', level: 'fair', count: i } });
    expect(r.status).toBe(200);
  }
}, 120_000);
afterAll(() => h.close());

const key = (e: any) => `${e.id} ${e.action} ${e.target} ${JSON.stringify(e.summary ?? [])}`;

describe('audit paging', () => {
  it('walks every entry once by the cursor, where paging by time loses those sharing a time', async () => {
    const all = await h.call('GET', '/api/audit?limit=1000', { token: h.admin });
    expect(all.headers.get('x-next-cursor')).toBeNull();
    const entries = all.body as any[];
    const frozen = entries.filter((e) => e.at === FROZEN.toISOString());
    // logins, users, the data set and five appends (journal) share one time
    expect(frozen.length).toBeGreaterThanOrEqual(15);
    expect(frozen.filter((e) => e.action === 'facts-appended')).toHaveLength(5);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);

    for (const limit of [1, 2, 3, 7]) {
      const paged: any[] = [];
      let cursor: string | null = null;
      for (let guard = 0; guard < 200; guard++) {
        const page: any = await h.call('GET', `/api/audit?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, { token: h.admin });
        expect(page.status).toBe(200);
        expect(page.body.length).toBeLessThanOrEqual(limit);
        paged.push(...page.body);
        cursor = page.headers.get('x-next-cursor');
        if (cursor === null) break;
      }
      expect(paged.map(key)).toEqual(entries.map(key));
    }

    // the old parameter still means "strictly older than": a page boundary inside a shared time skips the rest
    const first = (await h.call('GET', '/api/audit?limit=3', { token: h.admin })).body as any[];
    const byTime = (await h.call('GET', `/api/audit?limit=1000&before=${encodeURIComponent(first[2].at)}`, { token: h.admin })).body as any[];
    expect(first.length + byTime.length).toBeLessThan(entries.length);
  });

  it('keeps a cursor stable while newer entries are written', async () => {
    const page = await h.call('GET', '/api/audit?limit=4', { token: h.admin });
    const cursor = page.headers.get('x-next-cursor')!;
    const rest = (await h.call('GET', `/api/audit?limit=1000&cursor=${cursor}`, { token: h.admin })).body.map(key);
    await h.userWith('clerk-e', ['viewer']);
    const again = (await h.call('GET', `/api/audit?limit=1000&cursor=${cursor}`, { token: h.admin })).body.map(key);
    expect(again).toEqual(rest);
    expect((await h.call('GET', '/api/audit?cursor=12345', { token: h.admin })).body.code).toBe('bad-cursor');
  });
});
