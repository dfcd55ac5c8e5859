/**
 * The indicator tree, matched by id at any depth: an indicator that changes
 * parent, or its place among the siblings it shares with the old version, is
 * moved (not removed and added); one whose name changes under the same id is
 * renamed. The children of per-unit variants belong to the tree too. Then
 * each matched pair is compared property by property.
 */
import type { Indicator } from '../scheme/indicator.ts';
import type { Change, Place, Ref } from './change.ts';
import { diffMethod } from './diff-methods.ts';
import { finish, isObj, matchById, movedKeys, nameOf, ptr, reordered, sameValue, unionKeys, type Obj } from './diff-util.ts';

/** Properties compared by name below; `children` and `variants` are the tree itself. */
const KNOWN = ['id', 'name', 'nameEn', 'points', 'percent', 'aggregate', 'outsideTotal', 'requires', 'source', 'rounding', 'method', 'children', 'variants'];

interface Node {
  key: string;
  ind: Indicator;
  pointer: string;
  place: Place;
}

/** The variants of an indicator, read loosely: they are a recent part of the format. */
function variantsOf(ind: Indicator): Array<Obj & { id: string }> {
  const v = (ind as Obj).variants;
  return Array.isArray(v) ? v.filter((x): x is Obj & { id: string } => isObj(x) && typeof x.id === 'string') : [];
}

/**
 * Pre-order walk; the children of a variant are part of the tree, placed
 * under their indicator and variant. A repeated id (invalid scheme) gets
 * `#n` so that both copies are compared.
 */
function flatten(roots: readonly Indicator[]): Node[] {
  const out: Node[] = [];
  const seen = new Map<string, number>();
  const visit = (list: readonly Indicator[], parent: string | null, variant: string | undefined, base: string) => {
    list.forEach((ind, index) => {
      const n = seen.get(ind.id) ?? 0;
      seen.set(ind.id, n + 1);
      const key = n === 0 ? ind.id : `${ind.id}#${n + 1}`;
      const pointer = ptr(base, index);
      out.push({ key, ind, pointer, place: { parent, ...(variant !== undefined ? { variant } : {}), index } });
      if (ind.children) visit(ind.children, key, undefined, ptr(pointer, 'children'));
      variantsOf(ind).forEach((v, vi) => {
        if (Array.isArray(v.children)) visit(v.children as Indicator[], key, v.id, ptr(pointer, 'variants', vi, 'children'));
      });
    });
  };
  visit(roots, null, undefined, '/indicators');
  return out;
}

const ref = (ind: Indicator): Ref => ({ id: ind.id, name: ind.name });

/** Siblings share a parent and, under variants, the variant. */
const siblingGroup = (p: Place) => `${p.parent ?? ''}\u0000${p.variant ?? ''}`;

export function diffIndicators(rootsA: readonly Indicator[], rootsB: readonly Indicator[]): Change[] {
  const nodesA = flatten(rootsA);
  const nodesB = flatten(rootsB);
  const byA = new Map(nodesA.map((n) => [n.key, n]));
  const byB = new Map(nodesB.map((n) => [n.key, n]));

  // moved within the same parent: only those whose order among shared siblings changed
  const movedAmongSiblings = new Set<string>();
  const groups = (nodes: readonly Node[]) => {
    const g = new Map<string, string[]>();
    for (const n of nodes) g.set(siblingGroup(n.place), [...(g.get(siblingGroup(n.place)) ?? []), n.key]);
    return g;
  };
  const groupsA = groups(nodesA);
  for (const [group, keysB] of groups(nodesB)) {
    for (const k of reordered(groupsA.get(group) ?? [], keysB)) movedAmongSiblings.add(k);
  }

  const out: Change[] = [];
  for (const nb of nodesB) {
    const na = byA.get(nb.key);
    if (!na) {
      out.push(finish({ kind: 'indicator-added', indicator: ref(nb.ind), place: nb.place, pathB: nb.pointer }));
      continue;
    }
    if (siblingGroup(na.place) !== siblingGroup(nb.place) || movedAmongSiblings.has(nb.key)) {
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
  out.push(...diffVariants(indicator, a, b, na.pointer, nb.pointer));
  if (!sameValue(a.rounding, b.rounding)) out.push(finish({ kind: 'rounding-changed', indicator, parameter: 'rounding', before: a.rounding, after: b.rounding, ...at('rounding') }));
  out.push(...diffMethod(indicator, a.method, b.method, ptr(na.pointer, 'method'), ptr(nb.pointer, 'method')));
  // `children` (also those of variants) is covered by the tree walk above
  return out;
}

/** Variants by id; their order is reported, since a unit takes the first variant whose condition holds. */
function diffVariants(indicator: Ref, a: Indicator, b: Indicator, pa: string, pb: string): Change[] {
  const out: Change[] = [];
  const pairs = matchById(variantsOf(a), variantsOf(b));
  const moved = movedKeys(pairs);
  for (const m of pairs) {
    const variant: Ref = { id: (m.b ?? m.a)?.item.id ?? m.key, name: nameOf((m.b ?? m.a)?.item) };
    if (!m.a && m.b) out.push(finish({ kind: 'variant-added', indicator, variant, pathB: ptr(pb, 'variants', m.b.index) }));
    else if (m.a && !m.b) out.push(finish({ kind: 'variant-removed', indicator, variant, pathA: ptr(pa, 'variants', m.a.index) }));
    else if (m.a && m.b) {
      const va = ptr(pa, 'variants', m.a.index);
      const vb = ptr(pb, 'variants', m.b.index);
      if (moved.has(m.key)) out.push(finish({ kind: 'variant-changed', indicator, variant, property: 'position', before: m.a.index, after: m.b.index, pathA: va, pathB: vb }));
      for (const property of unionKeys(m.a.item, m.b.item, ['id', 'children'])) {
        const before = m.a.item[property];
        const after = m.b.item[property];
        if (!sameValue(before, after)) out.push(finish({ kind: 'variant-changed', indicator, variant, property, before, after, pathA: ptr(va, property), pathB: ptr(vb, property) }));
      }
    }
  }
  return out;
}
