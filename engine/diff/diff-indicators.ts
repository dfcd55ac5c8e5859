/**
 * The indicator tree, matched by id at any depth: an indicator that changes
 * parent, or its place among the siblings it shares with the old version, is
 * moved (not removed and added); one whose name changes under the same id is
 * renamed. Then each matched pair is compared property by property.
 */
import type { Indicator } from '../scheme/indicator.ts';
import type { Change, Place, Ref } from './change.ts';
import { diffMethod } from './diff-methods.ts';
import { finish, ptr, reordered, sameValue, unionKeys } from './diff-util.ts';

/** Properties compared by name below; `children` is the tree itself. */
const KNOWN = ['id', 'name', 'nameEn', 'points', 'percent', 'aggregate', 'outsideTotal', 'requires', 'source', 'rounding', 'method', 'children'];

interface Node {
  key: string;
  ind: Indicator;
  pointer: string;
  place: Place;
}

/** Pre-order walk; a repeated id (invalid scheme) gets `#n` so that both copies are compared. */
function flatten(roots: readonly Indicator[]): Node[] {
  const out: Node[] = [];
  const seen = new Map<string, number>();
  const visit = (list: readonly Indicator[], parent: string | null, base: string) => {
    list.forEach((ind, index) => {
      const n = seen.get(ind.id) ?? 0;
      seen.set(ind.id, n + 1);
      const key = n === 0 ? ind.id : `${ind.id}#${n + 1}`;
      const pointer = ptr(base, index);
      out.push({ key, ind, pointer, place: { parent, index } });
      if (ind.children) visit(ind.children, key, ptr(pointer, 'children'));
    });
  };
  visit(roots, null, '/indicators');
  return out;
}

const ref = (ind: Indicator): Ref => ({ id: ind.id, name: ind.name });

function childrenOf(nodes: readonly Node[], parent: string | null): string[] {
  return nodes.filter((n) => n.place.parent === parent).map((n) => n.key);
}

export function diffIndicators(rootsA: readonly Indicator[], rootsB: readonly Indicator[]): Change[] {
  const nodesA = flatten(rootsA);
  const nodesB = flatten(rootsB);
  const byA = new Map(nodesA.map((n) => [n.key, n]));
  const byB = new Map(nodesB.map((n) => [n.key, n]));

  // moved within the same parent: only those whose order among shared siblings changed
  const movedAmongSiblings = new Set<string>();
  for (const parent of new Set([null, ...nodesB.map((n) => n.key)])) {
    if (parent !== null && !byA.has(parent)) continue;
    const keysB = childrenOf(nodesB, parent);
    const keysA = childrenOf(nodesA, parent);
    for (const k of reordered(keysA, keysB)) movedAmongSiblings.add(k);
  }

  const out: Change[] = [];
  for (const nb of nodesB) {
    const na = byA.get(nb.key);
    if (!na) {
      out.push(finish({ kind: 'indicator-added', indicator: ref(nb.ind), place: nb.place, pathB: nb.pointer }));
      continue;
    }
    if (na.place.parent !== nb.place.parent || movedAmongSiblings.has(nb.key)) {
      out.push(finish({ kind: 'indicator-moved', indicator: ref(nb.ind), from: na.place, to: nb.place, pathA: na.pointer, pathB: nb.pointer }));
    }
    out.push(...diffIndicator(na, nb));
  }
  for (const na of nodesA) {
    if (!byB.has(na.key)) out.push(finish({ kind: 'indicator-removed', indicator: ref(na.ind), place: na.place, pathA: na.pointer }));
  }
  return out;
}

function diffIndicator(na: Node, nb: Node): Change[] {
  const a = na.ind;
  const b = nb.ind;
  const indicator = ref(b);
  const at = (key: string) => ({ pathA: ptr(na.pointer, key), pathB: ptr(nb.pointer, key) });
  const out: Change[] = [];
  for (const field of ['name', 'nameEn'] as const) {
    if (a[field] !== b[field]) out.push(finish({ kind: 'indicator-renamed', indicator, field, before: a[field], after: b[field], ...at(field) }));
  }
  for (const field of ['points', 'percent'] as const) {
    if (a[field] !== b[field]) out.push(finish({ kind: 'points-changed', indicator, field, before: a[field], after: b[field], ...at(field) }));
  }
  for (const property of ['aggregate', 'outsideTotal', 'requires', 'source'] as const) {
    if (!sameValue(a[property], b[property])) out.push(finish({ kind: 'indicator-changed', indicator, property, before: a[property], after: b[property], ...at(property) }));
  }
  // a property added to the indicator format after this diff was written is still reported, under its name
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  for (const property of unionKeys(ra, rb, KNOWN)) {
    if (!sameValue(ra[property], rb[property])) out.push(finish({ kind: 'indicator-changed', indicator, property, before: ra[property], after: rb[property], ...at(property) }));
  }
  if (!sameValue(a.rounding, b.rounding)) out.push(finish({ kind: 'rounding-changed', indicator, parameter: 'rounding', before: a.rounding, after: b.rounding, ...at('rounding') }));
  out.push(...diffMethod(indicator, a.method, b.method, ptr(na.pointer, 'method'), ptr(nb.pointer, 'method')));
  // `children` is covered by the tree walk above
  return out;
}
