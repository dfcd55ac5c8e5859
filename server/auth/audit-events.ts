/**
 * Audit entries about access rather than about data: failed logins and
 * refused requests (issue 17 D12). They go to the audit journal (an append
 * and an fsync each) rather than the lowdb document, which rewrites itself
 * whole on every write: a burst of refusals must not cost a burst of
 * whole-document writes.
 *
 * Refusals (403, 409, 413) are caught in one place for every route, the
 * ones other routes add later included: the answer's `end` is held until
 * the entry is on disk, so whoever reads the log after the answer finds it.
 * 401 (not logged in) and 429 (throttled) are not: they come from nobody
 * in particular, and writing each to disk would make the cheap refusal an
 * attacker's lever; the failed logins behind a 429 are audited themselves.
 */
import type { Request, RequestHandler, Response } from 'express';
import type { AppContext } from '../context.ts';
import type { AuditEntry } from '../store/types.ts';
import { whoIs } from './authenticate.ts';

const AUDITED = new Set([403, 409, 413]);

/** Appends an access entry; a failed write is logged, never turned into a failed answer. */
export async function recordAccess(ctx: AppContext, entry: AuditEntry): Promise<void> {
  try {
    await ctx.store.exclusive(() => ctx.store.journal.append([entry]));
  } catch (e) {
    ctx.log(`audit entry not written (${entry.action} ${entry.target}): ${e instanceof Error ? e.message : String(e)}`);
  }
}

function codeOf(chunk: unknown): string {
  try {
    const text = Buffer.isBuffer(chunk) ? chunk.toString('utf8') : typeof chunk === 'string' ? chunk : '';
    const code = (JSON.parse(text) as { code?: unknown }).code;
    return typeof code === 'string' ? code : '';
  } catch {
    return '';
  }
}

export function routeOf(req: Request): string {
  return `${req.method} ${req.originalUrl.split('?')[0]!.slice(0, 300)}`;
}

export function refusalAudit(ctx: AppContext): RequestHandler {
  return (req, res, next) => {
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    let held = false;
    res.end = ((...args: unknown[]) => {
      if (held || !AUDITED.has(res.statusCode)) return end(...args);
      held = true;
      const user = (res.locals.user as { username?: string } | undefined)?.username ?? whoIs(ctx.store, ctx.clock, req)?.username ?? 'anonymous';
      const code = codeOf(args[0]);
      void recordAccess(ctx, {
        at: ctx.now(),
        user,
        action: 'refused',
        target: routeOf(req),
        address: req.ip ?? '',
        summary: [`${res.statusCode}${code ? ` ${code}` : ''}`],
      }).finally(() => end(...args));
      return res;
    }) as Response['end'];
    next();
  };
}
