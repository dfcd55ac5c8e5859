/**
 * Files for the offices: a run exported as .xlsx (ranked table with one
 * column per indicator, classes, consequences per parent, the trace) or CSV,
 * and an Excel template of a version's fact types. The bytes are made by the
 * shared io/ layer; the run is exported with the scheme it was scored with.
 */
import { Router, type Response } from 'express';
import type { RunResult, Scheme } from '../../engine/index.ts';
import { exportRunCsv, exportRunXlsx, templateXlsx } from '../../io/index.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { recordId, schemeId, versionId } from '../ids.ts';
import { runnable } from '../scheme-context.ts';
import { runFile, runSchemeFile } from './runs.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function attachment(res: Response, type: string, name: string): void {
  res.setHeader('Content-Type', type);
  // ids are ASCII by pattern, so the plain filename is safe
  res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
}

export function exportsRouter(ctx: AppContext): Router {
  const r = Router();
  const { store } = ctx;

  const load = async (raw: unknown): Promise<{ id: string; scheme: Scheme; result: RunResult }> => {
    const id = recordId(raw, 'run');
    if (!store.data.runs.some((x) => x.id === id)) throw notFound(`run ${id}`);
    const scheme = await store.readJson<Scheme>(runSchemeFile(id));
    const result = await store.readJson<RunResult>(runFile(id));
    if (!scheme || !result) throw notFound(`result of run ${id}`);
    return { id, scheme, result };
  };

  r.get('/runs/:id/export.xlsx', ctx.need('viewer'), async (req, res) => {
    const { id, scheme, result } = await load(req.params.id);
    const bytes = await exportRunXlsx(scheme, result);
    attachment(res, XLSX, `${id}.xlsx`);
    res.send(bytes);
  });

  r.get('/runs/:id/export.csv', ctx.need('viewer'), async (req, res) => {
    const { id, scheme, result } = await load(req.params.id);
    attachment(res, 'text/csv; charset=utf-8', `${id}.csv`);
    res.send(exportRunCsv(scheme, result));
  });

  r.get('/schemes/:id/versions/:version/template.xlsx', ctx.need('viewer'), async (req, res) => {
    const id = schemeId(req.params.id);
    const version = versionId(req.params.version);
    const { scheme, roster } = await runnable(store, id, version);
    const bytes = await templateXlsx(scheme, roster);
    attachment(res, XLSX, `${id}-${version}-template.xlsx`);
    res.send(bytes);
  });

  return r;
}
