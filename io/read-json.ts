import { readFileSync } from 'node:fs';
import { schemeIssue, type Issue } from '../engine/index.ts';
import { jsonErrorLocation } from './json-position.ts';

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
    const { line, column, message } = jsonErrorLocation(text.replace(/^\uFEFF/, ''), e);
    return {
      value: undefined,
      issues: [{ ...schemeIssue('json-syntax', '', `第 ${line} 行第 ${column} 列 JSON 格式错误`, `JSON syntax error at line ${line}, column ${column}: ${message}`), source, file, line }],
    };
  }
}
