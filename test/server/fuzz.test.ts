/**
 * ≥ 2,000 random and mutated bodies to the write endpoints (fixed seed): the
 * server never answers 500, never crashes, and every refusal is coded.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findVersion } from '../../server/version-core.ts';
import { SCHEMES_DIR, startServer, type Harness } from './harness.ts';

let h: Harness;
let draftPath = '';
let draftVersion = '';
let doc: Record<string, unknown>;
let pointers: string[][] = [];
let dataset = '';
const fact = { type: 'network-vote', unit: 'u001', level: 'fair', count: 2 };
const factPointers = allPaths(fact);

function allPaths(v: unknown, at: string[] = [], out: string[][] = []): string[][] {
  out.push(at);
  if (typeof v === 'object' && v !== null && at.length < 8) for (const [k, c] of Object.entries(v)) allPaths(c, [...at, k], out);
  return out;
}

function mutate(base: unknown, path: string[], op: 'delete' | 'set', value: unknown): unknown {
  if (path.length === 0) return op === 'set' ? value : {};
  if (typeof base !== 'object' || base === null) return base;
  const copy = structuredClone(base) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const k of path.slice(0, -1)) {
    const next = node[k];
    // an earlier mutation removed this branch: leave the document as it is
    if (typeof next !== 'object' || next === null) return copy;
    node = next as Record<string, unknown>;
  }
  const last = path[path.length - 1]!;
  if (op === 'delete') {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
  return copy;
}

beforeAll(async () => {
  // answers, not durability, are under test here (the SIGKILL test covers that): skip fsync to keep 2,000 writes quick
  h = await startServer({}, undefined, { durable: false });
  const made = await h.call('POST', '/api/schemes/wenzhou-2023/versions/1.0.0/new-version', { token: h.admin });
  draftVersion = made.body.meta.version;
  draftPath = `/api/schemes/wenzhou-2023/versions/${draftVersion}`;
  doc = (await h.call('GET', draftPath, { token: h.admin })).body.document;
  pointers = allPaths(doc);
  const csv = await readFile(join(SCHEMES_DIR, 'wenzhou-2024/cases/03-shipped-roster.facts.csv'), 'utf8');
  const up = await h.call('POST', '/api/datasets?scheme=wenzhou-2024&version=1.0.0&name=fuzz', { token: h.admin, raw: csv, headers: { 'content-type': 'text/csv' } });
  dataset = up.body.dataset.id;
}, 120_000);
afterAll(() => h.close());

const json = fc.jsonValue({ maxDepth: 4 });
const mutation = fc.record({ path: fc.nat(), op: fc.constantFrom('delete' as const, 'set' as const), value: json });
const body = fc.oneof(
  { weight: 4, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }).map((ms) => ({ kind: 'mutated' as const, ms })) },
  { weight: 2, arbitrary: json.map((v) => ({ kind: 'json' as const, v })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }).map((s) => ({ kind: 'raw' as const, s })) },
);
// new-version and publish ignore their bodies: they are hit now and then, not on every case, so the store does not fill with copies
const endpoint = fc.oneof(
  {
    weight: 30,
    arbitrary: fc.constantFrom('PUT draft', 'PUT draft stale', 'POST schemes', 'POST login', 'POST users', 'PATCH user', 'POST impact', 'POST facts', 'POST runs', 'POST datasets', 'POST next-year'),
  },
  { weight: 1, arbitrary: fc.constantFrom('POST new-version', 'POST publish') },
);

describe('fuzzing the write endpoints', () => {
  it('answers 2,000 random and mutated bodies without a 500, every refusal coded', async () => {
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(endpoint, body, fc.boolean(), async (ep, b, wrongType) => {
        let payload: unknown;
        if (b.kind === 'mutated' && ep === 'POST facts') {
          payload = fact;
          for (const m of b.ms) payload = mutate(payload, factPointers[m.path % factPointers.length]!, m.op, m.value);
        } else if (b.kind === 'mutated') {
          payload = doc;
          for (const m of b.ms) payload = mutate(payload, pointers[m.path % pointers.length]!, m.op, m.value);
        } else if (b.kind === 'json') payload = b.v;
        const raw = b.kind === 'raw' ? b.s : JSON.stringify(payload);
        const headers: Record<string, string> = { 'content-type': wrongType ? 'text/plain' : 'application/json' };
        const rev = findVersion(h.store.data, 'wenzhou-2023', draftVersion)?.revision ?? 1;
        let method = 'POST';
        let path = '';
        switch (ep) {
          case 'PUT draft':
          case 'PUT draft stale':
            method = 'PUT';
            path = draftPath;
            headers['if-match'] = `"${ep === 'PUT draft' ? rev : rev + 7}"`;
            break;
          case 'POST schemes': path = '/api/schemes'; break;
          case 'POST login': path = '/api/login'; break;
          case 'POST users': path = '/api/users'; break;
          case 'PATCH user': method = 'PATCH'; path = '/api/users/admin-fuzz-target'; break;
          case 'POST impact': path = '/api/impact'; break;
          case 'POST facts': path = `/api/datasets/${dataset}/facts`; break;
          case 'POST runs': path = '/api/runs'; break;
          case 'POST next-year': path = `${draftPath}/next-year`; break;
          case 'POST datasets': path = '/api/datasets?scheme=wenzhou-2024&version=1.0.0&name=fuzz'; break;
          case 'POST new-version': path = `${draftPath}/new-version`; break;
          case 'POST publish': path = `${draftPath}/publish`; break;
        }
        const r = await h.call(method, path, { token: ep === 'POST login' ? undefined : h.admin, raw, headers });
        seen.set(r.status, (seen.get(r.status) ?? 0) + 1);
        expect(r.status, `${ep} ${raw.slice(0, 200)}`).toBeLessThan(500);
        if (r.status >= 400) {
          expect(typeof r.body?.code, r.text).toBe('string');
          expect(typeof r.body.message?.zh).toBe('string');
          expect(typeof r.body.message?.en).toBe('string');
        }
        // the draft is never left published by a fuzz case: publishing a valid one turns the target into a new draft
        if (findVersion(h.store.data, 'wenzhou-2023', draftVersion)?.status !== 'draft') {
          const made = await h.call('POST', '/api/schemes/wenzhou-2023/versions/1.0.0/new-version', { token: h.admin });
          draftVersion = made.body.meta.version;
          draftPath = `/api/schemes/wenzhou-2023/versions/${draftVersion}`;
        }
      }),
      { seed: 20261125, numRuns: 2000 },
    );
    // both saved drafts and refusals were exercised
    expect(seen.get(200) ?? 0).toBeGreaterThan(10);
    expect([...seen.keys()].some((s) => s >= 400)).toBe(true);
    expect((await h.call('GET', '/api/health')).body.ok).toBe(true);
    expect(h.logs.filter((l) => l.includes('internal'))).toEqual([]);
  }, 600_000);
});
