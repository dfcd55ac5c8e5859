/**
 * Deduction and bonus rules (and the adjustment events of rank-to-grade),
 * matched by id within their indicator. Each difference names the aspect of
 * the rule it touches, because a reviewer reads "the condition changed" very
 * differently from "the clause it cites was reworded".
 */
import type { AdjustmentRule, Modifier } from '../scheme/adjustment-rule.ts';
import type { Change, Ref, RuleAspect, RuleList } from './change.ts';
import { finish, matchById, movedKeys, ptr, sameValue, unionKeys } from './diff-util.ts';

/** The aspect of each property of a rule; `id`, `points` and `modifiers` are compared on their own. */
const ASPECT: Partial<Record<keyof AdjustmentRule, RuleAspect>> = {
  name: 'name',
  source: 'source',
  factType: 'fact-type',
  when: 'condition',
  quantityField: 'quantity',
  group: 'group',
};

export function diffRules(indicator: Ref, list: RuleList, rulesA: readonly AdjustmentRule[] | undefined, rulesB: readonly AdjustmentRule[] | undefined, pa: string, pb: string): Change[] {
  const out: Change[] = [];
  const pairs = matchById(rulesA, rulesB);
  // under `hitPolicy: first` the first matching rule wins, so the order of rules is part of their meaning
  const moved = movedKeys(pairs);
  for (const m of pairs) {
    if (!m.a && m.b) out.push(finish({ kind: 'rule-added', indicator, list, rule: ref(m.b.item), pathB: ptr(pb, m.b.index) }));
    else if (m.a && !m.b) out.push(finish({ kind: 'rule-removed', indicator, list, rule: ref(m.a.item), pathA: ptr(pa, m.a.index) }));
    else if (m.a && m.b) {
      const ra = ptr(pa, m.a.index);
      const rb = ptr(pb, m.b.index);
      const rule = ref(m.b.item);
      if (moved.has(m.key)) out.push(finish({ kind: 'rule-changed', indicator, list, rule, aspect: 'position', before: m.a.index, after: m.b.index, pathA: ra, pathB: rb }));
      out.push(...diffRule(indicator, list, rule, m.a.item, m.b.item, ra, rb));
    }
  }
  return out;
}

const ref = (r: { id: string; name: string }): Ref => ({ id: r.id, name: r.name });

function diffRule(indicator: Ref, list: RuleList, rule: Ref, a: AdjustmentRule, b: AdjustmentRule, pa: string, pb: string): Change[] {
  const out: Change[] = [];
  const base = { kind: 'rule-changed', indicator, list, rule } as const;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  for (const key of unionKeys(ra, rb, ['id', 'points', 'modifiers'])) {
    if (sameValue(ra[key], rb[key])) continue;
    // a property added to the rule format after this diff was written is still reported, under its name
    const aspect = ASPECT[key as keyof AdjustmentRule] ?? 'other';
    out.push(finish({ ...base, aspect, ...(aspect === 'other' ? { property: key } : {}), before: ra[key], after: rb[key], pathA: ptr(pa, key), pathB: ptr(pb, key) }));
  }
  if (!sameValue(a.points, b.points)) {
    // the bounds of a range moved, as opposed to a different amount or kind of points
    const aspect: RuleAspect = a.points.kind === 'range' && b.points.kind === 'range' && a.points.field === b.points.field ? 'range' : 'points';
    out.push(finish({ ...base, aspect, before: a.points, after: b.points, pathA: ptr(pa, 'points'), pathB: ptr(pb, 'points') }));
  }
  out.push(...diffModifiers(base, a.modifiers, b.modifiers, pa, pb));
  return out;
}

/**
 * Modifiers by id. Their order is not compared: factors multiply and an
 * exemption zeroes the points, whatever the order in which they apply.
 */
function diffModifiers(
  base: { kind: 'rule-changed'; indicator: Ref; list: RuleList; rule: Ref },
  modsA: readonly Modifier[] | undefined,
  modsB: readonly Modifier[] | undefined,
  pa: string,
  pb: string,
): Change[] {
  const out: Change[] = [];
  for (const m of matchById(modsA, modsB)) {
    const at = { ...(m.a ? { pathA: ptr(pa, 'modifiers', m.a.index) } : {}), ...(m.b ? { pathB: ptr(pb, 'modifiers', m.b.index) } : {}) };
    const before = m.a?.item;
    const after = m.b?.item;
    if (sameValue(before, after)) continue;
    if (!before || !after || before.kind !== after.kind) {
      out.push(finish({ ...base, aspect: 'modifiers', modifier: m.key, before, after, ...at }));
      continue;
    }
    const ra = before as Record<string, unknown>;
    const rb = after as Record<string, unknown>;
    for (const property of unionKeys(ra, rb, ['id', 'kind'])) {
      if (sameValue(ra[property], rb[property])) continue;
      out.push(finish({ ...base, aspect: 'modifiers', modifier: m.key, property, before: ra[property], after: rb[property], pathA: ptr(at.pathA ?? '', property), pathB: ptr(at.pathB ?? '', property) }));
    }
  }
  return out;
}
