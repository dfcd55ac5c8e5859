/**
 * The audit log, newest first (admins and publishers): the entries in the
 * lowdb document merged with the audit journal of live fact appends
 * (store/audit-journal.ts), both in the order they were written.
 *
 * Paging is by a cursor of positions, not of times: `d<n>.j<offset>` says
 * "document entries below index n, journal lines starting before byte
 * offset". Both sources only grow, so a cursor resumes exactly after the
 * last entry shown, however many entries share its time (paging by
 * `before=<time>` skipped those: issue #17 D14). Each entry carries its own
 * position as `id` (`d12`, `j4096`).
 */
import { Router } from 'express';
import type { AppContext } from '../context.ts';
import { refuse } from '../errors.ts';
import type { AuditEntry } from '../store/types.ts';

interface Positioned {
  entry: AuditEntry;
  /** 'd': the lowdb document, at index `pos`; 'j': the journal, a line starting at byte `pos`. */
  source: 'd' | 'j';
  pos: number;
}

async function* documentNewestFirst(all: readonly AuditEntry[], below: number): AsyncGenerator<Positioned> {
  for (let i = Math.min(below, all.length) - 1; i >= 0; i--) yield { entry: all[i]!, source: 'd', pos: i };
}

async function* journalNewestFirst(ctx: AppContext, below: number): AsyncGenerator<Positioned> {
  for await (const { entry, offset } of ctx.store.journal.newestFirstFrom(below)) yield { entry, source: 'j', pos: offset };
}

/** Two newest-first sequences as one, the later `at` first (the document's entry first on a tie). */
async function* merged(a: AsyncGenerator<Positioned>, b: AsyncGenerator<Positioned>): AsyncGenerator<Positioned> {
  let x = await a.next();
  let y = await b.next();
  while (!x.done || !y.done) {
    if (!x.done && (y.done || x.value.entry.at >= y.value.entry.at)) {
      yield x.value;
      x = await a.next();
    } else if (!y.done) {
      yield y.value;
      y = await b.next();
    }
  }
}

function parseCursor(v: unknown): { doc: number; journal: number } {
  const m = typeof v === 'string' ? /^d(\d{1,15})\.j(\d{1,15})$/.exec(v) : null;
  if (!m) throw refuse(400, 'bad-cursor', 'cursor 应为上一页答复的 X-Next-Cursor', 'cursor must be the X-Next-Cursor of the previous page');
  return { doc: Number(m[1]), journal: Number(m[2]) };
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
    const cursor = req.query.cursor === undefined ? undefined : parseCursor(req.query.cursor);
    const docEntries = ctx.store.data.audit;
    // both sources as they are now: what is written while the page is read is newer than it, left for a fresh first page
    let doc = cursor?.doc ?? docEntries.length;
    let journalEnd = cursor?.journal ?? (await ctx.store.journal.size());
    const journal = journalNewestFirst(ctx, journalEnd);
    const out: Array<AuditEntry & { id: string }> = [];
    let more = false;
    try {
      for await (const p of merged(documentNewestFirst(docEntries, doc), journal)) {
        if (until !== undefined && !(p.entry.at < until)) continue;
        if (out.length >= limit) {
          more = true;
          break;
        }
        // a batch's frame (where its facts are in the file) is the store's, not the reader's
        const { batch: _frame, ...entry } = p.entry;
        out.push({ ...entry, id: `${p.source}${p.pos}` });
        if (p.source === 'd') doc = p.pos;
        else journalEnd = p.pos;
      }
    } finally {
      // stops the journal's backward read and closes its file
      await journal.return(undefined);
    }
    // where each source stands after the last entry shown
    if (more) res.setHeader('X-Next-Cursor', `d${doc}.j${journalEnd}`);
    res.json(out);
  });
  return r;
}
