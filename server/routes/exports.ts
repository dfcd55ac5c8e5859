/**
 * Files for the offices: a run exported as .xlsx (ranked table with one
 * column per indicator, classes, consequences per parent, the trace) or CSV,
 * and an Excel template of a version's fact types. The bytes are made by the
 * shared io/ layer in a job worker; the run is exported with the scheme it was
 * scored with.
 */
import { Router, type Response } from 'express';
import { currentUser } from '../auth/authenticate.ts';
import type { AppContext } from '../context.ts';
import { HttpError, notFound, type Refusal } from '../errors.ts';
import { recordId, schemeId, versionId } from '../ids.ts';
import { runnable } from '../scheme-context.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function attachment(res: Response, type: string, name: string): void {
  res.setHeader('Content-Type', type);
  // ids are ASCII by pattern, so the plain filename is safe
  res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
}

export function exportsRouter(ctx: AppContext): Router {
  const r = Router();
  const { store } = ctx;

  /** The export made in a job worker from the run's stored files (a city's .xlsx holds a thread for seconds). */
  const made = async (raw: unknown, format: 'xlsx' | 'csv', user: string): Promise<{ id: string; bytes: Uint8Array }> => {
    const id = recordId(raw, 'run');
    if (!store.data.runs.some((x) => x.id === id)) throw notFound(`run ${id}`);
    const job = ctx.jobs.track('export', user, async (report) => ({ status: 200, body: await ctx.jobs.pool.run('export', { dir: store.dir, run: id, format }, report) }));
    const answer = await job.done;
    if (answer.status !== 200) throw new HttpError(answer.status, answer.body as Refusal);
    return { id, bytes: (answer.body as { bytes: Uint8Array }).bytes };
  };

  r.get('/runs/:id/export.xlsx', ctx.need('viewer'), async (req, res) => {
    const { id, bytes } = await made(req.params.id, 'xlsx', currentUser(res).username);
    attachment(res, XLSX, `${id}.xlsx`);
    res.send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });

  r.get('/runs/:id/export.csv', ctx.need('viewer'), async (req, res) => {
    const { id, bytes } = await made(req.params.id, 'csv', currentUser(res).username);
    attachment(res, 'text/csv; charset=utf-8', `${id}.csv`);
    res.send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });

  r.get('/schemes/:id/versions/:version/template.xlsx', ctx.need('viewer'), async (req, res) => {
    const id = schemeId(req.params.id);
    const version = versionId(req.params.version);
    const { scheme, roster } = await runnable(store, id, version, ctx.validations);
    // exceljs builds and zips the workbook on the thread that calls it: a worker's, not this one
    const job = ctx.jobs.track('template', currentUser(res).username, async (report) => ({ status: 200, body: await ctx.jobs.pool.run('template', { scheme, roster }, report) }));
    const answer = await job.done;
    if (answer.status !== 200) throw new HttpError(answer.status, answer.body as Refusal);
    const { bytes } = answer.body as { bytes: Uint8Array };
    attachment(res, XLSX, `${id}-${version}-template.xlsx`);
    res.send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });

  return r;
}
