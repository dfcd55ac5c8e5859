import { readFileSync, statSync } from 'node:fs';
import { schemeIssue, type Issue } from '../engine/index.ts';
import { jsonErrorLocation } from './json-position.ts';
import { DEFAULT_LIMITS } from './limits.ts';

/**
 * Parse a JSON file (a scheme, a case, a roster); a syntax error becomes an
 * issue with the line and column, never a stack trace. The regular-file guard
 * comes before any read: a FIFO or `/dev/zero` would block or never end.
 */
export function readJsonFile(file: string, source: 'scheme' | 'data' = 'scheme', maxBytes = DEFAULT_LIMITS.maxJsonBytes): { value: unknown; issues: Issue[] } {
  const fail = (code: string, zh: string, en: string) => ({ value: undefined, issues: [{ ...schemeIssue(code, '', zh, en), source, file }] });
  let text: string;
  try {
    const st = statSync(file);
    if (!st.isFile()) return fail('file-unreadable', `${file} 不是普通文件`, `${file} is not a regular file`);
    if (st.size > maxBytes) return fail('file-too-large', `文件过大(${st.size} 字节,上限 ${maxBytes})`, `file too large (${st.size} bytes, limit ${maxBytes})`);
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return fail('file-unreadable', `无法读取文件 ${file}`, `cannot read ${file}: ${(e as Error).message}`);
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
