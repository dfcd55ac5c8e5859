/** The semantic diff of two versions and their impact on a data set (the engine's diffSchemes / impactOf). */
import { Router } from 'express';
import { diffSchemes, type DiffReport, type Scheme } from '../../engine/index.ts';
import { currentUser } from '../auth/authenticate.ts';
import type { AppContext } from '../context.ts';
import { HttpError, notFound, refuse, type Refusal } from '../errors.ts';
import { recordId, schemeRef } from '../ids.ts';
import { checkStored } from '../version-core.ts';
import { mustFind } from '../version-store.ts';

export function diffRouter(ctx: AppContext): Router {
  const r = Router();
  const { store } = ctx;

  /** A stored version as a scheme; `strict` also refuses semantic errors (a run needs a valid scheme). */
  const schemeAt = (ref: unknown, what: string, strict: boolean): Scheme => {
    const { id, version } = schemeRef(ref, what);
    const v = mustFind(store.data, id, version);
    const checked = checkStored(v.document);
    if (!checked.scheme || (strict && !checked.ok)) {
      throw refuse(422, 'invalid-scheme', `${id}@${version} 有错误,无法比较`, `${id}@${version} has errors and cannot be compared`, { problems: checked.issues });
    }
    return checked.scheme;
  };

  r.get('/diff', ctx.need('viewer'), (req, res) => {
    const a = schemeAt(req.query.from, 'from', false);
    const b = schemeAt(req.query.to, 'to', false);
    const report: DiffReport = { a: { id: a.id, version: a.version, name: a.name }, b: { id: b.id, version: b.version, name: b.name }, changes: diffSchemes(a, b) };
    res.json(report);
  });

  r.post('/impact', ctx.need('viewer'), async (req, res) => {
    const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;
    const a = schemeAt(body.from, 'from', true);
    const b = schemeAt(body.to, 'to', true);
    const datasetId = recordId(body.dataset, 'dataset');
    const meta = store.data.datasets.find((d) => d.id === datasetId);
    if (!meta) throw notFound(`data set ${datasetId}`);
    if (meta.status !== 'accepted') throw refuse(409, 'dataset-rejected', '该数据集未通过检查,不能用于计算', 'the data set was rejected and cannot be scored');
    // scoring the data set twice is a job for a worker; its answer comes back as JSON bytes
    const job = ctx.jobs.track('impact', currentUser(res).username, async (report) => ({ status: 200, body: await ctx.jobs.pool.run('impact', { dir: store.dir, dataset: datasetId, from: a, to: b }, report) }));
    const answer = await job.done;
    if (answer.status !== 200) throw new HttpError(answer.status, answer.body as Refusal);
    const { json } = answer.body as { json: Uint8Array };
    res.type('application/json').send(Buffer.from(json.buffer, json.byteOffset, json.byteLength));
  });

  return r;
}
