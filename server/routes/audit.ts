/**
 * The audit log, newest first (admins and publishers): the entries in the
 * lowdb document merged with the audit journal of live fact appends
 * (store/audit-journal.ts), both in the order they were written.
 */
import { Router } from 'express';
import type { AppContext } from '../context.ts';
import { refuse } from '../errors.ts';
import type { AuditEntry } from '../store/types.ts';

async function* documentNewestFirst(all: readonly AuditEntry[]): AsyncGenerator<AuditEntry> {
  for (let i = all.length - 1; i >= 0; i--) yield all[i]!;
}

/** Two newest-first sequences as one, the later `at` first (the document's entry first on a tie). */
async function* merged(a: AsyncGenerator<AuditEntry>, b: AsyncGenerator<AuditEntry>): AsyncGenerator<AuditEntry> {
  let x = await a.next();
  let y = await b.next();
  while (!x.done || !y.done) {
    if (!x.done && (y.done || x.value.at >= y.value.at)) {
      yield x.value;
      x = await a.next();
    } else if (!y.done) {
      yield y.value;
      y = await b.next();
    }
  }
}

export function auditRouter(ctx: AppContext): Router {
  const r = Router();
  r.get('/audit', ctx.need('audit-reader'), async (req, res) => {
    const limitText = req.query.limit;
    const limit = limitText === undefined ? 100 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw refuse(400, 'bad-limit', 'limit 应为 1 至 1000 的整数', 'limit must be an integer from 1 to 1000');
    const before = req.query.before;
    if (before !== undefined && (typeof before !== 'string' || Number.isNaN(Date.parse(before)))) throw refuse(400, 'bad-before', 'before 应为时间 (ISO 8601)', 'before must be an ISO 8601 time');
    const until = typeof before === 'string' ? new Date(before).toISOString() : undefined;
    const journal = ctx.store.journal.newestFirst();
    const out: AuditEntry[] = [];
    try {
      for await (const e of merged(documentNewestFirst(ctx.store.data.audit), journal)) {
        if (until !== undefined && !(e.at < until)) continue;
        out.push(e);
        if (out.length >= limit) break;
      }
    } finally {
      // stops the journal's backward read and closes its file
      await journal.return(undefined);
    }
    res.json(out);
  });
  return r;
}
