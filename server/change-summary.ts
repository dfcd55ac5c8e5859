/**
 * The semantic change between two scheme documents as one line per change
 * (Chinese, as policy staff read them), from the engine's diff. A document
 * whose structure is not yet complete cannot be compared by identity: the
 * summary says so instead of guessing.
 */
import { diffSchemes, validateScheme, type Change, type Scheme } from '../engine/index.ts';

export function asScheme(doc: unknown): Scheme | undefined {
  return validateScheme(doc).scheme;
}

export function changesBetween(a: unknown, b: unknown): Change[] | undefined {
  const sa = asScheme(a);
  const sb = asScheme(b);
  if (!sa || !sb) return undefined;
  return diffSchemes(sa, sb);
}

export function changeSummary(a: unknown, b: unknown): string[] {
  const changes = changesBetween(a, b);
  if (changes === undefined) {
    return JSON.stringify(a) === JSON.stringify(b) ? [] : ['文档结构尚不完整,无法逐项比较;内容已改变 (document incomplete: changed, not compared item by item)'];
  }
  return changes.map((c) => c.summary.zh);
}
