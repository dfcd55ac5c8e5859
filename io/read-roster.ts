/**
 * A scheme folder's roster.json, checked like a JSON data file: a broken
 * roster is named with its own problem (file, line, pointer), never used
 * half-read and never silently replaced by an `unknown-unit` per fact.
 * Synchronous because the scheme loader is.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Roster } from '../engine/data/dataset.ts';
import { Merge, tooLarge, unreadable, type LocatedIssue } from './data-merge.ts';
import { DEFAULT_LIMITS } from './limits.ts';
import { loadJson } from './load-json.ts';

export function readRoster(file: string, maxBytes = DEFAULT_LIMITS.maxJsonBytes): { roster: Roster | undefined; issues: LocatedIssue[] } {
  const m = new Merge();
  try {
    const st = statSync(file);
    if (!st.isFile()) m.issue('data-file', '', `名单不是普通文件`, `the roster is not a regular file`, { file });
    else if (st.size > maxBytes) tooLarge(file, st.size, maxBytes, m);
    else loadJson(readFileSync(file, 'utf8'), file, m);
  } catch (e) {
    unreadable(file, e, m);
  }
  if (m.issues.some((i) => i.severity === 'error')) return { roster: undefined, issues: m.issues };
  const { units, parents } = m.records;
  if (units.length === 0) {
    m.issue('roster-empty', '/units', `名单中没有参评单位(units 为空或缺失)`, `the roster lists no units`, { file });
    return { roster: undefined, issues: m.issues };
  }
  // the envelope checks make the cast true when there is no error
  return { roster: { units, ...(parents.length > 0 ? { parents } : {}) } as unknown as Roster, issues: m.issues };
}
