/**
 * An upload's format, from its Content-Type: JSON, NDJSON, CSV or Excel
 * .xlsx. The file itself is read by the shared readers (io/, as the CLI
 * does) in a job worker: server/jobs/upload-job.ts.
 */
import type { DataFormat } from '../io/index.ts';
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
