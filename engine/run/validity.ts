import { compileCondition } from '../conditions/index.ts';
import type { Dataset, Fact } from '../data/dataset.ts';
import { dataIssue, joinPointer, type Issue } from '../issue.ts';
import type { Scheme } from '../scheme/scheme.ts';
import type { ValidityRule } from '../scheme/validity.ts';
import { checkCompare, validityFactTypes } from './validity-compare.ts';

export interface ValidityOutcome {
  issues: Issue[];
  /** Indexes of facts voided by a broken `count` rule with `onBreak: void`: they are not scored. */
  voided: Set<number>;
}

/**
 * Validity rules over the season's records, checked before scoring: a quorum, ballots
 * returned ≤ issued, picks per ballot, sampling counts. A broken rule is an error at the
 * record (the run is invalid), or voids the records of its group, as the rule declares.
 */
export function checkValidity(scheme: Scheme, data: Dataset): ValidityOutcome {
  const issues: Issue[] = [];
  const voided = new Set<number>();
  const rules = scheme.validity ?? [];
  if (rules.length === 0) return { issues, voided };
  const read = new Set(rules.flatMap(validityFactTypes));
  const byType = new Map<string, number[]>();
  data.facts.forEach((f, i) => {
    if (!read.has(f.type)) return;
    const list = byType.get(f.type);
    if (list) list.push(i);
    else byType.set(f.type, [i]);
  });
  for (const rule of rules) {
    if (rule.kind === 'compare') checkCompare(rule, scheme, data, byType, issues, voided);
    else checkCount(rule, data, byType.get(rule.factType) ?? [], issues, voided);
  }
  return { issues, voided };
}

/** A `count` rule: per group of records, the number matching `when` lies in min–max, or the run is invalid / the group void. */
function checkCount(rule: Extract<ValidityRule, { kind: 'count' }>, data: Dataset, indexes: readonly number[], issues: Issue[], voided: Set<number>): void {
  const when = rule.when ? compileCondition(rule.when) : undefined;
  const groups = new Map<string, { first: number; members: number[]; count: number }>();
  for (const i of indexes) {
    const f = data.facts[i] as Fact;
    const key = JSON.stringify(rule.groupBy.map((g) => f[g] ?? null));
    const g = groups.get(key) ?? { first: i, members: [], count: 0 };
    g.members.push(i);
    if (!when || when(f)) g.count += 1;
    groups.set(key, g);
  }
  if (rule.every) {
    // groups that must exist even without a record (a month with no call-back counts 0)
    const every = rule.every;
    const axes = rule.groupBy.map((f) =>
      f === every.field ? every.values : f === 'unit' ? data.units.map((u) => u.id) : [...new Set([...groups.keys()].map((k) => (JSON.parse(k) as unknown[])[rule.groupBy.indexOf(f)]))],
    );
    let combos: unknown[][] = [[]];
    for (const axis of axes) combos = combos.flatMap((c) => axis.map((v) => [...c, v]));
    for (const c of combos) {
      const key = JSON.stringify(c);
      if (!groups.has(key)) groups.set(key, { first: -1, members: [], count: 0 });
    }
  }
  for (const [key, g] of groups) {
    const lo = rule.min ?? 0;
    const hi = rule.max ?? Infinity;
    if (g.count >= lo && g.count <= hi) continue;
    const want = rule.max === undefined ? `≥ ${lo}` : rule.min === undefined ? `≤ ${hi}` : lo === hi ? `${lo}` : `${lo}–${hi}`;
    const label = rule.groupBy.map((f, j) => `${f}=${String((JSON.parse(key) as unknown[])[j])}`).join(', ');
    // an expected group without any record is pointed at the unit (when grouped by unit) or the facts
    const unitAt = rule.groupBy.indexOf('unit');
    const unitIndex = unitAt < 0 ? -1 : data.units.findIndex((u) => u.id === (JSON.parse(key) as unknown[])[unitAt]);
    const at = g.first >= 0 ? joinPointer('', 'facts', g.first) : unitIndex >= 0 ? `/units/${unitIndex}` : '/facts';
    if (rule.onBreak === 'void') {
      for (const i of g.members) voided.add(i);
      issues.push(
        dataIssue(
          'validity-void',
          at,
          `“${rule.name}”(${label})计数为 ${g.count},应为 ${want}:该组 ${g.members.length} 条记录作废,不计分(${rule.source})`,
          `${rule.id} (${label}): count ${g.count}, required ${want}; the group's ${g.members.length} records are void and not scored`,
          'warning',
        ),
      );
    } else {
      issues.push(
        dataIssue(
          'validity-broken',
          at,
          `本次评议无效:“${rule.name}”(${label})计数为 ${g.count},应为 ${want}(${rule.source})`,
          `the run is invalid: ${rule.id} (${label}) counts ${g.count}, required ${want}`,
        ),
      );
    }
  }
}
