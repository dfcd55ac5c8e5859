/**
 * `GET /api/jobs/:id`: a job's state and progress, and once it ended the
 * answer its request would have had. Only its starter (or an admin) sees it.
 */
import { Router } from 'express';
import { currentUser } from '../auth/authenticate.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';

export function jobsRouter(ctx: AppContext): Router {
  const r = Router();
  r.get('/jobs/:id', ctx.need('viewer'), (req, res) => {
    const id = String(req.params.id);
    const job = ctx.jobs.get(id);
    const user = currentUser(res);
    if (!job || (job.createdBy !== user.username && !user.roles.includes('admin'))) throw notFound(`job ${id}`);
    res.json({ job });
  });
  return r;
}
