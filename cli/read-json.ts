import { readFileSync } from 'node:fs';
import { schemeIssue, type Issue } from '../engine/index.ts';

/** Parse a JSON file; a syntax error becomes an issue with the line and column, never a stack trace. */
export function readJsonFile(file: string, source: 'scheme' | 'data' = 'scheme'): { value: unknown; issues: Issue[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { value: undefined, issues: [{ ...schemeIssue('file-unreadable', '', `无法读取文件 ${file}`, `cannot read ${file}: ${(e as Error).message}`), source, file }] };
  }
  try {
    return { value: JSON.parse(text.replace(/^\uFEFF/, '')), issues: [] };
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg);
    let line: number | undefined;
    let col: number | undefined;
    if (pos) {
      const before = text.slice(0, Number(pos[1]));
      line = before.split('\n').length;
      col = Number(pos[1]) - before.lastIndexOf('\n');
    }
    const where = line === undefined ? '' : `第 ${line} 行第 ${col} 列 `;
    return {
      value: undefined,
      issues: [{ ...schemeIssue('json-syntax', '', `${where}JSON 格式错误`, `JSON syntax error: ${msg}`), source, file, ...(line !== undefined ? { line } : {}) }],
    };
  }
}
