import { joinPointer } from '../issue.ts';
import type { Indicator, IndicatorVariant } from '../scheme/indicator.ts';
import type { Scheme } from '../scheme/scheme.ts';
import type { ScoringPool } from '../scheme/scoring-pool.ts';

/** One variant of an indicator, with its children resolved against the indicator's maximum. */
export interface ResolvedVariant {
  node: IndicatorVariant;
  id: string;
  pointer: string;
  children: ResolvedIndicator[];
}

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
  /** Pools the selection's members are scored in apart (declared with the nearest `requires`). */
  pools: ScoringPool[] | undefined;
  children: ResolvedIndicator[];
  /** Per-unit alternative children; a unit uses the first whose condition holds (the last is the default). */
  variants: ResolvedVariant[];
  /** The variants this node lies inside (outermost first): it is scored only for units that take every one of them. */
  within: Array<{ indicator: string; variant: string }>;
  parent: ResolvedIndicator | undefined;
}

export function resolveTree(scheme: Scheme): ResolvedIndicator[] {
  const walk = (node: Indicator, pointer: string, parent: ResolvedIndicator | undefined, parentMax: number, within: ResolvedIndicator['within']): ResolvedIndicator => {
    const max = node.points ?? (node.percent !== undefined ? (parentMax * node.percent) / 100 : parentMax);
    const r: ResolvedIndicator = {
      node,
      id: node.id,
      name: node.name,
      max,
      pointer,
      outsideTotal: node.outsideTotal ?? parent?.outsideTotal ?? false,
      requires: node.requires?.selection ?? parent?.requires,
      pools: node.requires ? node.requires.pools : parent?.pools,
      children: [],
      variants: [],
      within,
      parent,
    };
    r.children = (node.children ?? []).map((c, i) => walk(c, joinPointer(pointer, 'children', i), r, max, within));
    r.variants = (node.variants ?? []).map((v, vi) => {
      const at = joinPointer(pointer, 'variants', vi);
      const inner = [...within, { indicator: node.id, variant: v.id }];
      return { node: v, id: v.id, pointer: at, children: v.children.map((c, i) => walk(c, joinPointer(at, 'children', i), r, max, inner)) };
    });
    return r;
  };
  return scheme.indicators.map((n, i) => walk(n, joinPointer('', 'indicators', i), undefined, scheme.totalPoints, []));
}

/** Every node, variants' children included, in document order. */
export function flatten(roots: readonly ResolvedIndicator[]): ResolvedIndicator[] {
  const out: ResolvedIndicator[] = [];
  const visit = (r: ResolvedIndicator) => {
    out.push(r);
    r.children.forEach(visit);
    for (const v of r.variants) v.children.forEach(visit);
  };
  roots.forEach(visit);
  return out;
}
