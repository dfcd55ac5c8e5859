import { schemeIssue, type Issue } from '../issue.ts';

/**
 * Declared limits of a scheme document, checked before anything recurses
 * into it. Real schemes nest about 16 levels and their longest list has about
 * 20 items; these limits leave ample room for every real document while
 * keeping validation and scoring clear of stack overflows (ajv, the
 * condition checker and the compiler recurse) and of runaway work.
 */
export const SCHEME_LIMITS = Object.freeze({
  /** Deepest nesting of objects and arrays in a scheme (a condition `{ "not": … }` adds one level, `{ "all": [ … ] }` two). */
  depth: 64,
  /** Longest array anywhere in a scheme (rules, conditions, grades…). */
  items: 100_000,
  /** Longest string anywhere in a scheme (names, clauses, notes). */
  stringLength: 100_000,
});

const token = (k: string): string => k.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * The limit problems of a document, at most one per kind (the first found, in
 * document order): an iterative walk, one visit per node, no recursion.
 */
export function checkLimits(doc: unknown): Issue[] {
  return measure(doc).issues;
}

/**
 * The limit problems (`issues`: nothing else is checked when there are any),
 * the non-finite numbers anywhere in the document (`numbers`), and the number
 * of nodes (objects, arrays and values).
 */
export function measure(doc: unknown): { issues: Issue[]; numbers: Issue[]; nodes: number } {
  const issues: Issue[] = [];
  const numbers: Issue[] = [];
  let nodes = 0;
  let deep = false;
  let long = false;
  let longText = false;
  const stack: Array<[unknown, string, number]> = [[doc, '', 0]];
  while (stack.length > 0 && !(deep && long && longText)) {
    const [v, at, depth] = stack.pop() as [unknown, string, number];
    nodes++;
    if (typeof v === 'number') {
      // typed numbers are bounded by the format; this catches the untyped places (field schemas, condition values)
      if (!Number.isFinite(v)) numbers.push(schemeIssue('number-not-finite', at, '数值不是有限的数(如 1e999 被读作无穷大)', 'the number is not finite (e.g. 1e999 reads as Infinity)'));
      continue;
    }
    if (typeof v === 'string') {
      if (!longText && v.length > SCHEME_LIMITS.stringLength) {
        longText = true;
        issues.push(schemeIssue('limit-string-length', at, `文字过长(${v.length} 个字符,上限 ${SCHEME_LIMITS.stringLength})`, `string too long (${v.length} characters; the limit is ${SCHEME_LIMITS.stringLength})`));
      }
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= SCHEME_LIMITS.depth) {
      if (!deep) {
        deep = true;
        issues.push(schemeIssue('limit-depth', at, `嵌套层次超过上限 ${SCHEME_LIMITS.depth}(条件或指标嵌套过深)`, `nesting deeper than the limit of ${SCHEME_LIMITS.depth} levels (conditions or indicators nested too deeply)`));
      }
      continue;
    }
    if (Array.isArray(v)) {
      if (!long && v.length > SCHEME_LIMITS.items) {
        long = true;
        issues.push(schemeIssue('limit-items', at, `列表有 ${v.length} 项,超过上限 ${SCHEME_LIMITS.items}`, `the list has ${v.length} items; the limit is ${SCHEME_LIMITS.items}`));
      }
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${at}/${i}`, depth + 1]);
    } else {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i] as string;
        stack.push([(v as Record<string, unknown>)[k], `${at}/${token(k)}`, depth + 1]);
      }
    }
  }
  return { issues, numbers, nodes };
}
