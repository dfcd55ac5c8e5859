/**
 * Cross-origin writes are refused (issue 17 D9). A browser attaches the
 * session cookie to any request for this host, including a form or a
 * `no-cors` fetch from another site, another port of the same intranet
 * host, or a subdomain — SameSite=Strict covers none of the latter two. So a
 * state-changing request that carries the cookie must show it comes from
 * this server's own page (Origin; else Sec-Fetch-Site; else Referer; none
 * of them → refused) and must be JSON, a type no form can send and no
 * cross-origin fetch can send without a preflight this server never grants
 * (the upload route also takes its data file types, none of which a form
 * sends either).
 *
 * Bearer requests are exempt: a page on another origin cannot set the
 * Authorization header without a preflight, and the browser never adds it
 * by itself.
 */
import type { Request, RequestHandler } from 'express';
import { refuse } from '../errors.ts';
import { bearerSecret, sessionSecret } from './authenticate.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const isJson = (type: string | undefined): boolean => !!type && /^application\/([\w.+-]*\+)?json\s*(;|$)/i.test(type);

export interface RawBodyRoute {
  method: string;
  /** As seen inside the /api router. */
  path: string;
  accepts(contentType: string | undefined): boolean;
}

export interface OriginGuardOptions {
  /** Origins the browser sees when the server is behind a proxy (PINGYI_PUBLIC_ORIGIN). */
  publicOrigins: readonly string[];
  rawBodyRoutes: readonly RawBodyRoute[];
}

function originOf(url: string): string | undefined {
  try {
    const o = new URL(url).origin;
    return o === 'null' ? undefined : o;
  } catch {
    return undefined;
  }
}

/** The request's own origin as the browser addressed it (the Host it sent; scheme and host from a trusted proxy). */
function ownOrigins(req: Request, publicOrigins: readonly string[]): Set<string> {
  const own = new Set(publicOrigins);
  const host = req.host;
  if (host) {
    const o = originOf(`${req.protocol}://${host}`);
    if (o) own.add(o);
  }
  return own;
}

/** Where the request says it comes from, and whether that is this server; undefined when it says nothing. */
function sameOrigin(req: Request, own: Set<string>): boolean | undefined {
  const origin = req.headers.origin;
  if (origin !== undefined) {
    const o = originOf(origin);
    return o !== undefined && own.has(o);
  }
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin';
  const referer = req.headers.referer;
  if (referer !== undefined) {
    const o = originOf(referer);
    return o !== undefined && own.has(o);
  }
  return undefined;
}

export function originGuard(opts: OriginGuardOptions): RequestHandler {
  return (req, _res, next) => {
    if (SAFE.has(req.method) || sessionSecret(req) === undefined || bearerSecret(req) !== undefined) return next();
    const same = sameOrigin(req, ownOrigins(req, opts.publicOrigins));
    if (same === undefined) {
      return next(refuse(403, 'origin-missing', '请求未说明来源页面,已拒绝(请从本系统的页面操作)', 'the request names no origin (Origin, Sec-Fetch-Site or Referer): refused'));
    }
    if (!same) return next(refuse(403, 'cross-origin', '请求来自其他网站或端口,已拒绝', 'a write from another origin: refused'));
    const type = req.headers['content-type'];
    const path = req.path.replace(/\/+$/, '').toLowerCase();
    const raw = opts.rawBodyRoutes.find((r) => r.method === req.method && r.path === path);
    if (!isJson(type) && !(raw && raw.accepts(type))) {
      return next(refuse(403, 'content-type-refused', '请求内容类型应为 JSON', `a write with the session cookie must be application/json${raw ? ' (or a data file type on this route)' : ''}`));
    }
    next();
  };
}
