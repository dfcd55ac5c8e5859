/**
 * The scoring method of a leaf indicator. A different method kind is one
 * change (its parameters are not comparable); for the same kind, each
 * parameter is compared on its own, with the parameters a reviewer looks for
 * by name (quotas, cap, floor, rounding, rules, groups, grades, levels)
 * reported as their own kinds of change.
 */
import type { AdjustmentRule } from '../scheme/adjustment-rule.ts';
import type { Method, MethodKind } from '../scheme/methods/index.ts';
import type { Change, MethodItemList, Ref } from './change.ts';
import { diffRules } from './diff-rules.ts';
import { finish, isObj, matchById, movedKeys, nameOf, ptr, sameValue, unionKeys, type Obj } from './diff-util.ts';

/** Parameters that are conditions: compared whole, since a part of a condition tree means little on its own. */
const WHOLE = new Set(['filter', 'when']);
const ITEM_LISTS = new Set<string>(['groups', 'grades', 'levels']);

export function diffMethod(indicator: Ref, a: Method | undefined, b: Method | undefined, pa: string, pb: string): Change[] {
  if (a === undefined && b === undefined) return [];
  if (a === undefined || b === undefined || a.kind !== b.kind) {
    return [finish({ kind: 'method-changed', indicator, before: a?.kind, after: b?.kind, methods: { ...(a ? { before: a } : {}), ...(b ? { after: b } : {}) }, pathA: pa, pathB: pb })];
  }
  const method = a.kind;
  const ra = a as unknown as Obj;
  const rb = b as unknown as Obj;
  const out: Change[] = [];
  for (const key of unionKeys(ra, rb, ['kind'])) {
    const before = ra[key];
    const after = rb[key];
    if (sameValue(before, after)) continue;
    const at = { pathA: ptr(pa, key), pathB: ptr(pb, key) };
    if (key === 'rules' || key === 'adjustments') {
      out.push(...diffRules(indicator, key, before as AdjustmentRule[] | undefined, after as AdjustmentRule[] | undefined, at.pathA, at.pathB));
    } else if (ITEM_LISTS.has(key)) {
      out.push(...diffItems(indicator, method, key as MethodItemList, asList(before), asList(after), at.pathA, at.pathB));
    } else if (/quota$/i.test(key)) {
      out.push(finish({ kind: 'quota-changed', indicator, parameter: key, before, after, ...at }));
    } else if (key === 'cap') {
      out.push(finish({ kind: 'cap-changed', indicator, before: num(before), after: num(after), ...at }));
    } else if (key === 'floor' || key === 'min') {
      out.push(finish({ kind: 'floor-changed', indicator, field: key, before: num(before), after: num(after), ...at }));
    } else if (key === 'rounding' || key === 'scoreRounding') {
      out.push(finish({ kind: 'rounding-changed', indicator, parameter: key, before, after, ...at }));
    } else {
      out.push(...diffParameter(indicator, method, key, before, after, at.pathA, at.pathB));
    }
  }
  return out;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

function asList(v: unknown): Array<{ id: string } & Obj> {
  return Array.isArray(v) ? v.filter((x): x is { id: string } & Obj => isObj(x) && typeof x.id === 'string') : [];
}

/**
 * Groups, grades and levels by id. The cap of a rule group (限扣分值) is
 * reported as a cap; a rank-deduction group has no cap, so its
 * properties are plain item changes.
 */
function diffItems(indicator: Ref, method: MethodKind, list: MethodItemList, itemsA: Array<{ id: string } & Obj>, itemsB: Array<{ id: string } & Obj>, pa: string, pb: string): Change[] {
  const out: Change[] = [];
  const pairs = matchById(itemsA, itemsB);
  // grades are taken in order (rank-to-grade gives the top share the first grade); groups and levels are looked up by id
  const moved = list === 'grades' ? movedKeys(pairs) : new Set<string>();
  for (const m of pairs) {
    const item: Ref = { id: (m.b ?? m.a)?.item.id ?? m.key, name: nameOf((m.b ?? m.a)?.item, '') };
    if (!m.a && m.b) out.push(finish({ kind: 'method-item-added', indicator, method, list, item, pathB: ptr(pb, m.b.index) }));
    else if (m.a && !m.b) out.push(finish({ kind: 'method-item-removed', indicator, method, list, item, pathA: ptr(pa, m.a.index) }));
    else if (m.a && m.b) {
      const ia = ptr(pa, m.a.index);
      const ib = ptr(pb, m.b.index);
      if (moved.has(m.key)) out.push(finish({ kind: 'method-item-changed', indicator, method, list, item, property: 'position', before: m.a.index, after: m.b.index, pathA: ia, pathB: ib }));
      for (const property of unionKeys(m.a.item, m.b.item, ['id'])) {
        const before = m.a.item[property];
        const after = m.b.item[property];
        if (sameValue(before, after)) continue;
        const at = { pathA: ptr(ia, property), pathB: ptr(ib, property) };
        if (list === 'groups' && property === 'cap') out.push(finish({ kind: 'cap-changed', indicator, group: item, before: num(before), after: num(after), ...at }));
        else out.push(finish({ kind: 'method-item-changed', indicator, method, list, item, property, before, after, ...at }));
      }
    }
  }
  return out;
}

/**
 * Any other parameter: objects of the same shape (same `kind`, if tagged) are
 * compared key by key, so `smallSample/minVotes 30 → 20` is reported rather
 * than the whole block; arrays without ids are values and compared whole.
 */
function diffParameter(indicator: Ref, method: MethodKind, parameter: string, a: unknown, b: unknown, pa: string, pb: string): Change[] {
  if (sameValue(a, b)) return [];
  const last = parameter.split('/').pop() ?? parameter;
  if (isObj(a) && isObj(b) && a.kind === b.kind && !WHOLE.has(last)) {
    return unionKeys(a, b).flatMap((k) => diffParameter(indicator, method, `${parameter}/${k}`, a[k], b[k], ptr(pa, k), ptr(pb, k)));
  }
  return [finish({ kind: 'method-parameter-changed', indicator, method, parameter, before: a, after: b, pathA: pa, pathB: pb })];
}
