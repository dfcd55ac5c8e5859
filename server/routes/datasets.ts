/**
 * Data sets: upload a file against a scheme version, checked against its
 * fact types. A data set with errors is kept as rejected with its problems
 * and none of its records; an accepted one has its facts in an append-only
 * file on disk.
 */
import { randomBytes } from 'node:crypto';
import { Router } from 'express';
import { currentUser } from '../auth/authenticate.ts';
import { uploadBody } from '../body.ts';
import { audit, type AppContext } from '../context.ts';
import { readDatasetFiles, readProblems, writeDatasetFiles, writeProblems } from '../dataset-files.ts';
import { notFound, refuse } from '../errors.ts';
import { recordId, schemeId, versionId } from '../ids.ts';
import { formatOf, readUpload } from '../read-upload.ts';
import { runnable } from '../scheme-context.ts';
import type { DatasetMeta } from '../store/types.ts';

export const newId = (prefix: string, now: Date): string => `${prefix}-${now.toISOString().replace(/[-:TZ.]/g, '').slice(0, 14)}-${randomBytes(4).toString('hex')}`;

export function mustDataset(ctx: AppContext, id: string): DatasetMeta {
  const meta = ctx.store.data.datasets.find((d) => d.id === recordId(id, 'dataset'));
  if (!meta) throw notFound(`data set ${id}`);
  return meta;
}

/** The upload route reads raw bytes, so it is mounted before the JSON body reader. */
export function datasetUploadRouter(ctx: AppContext): Router {
  const r = Router();
  r.post('/datasets', ctx.need('data-entry'), uploadBody(ctx.limits), async (req, res) => {
    const id = schemeId(req.query.scheme);
    const version = versionId(req.query.version);
    const rawName = typeof req.query.name === 'string' ? req.query.name.trim() : '';
    if (rawName.length === 0 || rawName.length > 200 || /[\u0000-\u001f]/.test(rawName)) throw refuse(400, 'bad-name', '数据集名称应为 1 至 200 个字符', 'the data set name must have 1 to 200 characters');
    const format = formatOf(req.headers['content-type']);
    const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const { scheme, roster } = await runnable(ctx.store, id, version);
    const read = await readUpload(bytes, format, 'upload', scheme, roster);
    const user = currentUser(res).username;
    const now = ctx.clock.now();
    const data = read.dataset;
    const meta: DatasetMeta = {
      id: newId('ds', now),
      name: rawName,
      scheme: { id, version },
      status: data ? 'accepted' : 'rejected',
      createdAt: now.toISOString(),
      createdBy: user,
      counts: { units: data?.units.length ?? 0, facts: data?.facts.length ?? 0, history: data?.history?.length ?? 0 },
    };
    // files before the metadata: a data set is listed only once all of it is on disk
    try {
      await writeProblems(ctx.store, meta.id, read.problems);
      if (data) await writeDatasetFiles(ctx.store, meta.id, data);
      await ctx.store.write((db) => {
        db.datasets.push(meta);
        audit(db, { at: meta.createdAt, user, action: data ? 'dataset-accepted' : 'dataset-rejected', target: `dataset:${meta.id}`, summary: [`${meta.name} (${id}@${version}): ${meta.counts.units} units, ${meta.counts.facts} facts, ${read.problems.length} problems`] });
      });
    } catch (e) {
      // a refused upload (a full disk) leaves no folder behind (a crash's is removed at start-up)
      await ctx.store.remove(['datasets', meta.id]).catch(() => undefined);
      throw e;
    }
    if (data) ctx.factCounts.wrote(meta.id, data.facts.length);
    if (!data) {
      res.status(422).json({ code: 'dataset-rejected', message: { zh: '数据有错误,未导入任何记录', en: 'the data has errors; nothing was applied' }, dataset: meta, problems: read.problems });
      return;
    }
    res.status(201).json({ dataset: meta, problems: read.problems });
  });
  return r;
}

export function datasetsRouter(ctx: AppContext): Router {
  const r = Router();
  r.get('/datasets', ctx.need('viewer'), async (req, res) => {
    const scheme = req.query.scheme === undefined ? undefined : schemeId(req.query.scheme);
    const list = ctx.store.data.datasets.filter((d) => scheme === undefined || d.scheme.id === scheme);
    res.json(await Promise.all(list.map((d) => ctx.factCounts.live(d))));
  });
  r.get('/datasets/:id', ctx.need('viewer'), async (req, res) => {
    const meta = mustDataset(ctx, req.params.id as string);
    res.json({ dataset: await ctx.factCounts.live(meta), problems: await readProblems(ctx.store, meta.id) });
  });
  r.get('/datasets/:id/data', ctx.need('viewer'), async (req, res) => {
    const meta = mustDataset(ctx, req.params.id as string);
    if (meta.status !== 'accepted') throw refuse(409, 'dataset-rejected', '该数据集未通过检查,没有数据', 'the data set was rejected and holds no data');
    res.json(await readDatasetFiles(ctx.store, meta.id));
  });
  return r;
}
