/**
 * Runs: score a data set with a version (published or draft), keep the
 * result with its trace as a file, list, fetch, explain one unit, export.
 */
import { Router } from 'express';
import { explainUnit, scoreScheme, type RunResult } from '../../engine/index.ts';
import { currentUser } from '../auth/authenticate.ts';
import { audit, type AppContext } from '../context.ts';
import { readDatasetFiles } from '../dataset-files.ts';
import { notFound, refuse } from '../errors.ts';
import { recordId, schemeId, versionId } from '../ids.ts';
import { runnable } from '../scheme-context.ts';
import { seasonKey } from '../season-cache.ts';
import type { RunMeta } from '../store/types.ts';
import { countProblems } from '../version-core.ts';
import { mustDataset, newId } from './datasets.ts';

export const runFile = (id: string) => ['runs', `${id}.json`];
/** The scheme as it was when the run was made: a draft may change later, the run's columns must not. */
export const runSchemeFile = (id: string) => ['runs', `${id}.scheme.json`];

export function summaryOf(result: RunResult) {
  return {
    ok: result.ok,
    units: result.units.length,
    scored: result.units.filter((u) => u.status === 'scored').length,
    exempt: result.units.filter((u) => u.status === 'exempt').length,
    issueCounts: countProblems(result.issues),
    classes: result.classes.map((c) => ({ id: c.id, name: c.name, units: c.units.length })),
  };
}

export function runsRouter(ctx: AppContext): Router {
  const r = Router();
  const { store } = ctx;

  const mustRun = (id: string): RunMeta => {
    const meta = store.data.runs.find((x) => x.id === recordId(id, 'run'));
    if (!meta) throw notFound(`run ${id}`);
    return meta;
  };
  const resultOf = async (meta: RunMeta): Promise<RunResult> => {
    const result = await store.readJson<RunResult>(runFile(meta.id));
    if (result === null) throw notFound(`result of run ${meta.id}`);
    return result;
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
    const result = live ?? scoreScheme(scheme, await readDatasetFiles(store, ds.id));
    const now = ctx.clock.now();
    const user = currentUser(res).username;
    const meta: RunMeta = { id: newId('run', now), dataset: ds.id, scheme: { id, version }, createdAt: now.toISOString(), createdBy: user, ok: result.ok, issueCounts: countProblems(result.issues) };
    try {
      await store.writeJson(runSchemeFile(meta.id), scheme);
      await store.writeJson(runFile(meta.id), result);
      await store.write((db) => {
        db.runs.push(meta);
        audit(db, { at: meta.createdAt, user, action: 'run-created', target: `run:${meta.id}`, summary: [`${ds.id} × ${id}@${version}: ${result.ok ? 'ok' : 'failed'}`] });
      });
    } catch (e) {
      // a refused run (a full disk) leaves no result file behind
      for (const f of [runSchemeFile(meta.id), runFile(meta.id)]) await store.remove(f).catch(() => undefined);
      throw e;
    }
    res.status(201).json({ run: meta, summary: summaryOf(result) });
  });

  r.get('/runs', ctx.need('viewer'), (req, res) => {
    const dataset = req.query.dataset === undefined ? undefined : recordId(req.query.dataset, 'dataset');
    res.json(store.data.runs.filter((x) => dataset === undefined || x.dataset === dataset));
  });

  r.get('/runs/:id', ctx.need('viewer'), async (req, res) => {
    const meta = mustRun(req.params.id as string);
    res.json({ run: meta, result: await resultOf(meta) });
  });

  r.get('/runs/:id/units/:unit/explain', ctx.need('viewer'), async (req, res) => {
    const meta = mustRun(req.params.id as string);
    const unit = String(req.params.unit);
    const u = (await resultOf(meta)).units.find((x) => x.unit === unit);
    if (!u) throw notFound(`unit ${unit} in run ${meta.id}`);
    res.json({ unit: u.unit, name: u.name, status: u.status, total: u.total, ranks: u.ranks, classes: u.classes, indicators: u.indicators, text: explainUnit(u) });
  });

  return r;
}
