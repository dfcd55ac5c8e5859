/**
 * The indicator tree as the tree view shows it: each node's maximum (points,
 * or percent of the parent) and, for a node with children, the running sum of
 * its children against it. This is a reading of the document for display; the
 * engine's validateScheme remains the judge (its `points-sum` problems).
 */
import { getAt, isObject, pointerOf, type Json } from './json.ts';

/** Sums agree within this tolerance, as the engine's validation does. */
const NEAR = 1e-9;

export interface ChildGroup {
  /** Pointer to the children array. */
  pointer: string;
  /** The variant this group belongs to; absent for the node's own children. */
  variant?: { id: string; name: string; pointer: string };
  children: TreeNode[];
  /** Sum (aggregate `sum`) of the children inside the total; for `mean`, the children each equal the max. */
  sum: number;
  ok: boolean;
}

export interface TreeNode {
  id: string;
  name: string;
  pointer: string;
  points: number | undefined;
  percent: number | undefined;
  /** The node's maximum in points (percent resolved against the parent). */
  max: number;
  outsideTotal: boolean;
  aggregate: 'sum' | 'mean';
  method: string | undefined;
  groups: ChildGroup[];
}

export interface IndicatorTree {
  total: number;
  /** Sum of the top-level maxima inside the total. */
  sum: number;
  ok: boolean;
  nodes: TreeNode[];
}

const num = (v: Json | undefined): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: Json | undefined): string => (typeof v === 'string' ? v : '');
const round = (x: number) => Math.round(x * 1e6) / 1e6;

function group(items: Json | undefined, pointer: string, max: number, aggregate: 'sum' | 'mean', variant?: ChildGroup['variant']): ChildGroup {
  const children = Array.isArray(items) ? items.map((c, i) => nodeOf(c, `${pointer}/${i}`, max)) : [];
  const inside = children.filter((c) => !c.outsideTotal);
  const sum = round(inside.reduce((a, c) => a + c.max, 0));
  const ok = aggregate === 'sum' ? Math.abs(sum - max) < NEAR : inside.every((c) => Math.abs(c.max - max) < NEAR);
  return { pointer, children, sum, ok, ...(variant ? { variant } : {}) };
}

function nodeOf(n: Json, pointer: string, parentMax: number): TreeNode {
  const o = isObject(n) ? n : {};
  const points = num(o.points);
  const percent = num(o.percent);
  const max = round(points ?? ((percent ?? 0) * parentMax) / 100);
  const aggregate = o.aggregate === 'mean' ? 'mean' : 'sum';
  const groups: ChildGroup[] = [];
  if (Array.isArray(o.children)) groups.push(group(o.children, `${pointer}/children`, max, aggregate));
  if (Array.isArray(o.variants)) {
    o.variants.forEach((v, j) => {
      const vp = `${pointer}/variants/${j}`;
      const vo = isObject(v) ? v : {};
      groups.push(group(vo.children, `${vp}/children`, max, aggregate, { id: str(vo.id), name: str(vo.name), pointer: vp }));
    });
  }
  const method = isObject(o.method) ? str(o.method.kind) || undefined : undefined;
  return { id: str(o.id), name: str(o.name), pointer, points, percent, max, outsideTotal: o.outsideTotal === true, aggregate, method, groups };
}

export function indicatorTree(doc: Json): IndicatorTree {
  const total = num(getAt(doc, '/totalPoints')) ?? 0;
  const g = group(getAt(doc, '/indicators'), pointerOf(['indicators']), total, 'sum');
  return { total, sum: g.sum, ok: g.ok, nodes: g.children };
}

/** The tree node whose pointer is the longest prefix of `pointer` (the node a problem belongs to). */
export function nodeAt(tree: IndicatorTree, pointer: string): TreeNode | undefined {
  let found: TreeNode | undefined;
  const walk = (nodes: TreeNode[]) => {
    for (const n of nodes) {
      if (pointer === n.pointer || pointer.startsWith(n.pointer + '/')) {
        found = n;
        for (const g of n.groups) walk(g.children);
        return;
      }
    }
  };
  walk(tree.nodes);
  return found;
}
