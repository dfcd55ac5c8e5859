import type { RosterUnit } from '../data/dataset.ts';
import { dataIssue, joinPointer } from '../issue.ts';
import { shareCount } from '../numbers.ts';
import type { IndexedFact } from '../facts/facts-index.ts';
import type { Quota } from '../scheme/methods/graded-rating.ts';
import type { MethodContext } from './method.ts';
import { compileCondition } from '../conditions/index.ts';
import { unitScope } from '../facts/scope.ts';

/** A unit's grade as given in one fact, checked against a quota (强制分布). */
export interface QuotaMember {
  unit: RosterUnit;
  item: IndexedFact;
  grade: { id: string; name: string };
}

function scopeKey(q: Quota, r: QuotaMember): string {
  switch (q.scope.kind) {
    case 'parent':
      return r.unit.parent ?? '';
    case 'field':
      return String(r.item.fact[q.scope.field] ?? '');
    case 'all':
      return '*';
    default: {
      const never: never = q.scope;
      return never;
    }
  }
}

/**
 * B.10: count the grades in each scope (per parent, per rater, or all) and
 * report every share outside its bounds as an input error at the scope's
 * first fact of that grade. `label` names a period when grades are given per period.
 */
export function checkQuota(q: Quota, grades: ReadonlyArray<{ id: string; name: string }>, rated: readonly QuotaMember[], ctx: MethodContext, label = ''): void {
  const groups = new Map<string, QuotaMember[]>();
  // a quota the document states for some units only (one category) binds only those
  const applies = q.when ? compileCondition(q.when) : undefined;
  for (const r of rated) {
    if (applies && !applies(unitScope(r.unit, ctx.roster.parentOf(r.unit)))) continue;
    const k = scopeKey(q, r);
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  for (const [key, members] of groups) {
    const n = members.length;
    const count = (g: string) => members.filter((r) => r.grade.id === g).length;
    const firstOf = (g: string) => members.find((r) => r.grade.id === g) ?? members[0];
    const limits: Array<{ grade: string; lo: number; hi: number }> = [];
    switch (q.rule.kind) {
      case 'shares':
        for (const s of q.rule.shares) {
          const c = shareCount(n, s.percent, q.rule.rounding);
          limits.push({ grade: s.grade, lo: s.bound === 'at-most' ? 0 : c, hi: s.bound === 'at-least' ? n : c });
        }
        break;
      case 'even-split': {
        const k = grades.length;
        for (const g of grades) limits.push({ grade: g.id, lo: Math.floor(n / k), hi: Math.ceil(n / k) });
        break;
      }
      default: {
        const never: never = q.rule;
        return never;
      }
    }
    for (const l of limits) {
      const c = count(l.grade);
      if (c < l.lo || c > l.hi) {
        const at = firstOf(l.grade) as QuotaMember;
        const name = grades.find((g) => g.id === l.grade)?.name ?? l.grade;
        ctx.report(
          dataIssue(
            'quota-broken',
            joinPointer('', 'facts', at.item.ref.index),
            `“${ctx.leaf.name}”${label ? label + ' ' : ''}等次比例不符(${q.source}):${key || '全体'} 共 ${n} 个${ctx.words.unit},“${name}”${c} 个,应为 ${l.lo}–${l.hi} 个`,
            `quota broken for ${ctx.leaf.id}${label ? ' (' + label + ')' : ''} in scope "${key}": ${n} units, ${c} rated ${l.grade}, allowed ${l.lo}–${l.hi}`,
          ),
        );
      }
    }
  }
}
