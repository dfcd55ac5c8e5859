/**
 * server/static.ts: the editor build's precompressed copies are sent to a
 * browser that accepts them, hashed assets are cached as immutable and
 * index.html is revalidated. Raw node:http requests, so the test sees the
 * bytes and headers as sent (fetch would decode them).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Harness } from './harness.ts';

const SCRIPT = `export const greeting = ${JSON.stringify('评议'.repeat(2000))};\n`;
const INDEX = '<!doctype html><title>editor</title><div id="root"></div>';

let h: Harness;
let dist: string;
beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'pingyi-dist-'));
  await mkdir(join(dist, 'assets'));
  await writeFile(join(dist, 'index.html'), INDEX);
  await writeFile(join(dist, 'assets', 'app-abc123.js'), SCRIPT);
  await writeFile(join(dist, 'assets', 'app-abc123.js.br'), brotliCompressSync(SCRIPT));
  await writeFile(join(dist, 'assets', 'app-abc123.js.gz'), gzipSync(SCRIPT));
  await writeFile(join(dist, 'assets', 'plain-def456.css'), 'body{margin:0}');
  await writeFile(join(dist, 'secret.txt'), 'not for you');
  h = await startServer({ staticDir: dist });
}, 120_000);
afterAll(async () => {
  await h?.close();
  await rm(dist, { recursive: true, force: true });
});

function get(path: string, acceptEncoding?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const url = new URL(h.url);
  return new Promise((ok, fail) => {
    const req = request({ host: url.hostname, port: url.port, path, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('the editor build, compressed and cached', () => {
  it('sends the brotli copy to a browser that accepts br, as JavaScript, immutable', async () => {
    const r = await get('/assets/app-abc123.js', 'gzip, deflate, br');
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers['content-type']).toContain('javascript');
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(r.headers.vary).toContain('Accept-Encoding');
    expect(brotliDecompressSync(r.body).toString()).toBe(SCRIPT);
  });

  it('sends the gzip copy when only gzip is accepted, and the file itself when nothing is', async () => {
    const gz = await get('/assets/app-abc123.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(SCRIPT);
    const plain = await get('/assets/app-abc123.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // br refused explicitly: gzip
    expect((await get('/assets/app-abc123.js', 'br;q=0, gzip')).headers['content-encoding']).toBe('gzip');
  });

  it('sends a file without copies as it is', async () => {
    const r = await get('/assets/plain-def456.css', 'br, gzip');
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.headers['content-type']).toContain('css');
    expect(r.body.toString()).toBe('body{margin:0}');
  });

  it('revalidates index.html every time, at / and at client-side routes', async () => {
    for (const path of ['/', '/index.html', '/schemes/wenzhou-2024']) {
      const r = await get(path, 'br, gzip');
      expect(r.status).toBe(200);
      expect(r.body.toString()).toBe(INDEX);
      expect(r.headers['cache-control']).toBe('no-cache');
    }
  });

  it('never serves a file outside the build through an encoded path', async () => {
    for (const path of ['/assets/%2e%2e/%2e%2e/secret.txt', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json', '/assets/%E0%A4%A']) {
      const r = await get(path, 'br, gzip');
      expect(r.status).toBeLessThan(500);
      expect(r.body.toString()).not.toContain('"name": "pingyi"');
    }
  });
});
