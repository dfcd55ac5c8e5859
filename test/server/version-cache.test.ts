/**
 * Issue #17 D18: reading a version validates its document once per content
 * (published: by hash; drafts: by revision), answers If-None-Match with 304,
 * and a stale If-Match is refused before it enters the write queue.
 * Observed by counting (validations computed, tasks queued), never by time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationCache } from '../../server/validation-cache.ts';
import { startServer, type Harness } from './harness.ts';

let h: Harness;
const validations = new ValidationCache();
beforeAll(async () => {
  h = await startServer({ validations });
}, 120_000);
afterAll(() => h.close());

const V = '/api/schemes/wenzhou-2024/versions';

describe('reading a version', () => {
  it('validates a published version once, however often it is read', async () => {
    const before = validations.computed;
    const first = await h.call('GET', `${V}/1.0.0`, { token: h.admin });
    expect(first.status).toBe(200);
    for (let i = 0; i < 5; i++) {
      const again = await h.call('GET', `${V}/1.0.0`, { token: h.admin });
      expect(again.body.problems).toEqual(first.body.problems);
    }
    expect(validations.computed - before).toBe(1);
  });

  it('answers If-None-Match with 304, and a published version does not share its draft tag', async () => {
    const made = await h.call('POST', `${V}/1.0.0/new-version`, { token: h.admin });
    const path = `${V}/${made.body.meta.version}`;
    const draft = await h.call('GET', path, { token: h.admin });
    expect(draft.headers.get('etag')).toBe('"1"');
    const same = await h.call('GET', path, { token: h.admin, headers: { 'if-none-match': '"1"' } });
    expect(same.status).toBe(304);
    expect(same.text).toBe('');
    expect((await h.call('POST', `${path}/publish`, { token: h.admin })).status).toBe(200);
    // the draft's tag no longer matches: the status (and who published) changed
    const published = await h.call('GET', path, { token: h.admin, headers: { 'if-none-match': '"1"' } });
    expect(published.status).toBe(200);
    expect(published.body.meta.status).toBe('published');
    expect(published.headers.get('etag')).toBe('"1-published"');
    // a save sent with a published version's tag is refused as such, not as malformed
    const put = await h.call('PUT', path, { token: h.admin, body: published.body.document, headers: { 'if-match': '"1-published"' } });
    expect(put.status).toBe(409);
    expect(put.body.code).toBe('not-draft');
  });

  it('validates a draft once per revision', async () => {
    const made = await h.call('POST', `${V}/1.0.0/new-version`, { token: h.admin });
    const path = `${V}/${made.body.meta.version}`;
    const doc = (await h.call('GET', path, { token: h.admin })).body.document;
    const saved = await h.call('PUT', path, { token: h.admin, body: { ...doc, description: '改一处' }, headers: { 'if-match': '"1"' } });
    expect(saved.status).toBe(200);
    const before = validations.computed;
    // the save validated revision 2 already: reading it costs no validation
    const read = await h.call('GET', path, { token: h.admin });
    expect(read.body.document.description).toBe('改一处');
    expect(read.body.problems).toEqual(saved.body.problems);
    expect(validations.computed - before).toBe(0);
  });
});

describe('a stale If-Match', () => {
  it('is refused before the write queue, with what changed, while a fresh save still queues', async () => {
    const made = await h.call('POST', `${V}/1.0.0/new-version`, { token: h.admin });
    const path = `${V}/${made.body.meta.version}`;
    const doc = (await h.call('GET', path, { token: h.admin })).body.document;
    expect((await h.call('PUT', path, { token: h.admin, body: { ...doc, name: `${doc.name}(修订)` }, headers: { 'if-match': '"1"' } })).status).toBe(200);
    const entered = h.store.queueEntered;
    const audits = h.store.auditCommits;
    const stale = await Promise.all(Array.from({ length: 50 }, (_, i) => h.call('PUT', path, { token: h.admin, body: { ...doc, description: `旧稿 ${i}` }, headers: { 'if-match': '"1"' } })));
    for (const r of stale) {
      expect(r.status).toBe(409);
      expect(r.body.code).toBe('stale-revision');
      expect(r.body.current.revision).toBe(2);
      expect(r.body.current.summary.length).toBeGreaterThan(0);
    }
    // none of the 50 entered the queue as a save, so none could hold a live append behind a whole-document write;
    // their refusals are audited (issue 17 item 8), group-committed: one journal append per batch, fewer turns than refusals
    const auditTurns = h.store.auditCommits - audits;
    expect(h.store.queueEntered - entered).toBe(auditTurns);
    expect(auditTurns).toBeGreaterThan(0);
    expect(auditTurns).toBeLessThan(50);
    const fresh = await h.call('PUT', path, { token: h.admin, body: { ...doc, description: '新稿' }, headers: { 'if-match': '"2"' } });
    expect(fresh.status).toBe(200);
    expect(h.store.queueEntered - h.store.auditCommits).toBe(entered - audits + 1);
  });
});
