/**
 * What the page derives from the document with the pure engine: the problems
 * (validateScheme, the same check as the server and the CLI) and the indicator
 * tree with its sums. Memoised on document identity: the store hands out a
 * new root only when something changed.
 */
import { validateScheme, type Issue, type Scheme } from '../../../engine/index.ts';
import { indicatorTree, type IndicatorTree } from './indicator-tree.ts';
import type { Json } from './json.ts';

export interface Derived {
  problems: Issue[];
  errors: number;
  warnings: number;
  /** The typed scheme when its structure is valid (semantic problems may remain). */
  scheme: Scheme | undefined;
  tree: IndicatorTree;
}

const cache = new WeakMap<object, Derived>();

export function derive(doc: Json): Derived {
  const key = typeof doc === 'object' && doc !== null ? doc : undefined;
  const hit = key ? cache.get(key) : undefined;
  if (hit) return hit;
  const v = validateScheme(doc);
  const d: Derived = {
    problems: v.issues,
    errors: v.issues.filter((i) => i.severity === 'error').length,
    warnings: v.issues.filter((i) => i.severity === 'warning').length,
    scheme: v.scheme,
    tree: indicatorTree(doc),
  };
  if (key) cache.set(key, d);
  return d;
}
