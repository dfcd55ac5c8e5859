/**
 * The id-matched lists outside the indicator tree: categories, the season
 * flow (exemptions, selections, rankings, classifications, consequences) and
 * assumptions. Each differing property of a matched item is one change; a
 * tie-break and a window are reported as their own kinds.
 */
import type { Scheme } from '../scheme/scheme.ts';
import type { CategoryList, Change, FlowList, Ref } from './change.ts';
import { finish, isObj, matchById, movedKeys, nameOf, ptr, sameValue, unionKeys, type Obj } from './diff-util.ts';

type Item = { id: string } & Obj;

const FLOW: ReadonlyArray<[FlowList, 'exemptions' | 'selections' | 'rankings' | 'classifications' | 'consequences' | 'assumptions']> = [
  ['exemption', 'exemptions'],
  ['selection', 'selections'],
  ['ranking', 'rankings'],
  ['classification', 'classifications'],
  ['consequence', 'consequences'],
  ['assumption', 'assumptions'],
];

function items(v: unknown): Item[] {
  return Array.isArray(v) ? v.filter((x): x is Item => isObj(x) && typeof x.id === 'string') : [];
}

/** An assumption has no name; its clause says what it is about. */
function refOf(list: FlowList, item: Item): Ref {
  return { id: item.id, name: list === 'assumption' ? (typeof item.clause === 'string' ? item.clause : '') : nameOf(item) };
}

export function diffFlow(a: Scheme, b: Scheme): Change[] {
  const out: Change[] = [];
  for (const [list, key] of FLOW) {
    const base = `/${key}`;
    const pairs = matchById(items(a[key]), items(b[key]));
    // classes are taken in order (`excludes`/`within` see only earlier ones); the order of the other lists changes no result
    const moved = list === 'classification' ? movedKeys(pairs) : new Set<string>();
    for (const m of pairs) {
      if (!m.a && m.b) out.push(finish({ kind: `${list}-added`, item: refOf(list, m.b.item), pathB: ptr(base, m.b.index) }));
      else if (m.a && !m.b) out.push(finish({ kind: `${list}-removed`, item: refOf(list, m.a.item), pathA: ptr(base, m.a.index) }));
      else if (m.a && m.b) {
        const pa = ptr(base, m.a.index);
        const pb = ptr(base, m.b.index);
        const item = refOf(list, m.b.item);
        if (moved.has(m.key)) out.push(finish({ kind: `${list}-changed`, item, property: 'position', before: m.a.index, after: m.b.index, pathA: pa, pathB: pb }));
        for (const property of unionKeys(m.a.item, m.b.item, ['id'])) {
          const before = m.a.item[property];
          const after = m.b.item[property];
          if (sameValue(before, after)) continue;
          const at = { pathA: ptr(pa, property), pathB: ptr(pb, property) };
          if (property === 'tieBreak' && (list === 'selection' || list === 'ranking')) out.push(finish({ kind: 'tie-break-changed', list, item, before, after, ...at }));
          else out.push(finish({ kind: `${list}-changed`, item, property, before, after, ...at }));
        }
      }
    }
  }
  return out;
}

export function diffCategories(a: Scheme, b: Scheme): Change[] {
  const out: Change[] = [];
  for (const list of ['categories', 'parentCategories'] as const satisfies readonly CategoryList[]) {
    const base = `/${list}`;
    const pairs = matchById(items(a[list]), items(b[list]));
    // categories are looked up by id: their order changes no result and is not reported
    for (const m of pairs) {
      const category: Ref = { id: (m.b ?? m.a)?.item.id ?? m.key, name: nameOf((m.b ?? m.a)?.item) };
      if (!m.a && m.b) out.push(finish({ kind: 'category-added', list, category, pathB: ptr(base, m.b.index) }));
      else if (m.a && !m.b) out.push(finish({ kind: 'category-removed', list, category, pathA: ptr(base, m.a.index) }));
      else if (m.a && m.b) {
        const pa = ptr(base, m.a.index);
        const pb = ptr(base, m.b.index);
        for (const property of unionKeys(m.a.item, m.b.item, ['id'])) {
          const before = m.a.item[property];
          const after = m.b.item[property];
          if (!sameValue(before, after)) out.push(finish({ kind: 'category-changed', list, category, property, before, after, pathA: ptr(pa, property), pathB: ptr(pb, property) }));
        }
      }
    }
  }
  return out;
}
