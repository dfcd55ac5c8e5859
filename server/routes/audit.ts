/** The audit log, newest first (admins and publishers). */
import { Router } from 'express';
import type { AppContext } from '../context.ts';
import { refuse } from '../errors.ts';

export function auditRouter(ctx: AppContext): Router {
  const r = Router();
  r.get('/audit', ctx.need('audit-reader'), (req, res) => {
    const limitText = req.query.limit;
    const limit = limitText === undefined ? 100 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw refuse(400, 'bad-limit', 'limit 应为 1 至 1000 的整数', 'limit must be an integer from 1 to 1000');
    const before = req.query.before;
    if (before !== undefined && (typeof before !== 'string' || Number.isNaN(Date.parse(before)))) throw refuse(400, 'bad-before', 'before 应为时间 (ISO 8601)', 'before must be an ISO 8601 time');
    const all = ctx.store.data.audit;
    const out = [];
    for (let i = all.length - 1; i >= 0 && out.length < limit; i--) {
      const e = all[i]!;
      if (typeof before === 'string' && !(e.at < new Date(before).toISOString())) continue;
      out.push(e);
    }
    res.json(out);
  });
  return r;
}
