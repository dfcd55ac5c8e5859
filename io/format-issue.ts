/** A problem as the CLI prints it, with the workbook location (sheet, row, column) the engine's formatter does not know. */
import { formatIssue, type Issue } from '../engine/issue.ts';
import type { LocatedIssue } from './data-merge.ts';

export function formatLocatedIssue(issue: Issue | LocatedIssue): string {
  const { sheet, row, column } = issue as LocatedIssue;
  if (sheet === undefined) return formatIssue(issue);
  // the engine formats `file path`; the cell goes between, as Excel names it (工作表 fine 第 3 行 B 列)
  const cell = `${issue.file ?? ''} [${sheet}]${row !== undefined ? ` 第 ${row} 行 row ${row}` : ''}${column !== undefined ? ` ${column} 列 column ${column}` : ''}`;
  return formatIssue({ ...issue, file: cell });
}
