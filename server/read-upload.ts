/**
 * The one seam between an uploaded file and the shared data readers (io/,
 * also used by the CLI): JSON, NDJSON, CSV and Excel .xlsx, every problem
 * with its file and line, or sheet, row and column. The engine then checks
 * the data against the version's fact types.
 */
import { checkDataset, type Dataset, type Roster, type Scheme } from '../engine/index.ts';
import { annotateIssues, readDataBuffer, schemeLoadOptions, type DataFormat, type LocatedIssue } from '../io/index.ts';
import { refuse } from './errors.ts';

const TYPES: Array<[RegExp, DataFormat]> = [
  [/^application\/(x-)?ndjson\b|^application\/jsonl\b|^application\/x-jsonlines\b/i, 'ndjson'],
  [/^application\/json\b/i, 'json'],
  [/^text\/csv\b/i, 'csv'],
  [/^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet\b/i, 'xlsx'],
];

export function formatOf(contentType: string | undefined): DataFormat {
  const hit = TYPES.find(([re]) => re.test(contentType ?? ''));
  if (!hit) {
    throw refuse(415, 'unsupported-format', '数据文件类型应为 JSON、NDJSON、CSV 或 Excel (.xlsx)', 'the data file must be JSON, NDJSON, CSV or Excel (.xlsx)');
  }
  return hit[1];
}

export interface UploadRead {
  /** Undefined when any error was found: a data set with errors is never applied, not even in part. */
  dataset: Dataset | undefined;
  problems: LocatedIssue[];
}

export async function readUpload(bytes: Buffer, format: DataFormat, name: string, scheme: Scheme, roster: Roster | undefined): Promise<UploadRead> {
  // the CLI's load options (io/scheme-data.ts): typed cells, the fact types' labels (`满意` → `satisfied`), the roster
  const loaded = await readDataBuffer(bytes, { name: `${name}.${format}`, format, ...schemeLoadOptions({ scheme, roster }) });
  if (!loaded.dataset) return { dataset: undefined, problems: loaded.issues };
  const checked = annotateIssues(checkDataset(scheme, loaded.dataset), loaded.origins, loaded.recordOrigins);
  const problems = [...loaded.issues, ...checked];
  return { dataset: problems.some((p) => p.severity === 'error') ? undefined : loaded.dataset, problems };
}
