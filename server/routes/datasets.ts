/**
 * Data sets: upload a file against a scheme version, checked against its
 * fact types. A data set with errors is kept as rejected with its problems
 * and none of its records; an accepted one has its facts in an append-only
 * file on disk.
 */
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { Router } from 'express';
import { currentUser } from '../auth/authenticate.ts';
import { audit, type AppContext } from '../context.ts';
import { readDatasetFiles, readProblems, writeDatasetBytes, writeProblems } from '../dataset-files.ts';
import { notFound, refuse } from '../errors.ts';
import { recordId, schemeId, versionId } from '../ids.ts';
import type { JobIo, JobProgress } from '../jobs/kinds.ts';
import { JobFailure } from '../jobs/pool.ts';
import type { JobAnswer } from '../jobs/registry.ts';
import { asPage } from '../problem-cap.ts';
import { formatOf } from '../read-upload.ts';
import { spoolUpload } from '../upload-spool.ts';
import { runnable } from '../scheme-context.ts';
import type { DatasetMeta } from '../store/types.ts';

export const newId = (prefix: string, now: Date): string => `${prefix}-${now.toISOString().replace(/[-:TZ.]/g, '').slice(0, 14)}-${randomBytes(4).toString('hex')}`;

export function mustDataset(ctx: AppContext, id: string): DatasetMeta {
  const meta = ctx.store.data.datasets.find((d) => d.id === recordId(id, 'dataset'));
  if (!meta) throw notFound(`data set ${id}`);
  return meta;
}

/**
 * The upload route reads the body itself (streamed to disk), so it is mounted before the JSON body
 * reader. The file is read and checked in a job worker; `?async=1` answers 202 with the job at once.
 */
export function datasetUploadRouter(ctx: AppContext): Router {
  const r = Router();
  r.post('/datasets', ctx.need('data-entry'), async (req, res) => {
    const id = schemeId(req.query.scheme);
    const version = versionId(req.query.version);
    const rawName = typeof req.query.name === 'string' ? req.query.name.trim() : '';
    if (rawName.length === 0 || rawName.length > 200 || /[\u0000-\u001f]/.test(rawName)) throw refuse(400, 'bad-name', '数据集名称应为 1 至 200 个字符', 'the data set name must have 1 to 200 characters');
    const format = formatOf(req.headers['content-type']);
    const { scheme, roster } = await runnable(ctx.store, id, version);
    const spooled = await spoolUpload(req, ctx.store, ctx.limits.uploadBytes);
    const user = currentUser(res).username;
    const job = ctx.jobs.track('upload', user, async (report) => {
      try {
        return await storeUpload(ctx, { id, version, name: rawName, user }, await readInWorker(ctx, { file: spooled.file, format, scheme, roster }, report));
      } finally {
        await rm(spooled.file, { force: true });
      }
    });
    if (req.query.async === '1') {
      res.status(202).setHeader('Location', `/api/jobs/${job.view.id}`).json({ job: job.view });
      return;
    }
    const answer = await job.done;
    res.status(answer.status).json(answer.body);
  });
  return r;
}

async function readInWorker(ctx: AppContext, input: JobIo['upload']['input'], report: (p: JobProgress) => void): Promise<JobIo['upload']['output']> {
  try {
    return await ctx.jobs.pool.run('upload', input, report);
  } catch (e) {
    // a file that exhausts the worker's heap (a bomb the limits did not catch) costs that worker only
    if (e instanceof JobFailure && e.code === 'job-out-of-memory') {
      throw refuse(413, 'upload-too-complex', '文件过大或过于复杂,读取时超出内存上限;请拆分为多个文件,或改用 CSV / NDJSON', 'the file is too large or too complex to read within the memory limit; split it, or use CSV / NDJSON');
    }
    throw e;
  }
}

/** Keep what the worker read: problems, then the data set's files, then its metadata (a data set is listed only once all of it is on disk). */
async function storeUpload(ctx: AppContext, to: { id: string; version: string; name: string; user: string }, read: JobIo['upload']['output']): Promise<JobAnswer> {
  const now = ctx.clock.now();
  const meta: DatasetMeta = {
    id: newId('ds', now),
    name: to.name,
    scheme: { id: to.id, version: to.version },
    status: read.accepted ? 'accepted' : 'rejected',
    createdAt: now.toISOString(),
    createdBy: to.user,
    counts: read.counts,
  };
  try {
    await writeProblems(ctx.store, meta.id, read.problems);
    if (read.accepted && read.base && read.facts) await writeDatasetBytes(ctx.store, meta.id, { base: read.base, facts: read.facts });
    await ctx.store.write((db) => {
      db.datasets.push(meta);
      audit(db, { at: meta.createdAt, user: to.user, action: read.accepted ? 'dataset-accepted' : 'dataset-rejected', target: `dataset:${meta.id}`, summary: [`${meta.name} (${to.id}@${to.version}): ${meta.counts.units} units, ${meta.counts.facts} facts, ${read.problems.total} problems`] });
    });
  } catch (e) {
    // a refused upload (a full disk) leaves no folder behind (a crash's is removed at start-up)
    await ctx.store.remove(['datasets', meta.id]).catch(() => undefined);
    throw e;
  }
  if (read.accepted) ctx.factCounts.wrote(meta.id, read.counts.facts);
  const problems = { problems: read.problems.kept, problemsTotal: read.problems.total, problemCounts: read.problems.counts };
  if (!read.accepted) return { status: 422, body: { code: 'dataset-rejected', message: { zh: '数据有错误,未导入任何记录', en: 'the data has errors; nothing was applied' }, dataset: meta, ...problems } };
  return { status: 201, body: { dataset: meta, ...problems } };
}

/** Problems per page of `GET /api/datasets/:id` (default, and the most one page may ask for). */
const PAGE = 200;
const MAX_PAGE = 1000;

function pageNumber(raw: unknown, fallback: number, name: string): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (typeof raw !== 'string' || !/^\d{1,9}$/.test(raw) || !Number.isSafeInteger(n)) throw refuse(400, 'bad-page', `${name} 应为非负整数`, `${name} must be a whole number ≥ 0`);
  return n;
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
    const page = asPage(await readProblems(ctx.store, meta.id));
    const offset = pageNumber(req.query.problemsOffset, 0, 'problemsOffset');
    const limit = Math.min(pageNumber(req.query.problemsLimit, PAGE, 'problemsLimit'), MAX_PAGE);
    res.json({
      dataset: await ctx.factCounts.live(meta),
      problems: page.kept.slice(offset, offset + limit),
      problemsOffset: offset,
      problemsKept: page.kept.length,
      problemsTotal: page.total,
      problemCounts: page.counts,
    });
  });
  r.get('/datasets/:id/data', ctx.need('viewer'), async (req, res) => {
    const meta = mustDataset(ctx, req.params.id as string);
    if (meta.status !== 'accepted') throw refuse(409, 'dataset-rejected', '该数据集未通过检查,没有数据', 'the data set was rejected and holds no data');
    res.json(await readDatasetFiles(ctx.store, meta.id));
  });
  return r;
}
