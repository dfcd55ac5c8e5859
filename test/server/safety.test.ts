import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startServer();
}, 120_000);
afterAll(() => h.close());

describe('bad requests get a coded answer, never a 500', () => {
  it('refuses an oversize body with 413', async () => {
    const big = JSON.stringify({ id: 'x', pad: 'x'.repeat(3 * 1024 * 1024) });
    const r = await h.call('PUT', '/api/schemes/pingyang-2021/versions/1.0.0', { token: h.admin, raw: big, headers: { 'content-type': 'application/json', 'if-match': '1' } });
    expect(r.status).toBe(413);
    expect(r.body.code).toBe('too-large');
  });

  it('refuses malformed and too deeply nested JSON with 400', async () => {
    const bad = await h.call('POST', '/api/login', { raw: '{"username": "admin", ', headers: { 'content-type': 'application/json' } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('malformed-json');
    const deep = await h.call('POST', '/api/schemes', { token: h.admin, raw: '['.repeat(100_000) + ']'.repeat(100_000), headers: { 'content-type': 'application/json' } });
    expect(deep.status).toBe(400);
    expect(deep.body.code).toBe('too-deep');
    const notObject = await h.call('POST', '/api/schemes', { token: h.admin, body: [1, 2] });
    expect(notObject.status).toBe(400);
    expect(notObject.body.code).toBe('bad-body');
  });

  it('refuses ids that could leave the data folder', async () => {
    for (const path of [
      '/api/schemes/..%2F..%2Fetc',
      '/api/schemes/%2e%2e',
      '/api/schemes/pingyang-2021/versions/..%2F1.0.0',
      '/api/schemes/a%00b/cases',
      '/api/schemes/Pingyang-2021',
    ]) {
      const r = await h.call('GET', path, { token: h.admin });
      expect([400, 404], path).toContain(r.status);
      expect(r.body.code, path).toMatch(/^(bad-id|not-found)$/);
    }
    const created = await h.call('POST', '/api/schemes', { token: h.admin, body: { id: '../../evil', version: '1.0.0' } });
    expect(created.body.code).toBe('bad-id');
  });

  it('answers unknown API paths with a JSON 404 and unknown pages with the index page', async () => {
    const api = await h.call('GET', '/api/nothing-here', { token: h.admin });
    expect(api.status).toBe(404);
    expect(api.body.code).toBe('not-found');
    const page = await h.call('GET', '/schemes/pingyang-2021/edit');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('pingyang-2021');
    expect(page.text).toContain('已有方案');
  });

  it('sets the security headers', async () => {
    const r = await h.call('GET', '/api/health');
    expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(r.headers.get('content-security-policy')).toContain("worker-src 'self' blob:");
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('referrer-policy')).toBe('no-referrer');
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    expect(r.headers.get('x-powered-by')).toBeNull();
  });
});

describe('the editor build', () => {
  it('serves editor/dist at / with its files, and index.html for client-side routes', async () => {
    const { mkdtemp, mkdir, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dist = await mkdtemp(join(tmpdir(), 'pingyi-dist-'));
    await mkdir(join(dist, 'assets'));
    await writeFile(join(dist, 'index.html'), '<!doctype html><title>editor</title><div id="root"></div>');
    await writeFile(join(dist, 'assets', 'app.js'), 'console.log(1)');
    const e = await startServer({ staticDir: dist });
    try {
      expect((await e.call('GET', '/')).text).toContain('<div id="root">');
      expect((await e.call('GET', '/schemes/wenzhou-2024/versions/1.0.0')).text).toContain('<div id="root">');
      const js = await e.call('GET', '/assets/app.js');
      expect(js.headers.get('content-type')).toContain('javascript');
      expect((await e.call('GET', '/api/nope', { token: e.admin })).body.code).toBe('not-found');
    } finally {
      await e.close();
      await rm(dist, { recursive: true, force: true });
    }
  });
});
