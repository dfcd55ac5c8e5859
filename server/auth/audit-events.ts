/**
 * Audit entries about access rather than about data: failed logins and
 * refused requests (issue 17 D12). They go to the audit journal (an append
 * and an fsync each) rather than the lowdb document, which rewrites itself
 * whole on every write: a burst of refusals must not cost a burst of
 * whole-document writes.
 *
 * Entries are group-committed: those that arrive while one batch is being
 * written go together in the next, one append and one fsync per batch, so
 * a burst of refusals (50 stale saves) costs the write queue a turn or two,
 * not one turn each, and a live fact append is not held behind them.
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
import type { Log } from '../errors.ts';
import type { Store } from '../store/store.ts';
import type { AuditEntry } from '../store/types.ts';
import { whoIs } from './authenticate.ts';

const AUDITED = new Set([403, 409, 413]);

export class AccessLog {
  private pending: Array<{ entry: AuditEntry; done: () => void }> = [];
  private draining = false;

  constructor(
    private readonly store: Store,
    private readonly log: Log,
  ) {}

  /** Resolves once the entry is durable, or its write failed and was logged: never a failed answer. */
  record(entry: AuditEntry): Promise<void> {
    return new Promise((done) => {
      this.pending.push({ entry, done });
      if (!this.draining) {
        this.draining = true;
        void this.drain();
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0);
      try {
        // through the write queue: the journal is also appended to by live fact appends
        await this.store.exclusive(() => this.store.journal.append(batch.map((b) => b.entry)), 'audit-commit');
      } catch (e) {
        this.log(`${batch.length} audit entries not written (${batch[0]!.entry.action} ${batch[0]!.entry.target} …): ${e instanceof Error ? e.message : String(e)}`);
      }
      for (const b of batch) b.done();
    }
    // no await since the loop's last check: an entry recorded from here on starts a new drain
    this.draining = false;
  }
}

export function recordAccess(ctx: AppContext, entry: AuditEntry): Promise<void> {
  return ctx.access.record(entry);
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
