/**
 * Issue #20 item 6: a version stored in an older format (here format 1: classes
 * without kind) is read by migrating it; its stored document and hash stay the original's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash } from '../../server/version-core.ts';
import { startServer, type Harness } from './harness.ts';

let h: Harness;
let oldHash = '';
beforeAll(async () => {
  h = await startServer();
  // a store from before format 2: the published pingyang-2021 with its classes in format 1
  await h.store.write((db) => {
    const v = db.versions.find((x) => x.id === 'pingyang-2021' && x.version === '1.0.0');
    if (!v) throw new Error('seed lacks pingyang-2021@1.0.0');
    const doc = structuredClone(v.document) as { classifications: Array<Record<string, unknown>> };
    for (const c of doc.classifications) if (c.kind === 'place') delete c.kind;
    v.document = doc;
    v.hash = oldHash = contentHash(doc);
  });
}, 120_000);
afterAll(() => h.close());

describe('older published versions are migrated on read', () => {
  it('GET serves the current format, says what changed, and keeps the original hash', async () => {
    const r = await h.call('GET', '/api/schemes/pingyang-2021/versions/1.0.0', { token: h.admin });
    expect(r.status).toBe(200);
    expect(r.body.meta.hash).toBe(oldHash);
    expect(r.body.document.formatVersion).toBe(2);
    expect(r.body.document.classifications.every((c: { kind?: string }) => typeof c.kind === 'string')).toBe(true);
    expect(r.body.migration.from).toBe(1);
    expect(r.body.migration.changes.map((c: { path: string }) => c.path)).toContain('/classifications/0/kind');
    expect(r.body.problems[0]).toMatchObject({ code: 'format-migrated', severity: 'warning', path: '/formatVersion' });
    expect(r.body.problems.filter((p: { severity: string }) => p.severity === 'error')).toEqual([]);
    // the stored original is untouched
    const stored = h.store.data.versions.find((x) => x.id === 'pingyang-2021' && x.version === '1.0.0');
    expect((stored?.document as { classifications: Array<Record<string, unknown>> }).classifications.some((c) => c.kind === undefined)).toBe(true);
    expect(contentHash(stored?.document)).toBe(oldHash);
  });

  it('the older version can still be compared (read through the same migration)', async () => {
    const r = await h.call('GET', '/api/diff?from=pingyang-2021@1.0.0&to=pingyang-2021@1.0.0', { token: h.admin });
    expect(r.status).toBe(200);
    expect(r.body.b.version).toBe('1.0.0');
  });

  it('a current version is served as stored, without a migration', async () => {
    const r = await h.call('GET', '/api/schemes/wenzhou-2023/versions/1.0.0', { token: h.admin });
    expect(r.body.migration).toBeUndefined();
    expect(r.body.document.formatVersion).toBeUndefined();
    expect(r.body.problems.map((p: { code: string }) => p.code)).not.toContain('format-migrated');
  });
});
