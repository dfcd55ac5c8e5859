/**
 * The pages: the editor's production build (editor/dist) when it exists,
 * else a plain Chinese page listing the schemes. Every other non-API GET
 * path gets index.html, so the editor's client-side routes load on refresh.
 *
 * Assets under /assets/ carry a content hash in their names: cached for a year
 * as immutable. index.html names the current hashes: revalidated every time
 * (no-cache), so a new build is picked up at once. The build writes brotli and
 * gzip copies of text assets (vite.config.ts); the copy the browser accepts is
 * sent with its Content-Encoding, never compressed per request.
 */
import { existsSync, statSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import express, { Router, type Request, type Response } from 'express';
import type { Store } from './store/store.ts';
import { schemeHeader, versionsOf } from './version-core.ts';

const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function plainPage(store: Store): string {
  const rows = store.data.schemes
    .map((s) => ({ s, head: schemeHeader(s, versionsOf(store.data, s.id)), versions: versionsOf(store.data, s.id) }))
    .sort((a, b) => a.head.jurisdiction.localeCompare(b.head.jurisdiction, 'zh') || a.head.year - b.head.year)
    .map(({ head, versions }) => {
      const vs = versions.map((v) => `${escape(v.version)}(${v.status === 'draft' ? '草稿' : v.status === 'published' ? '已发布' : '已停用'})`).join('、');
      return `<tr><td><code>${escape(head.id)}</code></td><td>${escape(head.name)}</td><td>${escape(head.jurisdiction)}</td><td>${head.year}</td><td>${vs}</td></tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>评议方案引擎 pingyi</title>
<style>body{font-family:sans-serif;margin:2em;max-width:60em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}</style>
</head><body>
<h1>评议方案引擎 pingyi</h1>
<p>方案编辑器尚未构建(<code>editor/dist</code> 不存在)。接口见 <code>/api/</code>,说明见 <code>docs/api.md</code>。</p>
<h2>已有方案</h2>
<table><thead><tr><th>编号</th><th>名称</th><th>地区</th><th>年度</th><th>版本</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</body></html>
`;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

function cacheHeaders(res: Response, file: string, root: string): void {
  const hashed = relative(root, file).split(sep)[0] === 'assets';
  res.setHeader('Cache-Control', hashed ? IMMUTABLE : 'no-cache');
}

/** The precompressed copy of `file` the request accepts (brotli before gzip: smaller), if the build wrote one. */
function precompressed(req: Request, file: string): { path: string; encoding: 'br' | 'gzip' } | undefined {
  for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']] as const) {
    if (req.acceptsEncodings(encoding) === encoding && existsSync(file + suffix)) return { path: file + suffix, encoding };
  }
  return undefined;
}

export function staticRouter(store: Store, distDir: string | undefined): Router {
  const r = Router();
  const index = distDir ? join(distDir, 'index.html') : undefined;
  if (distDir && index && existsSync(index)) {
    const root = resolve(distDir);
    r.get('/{*splat}', (req, res, next) => {
      if (req.path.startsWith('/api/') || req.path === '/api') return next();
      let file: string;
      try {
        file = resolve(root, `.${decodeURIComponent(req.path)}`);
      } catch {
        return next();
      }
      if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) return next();
      const copy = precompressed(req, file);
      if (!copy) return next();
      res.setHeader('Vary', 'Accept-Encoding');
      res.setHeader('Content-Encoding', copy.encoding);
      res.type(extname(file));
      cacheHeaders(res, file, root);
      res.sendFile(copy.path, { cacheControl: false }, (e) => e && next(e));
    });
    r.use(
      express.static(distDir, {
        index: 'index.html',
        fallthrough: true,
        cacheControl: false,
        setHeaders: (res, file) => {
          res.setHeader('Vary', 'Accept-Encoding');
          cacheHeaders(res, file, root);
        },
      }),
    );
    r.get('/{*splat}', (req, res, next) => {
      if (req.path.startsWith('/api/') || req.path === '/api') return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index, { cacheControl: false });
    });
  } else {
    r.get('/{*splat}', (req, res, next) => {
      if (req.path.startsWith('/api/') || req.path === '/api') return next();
      res.type('html').send(plainPage(store));
    });
  }
  return r;
}
