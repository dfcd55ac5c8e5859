/** A run's export (.xlsx or CSV) made in a worker from the run's stored result and scheme. */
import type { RunResult, Scheme } from '../../engine/index.ts';
import { exportRunCsv, exportRunXlsx } from '../../io/index.ts';
import { notFound } from '../errors.ts';
import { runFile, runSchemeFile } from '../run-files.ts';
import { storeView } from './store-view.ts';
import type { Handler } from './worker.ts';

export const exportJob: Handler<'export'> = async ({ dir, run, format }, progress) => {
  progress({ phase: 'reading', fraction: 0.05 });
  const store = storeView(dir);
  const scheme = await store.readJson<Scheme>(runSchemeFile(run));
  const result = await store.readJson<RunResult>(runFile(run));
  if (!scheme || !result) throw notFound(`result of run ${run}`);
  progress({ phase: 'writing', fraction: 0.3 });
  const bytes = format === 'xlsx' ? await exportRunXlsx(scheme, result) : Buffer.from(exportRunCsv(scheme, result));
  return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
};
