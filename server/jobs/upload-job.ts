/**
 * An upload read in a worker: the file the request thread spooled to disk is
 * read by the shared readers (io/, as the CLI does, with the version's field
 * types, labels and roster), checked against the fact types, its problems
 * capped, and an accepted data set handed back as the bytes of its files.
 */
import { checkDataset } from '../../engine/index.ts';
import { annotateIssues, readData, schemeLoadOptions } from '../../io/index.ts';
import { capProblems } from '../problem-cap.ts';
import { datasetFileTexts } from '../dataset-files.ts';
import type { Handler } from './worker.ts';

export const uploadJob: Handler<'upload'> = async ({ file, format, scheme, roster }, progress) => {
  progress({ phase: 'reading', fraction: 0.05 });
  // one worker is one thread: the readers' own threads would only fight the other jobs for the cores
  const loaded = await readData([{ path: file, name: `upload.${format}`, format }], { ...schemeLoadOptions({ scheme, roster }), parallel: false });
  progress({ phase: 'checking', fraction: 0.6 });
  const data = loaded.dataset;
  const checked = data ? annotateIssues(checkDataset(scheme, data), loaded.origins, loaded.recordOrigins) : [];
  const all = [...loaded.issues, ...checked];
  const accepted = data !== undefined && !all.some((p) => p.severity === 'error');
  const problems = capProblems(all);
  const counts = { units: accepted ? data.units.length : 0, facts: accepted ? data.facts.length : 0, history: accepted ? (data.history?.length ?? 0) : 0 };
  if (!accepted) return { accepted, counts, problems };
  progress({ phase: 'writing', fraction: 0.85 });
  const texts = datasetFileTexts(data);
  return { accepted, counts, problems, base: Buffer.from(texts.base), facts: Buffer.from(texts.facts) };
};
