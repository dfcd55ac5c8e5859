/**
 * Problems are data, never thrown strings: every problem in a scheme or a data
 * file has a stable code, a JSON Pointer into the document it concerns, and a
 * message in Chinese (for policy staff) and English (for engineers).
 */
export type IssueSeverity = 'error' | 'warning';

export interface Issue {
  /** Stable machine code, e.g. `points-sum`, `unknown-fact-type`. */
  code: string;
  /** JSON Pointer (RFC 6901) into the document named by `source`. */
  path: string;
  message: { zh: string; en: string };
  severity: IssueSeverity;
  /** Which document the pointer points into. */
  source: 'scheme' | 'data';
  /** For data read from a file: the file name and, for CSV/NDJSON, the 1-based line. */
  file?: string;
  line?: number;
}

export function schemeIssue(code: string, path: string, zh: string, en: string, severity: IssueSeverity = 'error'): Issue {
  return { code, path, message: { zh, en }, severity, source: 'scheme' };
}

export function dataIssue(code: string, path: string, zh: string, en: string, severity: IssueSeverity = 'error'): Issue {
  return { code, path, message: { zh, en }, severity, source: 'data' };
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

/** Escape one reference token for a JSON Pointer (RFC 6901 §4). */
export function pointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function joinPointer(base: string, ...tokens: Array<string | number>): string {
  return base + tokens.map((t) => '/' + pointerToken(t)).join('');
}

export function formatIssue(issue: Issue): string {
  const where = [issue.file, issue.line !== undefined ? `line ${issue.line}` : undefined, issue.path || '/']
    .filter(Boolean)
    .join(' ');
  const tag = issue.severity === 'error' ? '错误 error' : '警告 warning';
  return `${tag} [${issue.code}] ${where}\n  ${issue.message.zh}\n  ${issue.message.en}`;
}
