/**
 * The one seam between an uploaded file and the shared data readers. Until
 * the shared io/ layer lands this goes through the CLI's loaders (JSON,
 * NDJSON, CSV) via a temporary file; every problem carries its file and line.
 * The engine then checks the data against the version's fact types.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { annotateIssues, fieldTypeLookup, loadDataset } from '../io/index.ts';
import { checkDataset, type Dataset, type Issue, type Roster, type Scheme } from '../engine/index.ts';
import { refuse } from './errors.ts';

export type UploadFormat = 'json' | 'ndjson' | 'csv' | 'xlsx';

const TYPES: Array<[RegExp, UploadFormat]> = [
  [/^application\/(x-)?ndjson\b|^application\/jsonl\b|^application\/x-jsonlines\b/i, 'ndjson'],
  [/^application\/json\b/i, 'json'],
  [/^text\/csv\b/i, 'csv'],
  [/^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet\b/i, 'xlsx'],
];

export function formatOf(contentType: string | undefined): UploadFormat {
  const hit = TYPES.find(([re]) => re.test(contentType ?? ''));
  if (!hit) {
    throw refuse(415, 'unsupported-format', '数据文件类型应为 JSON、NDJSON、CSV 或 Excel (.xlsx)', 'the data file must be JSON, NDJSON, CSV or Excel (.xlsx)');
  }
  return hit[1];
}

export interface UploadRead {
  /** Undefined when any error was found: a data set with errors is never applied, not even in part. */
  dataset: Dataset | undefined;
  problems: Issue[];
}

export async function readUpload(bytes: Buffer, format: UploadFormat, name: string, scheme: Scheme, roster: Roster | undefined): Promise<UploadRead> {
  if (format === 'xlsx') {
    throw refuse(415, 'unsupported-format', '暂不支持 Excel 上传(共享读取层尚未合入)', 'Excel upload waits for the shared io/ readers');
  }
  const dir = await mkdtemp(join(tmpdir(), 'pingyi-upload-'));
  try {
    const file = join(dir, `${name}.${format}`);
    await writeFile(file, bytes);
    const loaded = await loadDataset([file], { fieldType: fieldTypeLookup({ scheme, roster }), ...(roster ? { roster } : {}) });
    const shown = (i: Issue): Issue => (i.file === file ? { ...i, file: `${name}.${format}` } : i);
    if (!loaded.dataset) return { dataset: undefined, problems: loaded.issues.map(shown) };
    const checked = annotateIssues(checkDataset(scheme, loaded.dataset), loaded.origins, loaded.recordOrigins).map(shown);
    const problems = [...loaded.issues.map(shown), ...checked];
    return { dataset: problems.some((p) => p.severity === 'error') ? undefined : loaded.dataset, problems };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
