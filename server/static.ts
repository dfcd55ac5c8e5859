/**
 * The pages: the editor's production build (editor/dist) when it exists,
 * else a plain Chinese page listing the schemes. Every other non-API GET
 * path gets index.html, so the editor's client-side routes load on refresh.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router } from 'express';
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

export function staticRouter(store: Store, distDir: string | undefined): Router {
  const r = Router();
  const index = distDir ? join(distDir, 'index.html') : undefined;
  if (distDir && index && existsSync(index)) {
    r.use(express.static(distDir, { index: 'index.html', fallthrough: true }));
    r.get('/{*splat}', (req, res, next) => {
      if (req.path.startsWith('/api/') || req.path === '/api') return next();
      res.sendFile(index);
    });
  } else {
    r.get('/{*splat}', (req, res, next) => {
      if (req.path.startsWith('/api/') || req.path === '/api') return next();
      res.type('html').send(plainPage(store));
    });
  }
  return r;
}
