/** What a new version would change on a data set (the engine's impactOf), computed in a worker. */
import { impactOf } from '../../engine/index.ts';
import { readDatasetFiles } from '../dataset-files.ts';
import { storeView } from './store-view.ts';
import type { Handler } from './worker.ts';

export const impactJob: Handler<'impact'> = async ({ dir, dataset, from, to }, progress) => {
  progress({ phase: 'reading', fraction: 0.05 });
  const data = await readDatasetFiles(storeView(dir), dataset);
  progress({ phase: 'scoring', fraction: 0.3 });
  return { json: Buffer.from(JSON.stringify(impactOf(from, to, data))) };
};
