import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startServer();
}, 120_000);
afterAll(() => h.close());

const V = '/api/schemes/pingyang-2021/versions';

describe('schemes after a fresh start', () => {
  it('lists every shipped scheme, published 1.0.0 with a content hash, sorted by jurisdiction and year', async () => {
    const r = await h.call('GET', '/api/schemes', { token: h.admin });
    expect(r.status).toBe(200);
    const ids = r.body.map((s: any) => s.id);
    expect(new Set(ids)).toEqual(new Set(['nanyang-2014', 'pingyang-2021', 'wenzhou-2023', 'wenzhou-2024']));
    for (const s of r.body) {
      expect(s.versions).toHaveLength(1);
      expect(s.versions[0]).toMatchObject({ version: '1.0.0', status: 'published', revision: 1, problemCount: { errors: 0 } });
      expect(s.versions[0].hash).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(s.versions[0].document).toBeUndefined();
    }
    const keys = r.body.map((s: any) => `${s.jurisdiction}|${s.year}`);
    expect(keys).toEqual([...keys].sort((a: string, b: string) => a.split('|')[0]!.localeCompare(b.split('|')[0]!, 'zh') || Number(a.split('|')[1]) - Number(b.split('|')[1])));
  });

  it('gives one scheme with its README and source text, its cases, its roster', async () => {
    const s = await h.call('GET', '/api/schemes/wenzhou-2024', { token: h.admin });
    expect(s.body.readme).toContain('wenzhou-2024');
    expect(s.body.sourceText.length).toBeGreaterThan(1000);
    const cases = await h.call('GET', '/api/schemes/wenzhou-2024/cases', { token: h.admin });
    expect(cases.body.map((c: any) => c.name)).toContain('01-every-indicator.json');
    expect(cases.body.every((c: any) => typeof c.case === 'object' && 'expect' in c.case)).toBe(true);
    // a case whose input is a file beside it comes back with the data inline, on the shipped roster
    const shipped = cases.body.find((c: any) => c.name === '03-shipped-roster.json');
    expect(shipped.case.input.units).toHaveLength(131);
    expect(shipped.case.input.facts.length).toBeGreaterThan(1000);
    const roster = await h.call('GET', '/api/schemes/wenzhou-2024/roster', { token: h.admin });
    expect(roster.body.units).toHaveLength(131);
  });

  it('gives a version with its document, problems and ETag', async () => {
    const r = await h.call('GET', `${V}/1.0.0`, { token: h.admin });
    expect(r.status).toBe(200);
    expect(r.headers.get('etag')).toBe('"1-published"');
    expect(r.body.document.id).toBe('pingyang-2021');
    expect(r.body.problems.filter((p: any) => p.severity === 'error')).toEqual([]);
  });
});

