/** A run scored in a worker: the data set read from the store's files, the result handed back as JSON bytes. */
import { scoreScheme } from '../../engine/index.ts';
import { readDatasetFiles } from '../dataset-files.ts';
import { summaryOf } from '../run-summary.ts';
import { countProblems } from '../version-core.ts';
import { storeView } from './store-view.ts';
import type { Handler } from './worker.ts';

export const runJob: Handler<'run'> = async ({ dir, dataset, scheme }, progress) => {
  progress({ phase: 'reading', fraction: 0.05 });
  const data = await readDatasetFiles(storeView(dir), dataset);
  progress({ phase: 'scoring', fraction: 0.3 });
  const result = scoreScheme(scheme, data);
  progress({ phase: 'writing', fraction: 0.9 });
  return { result: Buffer.from(JSON.stringify(result)), ok: result.ok, issueCounts: countProblems(result.issues), summary: summaryOf(result) };
};
