/**
 * Bounded uploads against a real server (issue 17 D1, D5): a generated xlsx
 * bomb, a body over the byte limit and a file that exhausts its worker's heap
 * are each refused with a coded answer while the server goes on answering;
 * nothing is left in uploads/. Problems are stored capped and paged.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xlsxBomb } from '../io/xlsx-bomb.ts';
import { startServer, type Harness } from './harness.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MiB = 1024 * 1024;
const slow = { timeout: 300_000 };
let h: Harness;

/** A small good upload: the server still reads and stores data after a refusal. */
const goodCsv = 'type,unit,period,level,count\nservice-vote,p01-s01,h1,satisfied,3\n';
const upload = (body: string | Uint8Array, type: string, name = 'x', query = '') =>
  h.call('POST', `/api/datasets?scheme=pingyang-2021&version=1.0.0&name=${name}${query}`, { token: h.admin, raw: body, headers: { 'content-type': type } });
const leftovers = async () => (await readdir(join(h.dir, 'uploads')).catch(() => [])).length;

// the hostile bodies are made before the server starts: made between two requests, their seconds
// of work would let the server's keep-alive timeout close the socket the next request reuses
let bomb: Buffer;
let heavy: string;

beforeAll(async () => {
  bomb = await xlsxBomb(500_001, [1]);
  // ≈ 70 MB of JSON read whole: its text and objects outgrow a 160 MiB heap
  const facts = Array.from({ length: 400_000 }, (_, i) => ({ type: 'service-vote', unit: 'p01-s01', period: 'h1', level: 'satisfied', count: 1, note: `第 ${i} 张选票 ballot ${'x'.repeat(60)}` }));
  heavy = JSON.stringify({ facts });
  // a small heap per worker, so that a modest file can exhaust it; the byte limit stays the default
  h = await startServer({ pool: { threads: 1, heapMb: 160 } });
}, 300_000);
afterAll(() => h.close());

describe('bounded uploads', () => {
  it('refuses an xlsx bomb (500,001 rows in one sheet) with a coded Chinese problem, and goes on serving', slow, async () => {
    expect(bomb.length).toBeLessThan(16 * MiB);
    const r = await upload(bomb, XLSX, 'bomb');
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('dataset-rejected');
    expect(r.body.problems.map((p: { code: string }) => p.code)).toEqual(['data-xlsx-too-large']);
    expect(r.body.problems[0].message.zh).toContain('超过 500000 行');
    expect((await h.call('GET', '/api/health')).status).toBe(200);
    expect((await upload(goodCsv, 'text/csv')).status).toBe(201);
    expect(await leftovers()).toBe(0);
  });

  it('refuses a body over the byte limit with 413 upload-too-large and keeps nothing of it', slow, async () => {
    const small = await startServer({ limits: { uploadBytes: 1 * MiB } });
    try {
      const big = Buffer.alloc(2 * MiB, 'service-vote,p01-s01,h1,satisfied,1\n');
      const r = await small.call('POST', '/api/datasets?scheme=pingyang-2021&version=1.0.0&name=big', { token: small.admin, raw: big, headers: { 'content-type': 'text/csv' } });
      expect(r.status).toBe(413);
      expect(r.body.code).toBe('upload-too-large');
      expect(r.body.message.zh).toContain('1 MiB');
      expect((await readdir(join(small.dir, 'uploads')).catch(() => [])).length).toBe(0);
      expect(small.store.data.datasets).toHaveLength(0);
    } finally {
      await small.close();
    }
  });

  it('a file that exhausts its worker heap costs that worker only: 413 upload-too-complex, then the next upload works', slow, async () => {
    const r = await upload(heavy, 'application/json', 'heavy');
    expect(r.status).toBe(413);
    expect(r.body.code).toBe('upload-too-complex');
    expect(r.body.message.zh).toContain('内存上限');
    expect((await h.call('GET', '/api/health')).status).toBe(200);
    const after = await upload(goodCsv, 'text/csv', 'after');
    expect(after.status).toBe(201);
    expect(await leftovers()).toBe(0);
    expect(h.store.data.datasets.some((d) => d.name === 'heavy')).toBe(false);
  });
});

describe('problems capped and paged', () => {
  it('keeps the first 200 problems per code with counts, and GET /api/datasets/:id pages them', slow, async () => {
    // 3,000 votes for units the roster lacks: one code, 3,000 times; plus one bad level
    const lines = ['type,unit,period,level,count'];
    for (let i = 0; i < 3000; i++) lines.push(`service-vote,nobody-${i},h1,satisfied,1`);
    lines.push('service-vote,p01-s01,h1,very-happy,1');
    const r = await upload(lines.join('\n') + '\n', 'text/csv', 'wrong');
    expect(r.status).toBe(422);
    expect(r.body.problemsTotal).toBe(3001);
    const codes = r.body.problemCounts as Record<string, number>;
    expect(Object.values(codes).reduce((a, b) => a + b, 0)).toBe(3001);
    const [many] = Object.entries(codes).sort((a, b) => b[1] - a[1]);
    expect(many![1]).toBe(3000);
    expect(r.body.problems.filter((p: { code: string }) => p.code === many![0])).toHaveLength(200);
    const id = r.body.dataset.id;
    // stored compactly: far below the 3,001 problems' own size
    expect((await stat(join(h.dir, 'datasets', id, 'problems.json'))).size).toBeLessThan(200 * 1024);

    const first = await h.call('GET', `/api/datasets/${id}`, { token: h.admin });
    expect(first.body.problems).toHaveLength(200);
    expect(first.body).toMatchObject({ problemsOffset: 0, problemsTotal: 3001, problemsKept: 201, problemCounts: codes });
    const last = await h.call('GET', `/api/datasets/${id}?problemsOffset=150&problemsLimit=100`, { token: h.admin });
    expect(last.body.problems).toHaveLength(51);
    expect(last.body.problems[0]).toEqual(first.body.problems[150]);
    expect((await h.call('GET', `/api/datasets/${id}?problemsLimit=-1`, { token: h.admin })).body.code).toBe('bad-page');
  });
});