describe('draft → edit → publish → edit the published version', () => {
  it('walks the life of a version and audits each step with the semantic change', async () => {
    const created = await h.call('POST', `${V}/1.0.0/new-version`, { token: h.admin });
    expect(created.status).toBe(201);
    expect(created.body.meta).toMatchObject({ version: '1.0.1', status: 'draft', revision: 1, basedOn: { id: 'pingyang-2021', version: '1.0.0' } });
    const got = await h.call('GET', `${V}/1.0.1`, { token: h.admin });
    const doc = got.body.document;
    expect(doc.version).toBe('1.0.1');

    const renamed = { ...doc, name: doc.name + '(修订)' };
    const first = await h.call('PUT', `${V}/1.0.1`, { token: h.admin, body: renamed, headers: { 'if-match': '"1"' } });
    expect(first.status).toBe(200);
    expect(first.body.meta.revision).toBe(2);

    // half-done work is saved with every problem listed
    const { indicators, ...broken } = renamed;
    const half = await h.call('PUT', `${V}/1.0.1`, { token: h.admin, body: broken, headers: { 'if-match': '"2"' } });
    expect(half.status).toBe(200);
    expect(half.body.meta.revision).toBe(3);
    expect(half.body.problems.some((p: any) => p.severity === 'error' && typeof p.path === 'string')).toBe(true);
    const refused = await h.call('POST', `${V}/1.0.1/publish`, { token: h.admin });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('invalid-scheme');
    expect(refused.body.problems.length).toBeGreaterThan(0);

    const fixed = { ...broken, indicators };
    const saved = await h.call('PUT', `${V}/1.0.1`, { token: h.admin, body: fixed, headers: { 'if-match': '"3"' } });
    expect(saved.status).toBe(200);
    expect(saved.headers.get('etag')).toBe('"4"');
    const published = await h.call('POST', `${V}/1.0.1/publish`, { token: h.admin });
    expect(published.status).toBe(200);
    expect(published.body.meta.status).toBe('published');
    expect(published.body.meta.hash).toMatch(/^sha256:/);

    const again = await h.call('PUT', `${V}/1.0.1`, { token: h.admin, body: fixed, headers: { 'if-match': '"4"' } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('not-draft');
    const after = await h.call('GET', `${V}/1.0.1`, { token: h.admin });
    expect(after.body.document).toEqual(fixed);

    const audit = await h.call('GET', '/api/audit?limit=10', { token: h.admin });
    const save = audit.body.find((e: any) => e.action === 'scheme-saved' && e.target === 'pingyang-2021@1.0.1' && e.summary.some((s: string) => s.includes('修订')));
    expect(save).toBeDefined();
    // the refused save after publishing is audited too (issue 17 D12), after the publication
    expect(audit.body[0]).toMatchObject({ action: 'refused', user: 'admin', target: `PUT ${V}/1.0.1`, summary: ['409 not-draft'] });
    expect(audit.body[1].action).toBe('scheme-published');

    const retired = await h.call('POST', `${V}/1.0.1/retire`, { token: h.admin });
    expect(retired.body.meta.status).toBe('retired');
  });

  it('refuses a document whose id or version differs from the URL, and a save without If-Match', async () => {
    const c = await h.call('POST', `${V}/1.0.0/new-version`, { token: h.admin });
    const v = c.body.meta.version;
    const doc = (await h.call('GET', `${V}/${v}`, { token: h.admin })).body.document;
    const wrong = await h.call('PUT', `${V}/${v}`, { token: h.admin, body: { ...doc, version: '9.9.9' }, headers: { 'if-match': '1' } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('id-mismatch');
    const none = await h.call('PUT', `${V}/${v}`, { token: h.admin, body: doc });
    expect(none.status).toBe(428);
    expect(none.body.code).toBe('revision-required');
  });
});

describe('a stale revision', () => {
  it('is refused with 409 and both sides summarised, and nothing is lost', async () => {
    const c = await h.call('POST', '/api/schemes/wenzhou-2023/versions/1.0.0/new-version', { token: h.admin });
    const path = `/api/schemes/wenzhou-2023/versions/${c.body.meta.version}`;
    const doc = (await h.call('GET', path, { token: h.admin })).body.document;
    const alice = { ...doc, totalPoints: doc.totalPoints, description: 'Alice 的修改' };
    const bob = { ...doc, name: doc.name + ' Bob' };
    const a = await h.call('PUT', path, { token: h.admin, body: alice, headers: { 'if-match': '"1"' } });
    expect(a.status).toBe(200);
    const b = await h.call('PUT', path, { token: h.admin, body: bob, headers: { 'if-match': '"1"' } });
    expect(b.status).toBe(409);
    expect(b.body.code).toBe('stale-revision');
    expect(b.body.current).toMatchObject({ revision: 2, updatedBy: 'admin' });
    expect(b.body.current.summary.join('\n')).toContain('Alice 的修改');
    expect(b.body.yours.baseRevision).toBe(1);
    expect(b.body.yours.summary.join('\n')).toContain('Bob');
    expect(b.body.message.zh).toBeTruthy();
    const stored = await h.call('GET', path, { token: h.admin });
    expect(stored.body.document).toEqual(alice);
    expect(stored.headers.get('etag')).toBe('"2"');
    // Bob merges by hand and saves on the current revision
    const merged = await h.call('PUT', path, { token: h.admin, body: { ...alice, name: bob.name }, headers: { 'if-match': '"2"' } });
    expect(merged.status).toBe(200);
  });
});

describe('diff of two versions', () => {
  it('lists the semantic changes between wenzhou-2023 and wenzhou-2024', async () => {
    const r = await h.call('GET', '/api/diff?from=wenzhou-2023@1.0.0&to=wenzhou-2024@1.0.0', { token: h.admin });
    expect(r.status).toBe(200);
    expect(r.body.a).toMatchObject({ id: 'wenzhou-2023', version: '1.0.0' });
    expect(r.body.changes.length).toBeGreaterThan(5);
    expect(r.body.changes.some((c: any) => c.kind === 'metadata-changed' && c.field === 'year')).toBe(true);
    expect(r.body.changes.every((c: any) => c.summary.zh && c.summary.en)).toBe(true);
  });

  it('refuses malformed and unknown references with a code', async () => {
    expect((await h.call('GET', '/api/diff?from=wenzhou-2023&to=wenzhou-2024@1.0.0', { token: h.admin })).body.code).toBe('bad-ref');
    const missing = await h.call('GET', '/api/diff?from=wenzhou-2023@7.0.0&to=wenzhou-2024@1.0.0', { token: h.admin });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('not-found');
  });
});

describe('drafting next year from a version', () => {
  it('creates next year\'s scheme as a draft based on the version, with notes to check', async () => {
    const r = await h.call('POST', '/api/schemes/wenzhou-2024/versions/1.0.0/next-year', { token: h.admin, body: {} });
    expect(r.status).toBe(201);
    expect(r.body.meta).toMatchObject({ id: 'wenzhou-2025', version: '1.0.0', status: 'draft', revision: 1, basedOn: { id: 'wenzhou-2024', version: '1.0.0' } });
    expect(r.body.notes.every((n: any) => typeof n.path === 'string' && n.message.zh)).toBe(true);
    const got = await h.call('GET', '/api/schemes/wenzhou-2025/versions/1.0.0', { token: h.admin });
    expect(got.body.document).toMatchObject({ id: 'wenzhou-2025', year: 2025, basedOn: { id: 'wenzhou-2024', version: '1.0.0' } });
    expect(got.body.document.name).toContain('2025');
    expect((await h.call('GET', '/api/schemes/wenzhou-2025/roster', { token: h.admin })).body.units).toHaveLength(131);
    const again = await h.call('POST', '/api/schemes/wenzhou-2024/versions/1.0.0/next-year', { token: h.admin, body: {} });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('scheme-exists');
    const earlier = await h.call('POST', '/api/schemes/wenzhou-2024/versions/1.0.0/next-year', { token: h.admin, body: { year: 2020, id: 'wenzhou-2020' } });
    expect(earlier.status).toBe(422);
    expect(earlier.body.problems[0].code).toBe('next-year-not-later');
  });
});
