import { joinPointer } from '../issue.ts';
import type { Indicator } from '../scheme/indicator.ts';
import type { Scheme } from '../scheme/scheme.ts';

/** An indicator with its maximum resolved (points, or percent of the parent) and its place in the scheme. */
export interface ResolvedIndicator {
  node: Indicator;
  id: string;
  name: string;
  max: number;
  pointer: string;
  outsideTotal: boolean;
  /** Selection id when this node or an ancestor is scored only for a selection. */
  requires: string | undefined;
  children: ResolvedIndicator[];
  parent: ResolvedIndicator | undefined;
}

export function resolveTree(scheme: Scheme): ResolvedIndicator[] {
  const walk = (node: Indicator, pointer: string, parent: ResolvedIndicator | undefined, parentMax: number): ResolvedIndicator => {
    const max = node.points ?? (node.percent !== undefined ? (parentMax * node.percent) / 100 : parentMax);
    const r: ResolvedIndicator = {
      node,
      id: node.id,
      name: node.name,
      max,
      pointer,
      outsideTotal: node.outsideTotal ?? parent?.outsideTotal ?? false,
      requires: node.requires?.selection ?? parent?.requires,
      children: [],
      parent,
    };
    r.children = (node.children ?? []).map((c, i) => walk(c, joinPointer(pointer, 'children', i), r, max));
    return r;
  };
  return scheme.indicators.map((n, i) => walk(n, joinPointer('', 'indicators', i), undefined, scheme.totalPoints));
}

export function flatten(roots: readonly ResolvedIndicator[]): ResolvedIndicator[] {
  const out: ResolvedIndicator[] = [];
  const visit = (r: ResolvedIndicator) => {
    out.push(r);
    r.children.forEach(visit);
  };
  roots.forEach(visit);
  return out;
}
