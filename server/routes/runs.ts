/**
 * Runs: score a data set with a version (published or draft), keep the
 * result with its trace as a file, list, fetch, explain one unit, export.
 */
import { Router } from 'express';
import { currentUser } from '../auth/authenticate.ts';
import { audit, type AppContext } from '../context.ts';
import { runFile, runSchemeFile } from '../run-files.ts';
import { summaryOf } from '../run-summary.ts';
import { HttpError, notFound, refuse, type Refusal } from '../errors.ts';
import { recordId, schemeId, versionId } from '../ids.ts';
import { runnable } from '../scheme-context.ts';
import { seasonKey } from '../season-cache.ts';
import type { RunMeta } from '../store/types.ts';
import { countProblems } from '../version-core.ts';
import { mustDataset, newId } from './datasets.ts';

export { runFile, runSchemeFile, summaryOf };

export function runsRouter(ctx: AppContext): Router {
  const r = Router();
  const { store } = ctx;

  const mustRun = (id: string): RunMeta => {
    const meta = store.data.runs.find((x) => x.id === recordId(id, 'run'));
    if (!meta) throw notFound(`run ${id}`);
    return meta;
  };

  r.post('/runs', ctx.need('data-entry'), async (req, res) => {
    const b = (typeof req.body === 'object' && req.body !== null && !Array.isArray(req.body) ? req.body : {}) as Record<string, unknown>;
    const ds = mustDataset(ctx, b.dataset as string);
    if (ds.status !== 'accepted') throw refuse(409, 'dataset-rejected', '该数据集未通过检查,不能计分', 'the data set was rejected and cannot be scored');
    const ref = (typeof b.scheme === 'object' && b.scheme !== null ? b.scheme : ds.scheme) as Record<string, unknown>;
    const id = schemeId(ref.id);
    const version = versionId(ref.version);
    const { scheme } = await runnable(store, id, version);
    // a live season of this data set and version has the result already (its appends are in it); else score the disk
    const live = await store.exclusive(async () => ctx.seasons.resultIfLive(ds.id, seasonKey(store.data, id, version)));
    const user = currentUser(res).username;
    const job = ctx.jobs.track('run', user, async (report) => {
      // the disk's data set is scored in a job worker, which hands back the result as JSON bytes
      const out = live
        ? { ok: live.ok, issueCounts: countProblems(live.issues), summary: summaryOf(live), result: undefined }
        : await ctx.jobs.pool.run('run', { dir: store.dir, dataset: ds.id, scheme }, report);
      const now = ctx.clock.now();
      const meta: RunMeta = { id: newId('run', now), dataset: ds.id, scheme: { id, version }, createdAt: now.toISOString(), createdBy: user, ok: out.ok, issueCounts: out.issueCounts };
      try {
        await store.writeJson(runSchemeFile(meta.id), scheme);
        if (out.result) await store.writeBytes(runFile(meta.id), out.result);
        else await store.writeJson(runFile(meta.id), live);
        await store.write((db) => {
          db.runs.push(meta);
          audit(db, { at: meta.createdAt, user, action: 'run-created', target: `run:${meta.id}`, summary: [`${ds.id} × ${id}@${version}: ${out.ok ? 'ok' : 'failed'}`] });
        });
      } catch (e) {
        // a refused run (a full disk) leaves no result file behind
        for (const f of [runSchemeFile(meta.id), runFile(meta.id)]) await store.remove(f).catch(() => undefined);
        throw e;
      }
      return { status: 201, body: { run: meta, summary: out.summary } };
    });
    if (req.query.async === '1') {
      res.status(202).setHeader('Location', `/api/jobs/${job.view.id}`).json({ job: job.view });
      return;
    }
    const answer = await job.done;
    res.status(answer.status).json(answer.body);
  });

  r.get('/runs', ctx.need('viewer'), (req, res) => {
    const dataset = req.query.dataset === undefined ? undefined : recordId(req.query.dataset, 'dataset');
    res.json(store.data.runs.filter((x) => dataset === undefined || x.dataset === dataset));
  });

  r.get('/runs/:id', ctx.need('viewer'), async (req, res) => {
    const meta = mustRun(req.params.id as string);
    // the stored result is sent as it is on disk: parsing and printing a city's result again would hold this thread
    const text = await store.readText(runFile(meta.id));
    if (text === null) throw notFound(`result of run ${meta.id}`);
    res.type('application/json').send(`{"run":${JSON.stringify(meta)},"result":${text}}`);
  });

  r.get('/runs/:id/units/:unit/explain', ctx.need('viewer'), async (req, res) => {
    const meta = mustRun(req.params.id as string);
    const unit = String(req.params.unit);
    // the whole stored result is parsed to find the unit: in a job worker, which answers the JSON bytes sent here
    const job = ctx.jobs.track('explain', currentUser(res).username, async (report) => ({ status: 200, body: await ctx.jobs.pool.run('explain', { dir: store.dir, run: meta.id, unit }, report) }));
    const answer = await job.done;
    if (answer.status !== 200) throw new HttpError(answer.status, answer.body as Refusal);
    const { json } = answer.body as { json: Uint8Array };
    res.type('application/json').send(Buffer.from(json.buffer, json.byteOffset, json.byteLength));
  });

  return r;
}
