/**
 * One unit of a stored run explained in a worker: the whole result file is
 * parsed to find the unit, which for a city holds a thread for seconds. The
 * answer is handed back as the JSON bytes the route sends.
 */
import { explainUnit, type RunResult } from '../../engine/index.ts';
import { notFound } from '../errors.ts';
import { runFile } from '../run-files.ts';
import { storeView } from './store-view.ts';
import type { Handler } from './worker.ts';

export const explainJob: Handler<'explain'> = async ({ dir, run, unit }, progress) => {
  progress({ phase: 'reading', fraction: 0.05 });
  const result = await storeView(dir).readJson<RunResult>(runFile(run));
  if (result === null) throw notFound(`result of run ${run}`);
  progress({ phase: 'writing', fraction: 0.8 });
  const u = result.units.find((x) => x.unit === unit);
  if (!u) throw notFound(`unit ${unit} in run ${run}`);
  const body = { unit: u.unit, name: u.name, status: u.status, total: u.total, ranks: u.ranks, classes: u.classes, indicators: u.indicators, text: explainUnit(u) };
  return { json: Buffer.from(JSON.stringify(body)) };
};
