import { checkCondition } from '../conditions/index.ts';
import type { Indicator } from '../scheme/indicator.ts';
import { methodFactTypes } from '../methods/fact-types.ts';
import type { Method } from '../scheme/methods/index.ts';
import { unitFactType } from './check-classes.ts';
import { checkPools, possibleReason } from './check-pools.ts';
import { checkCompareRule } from './check-validity-compare.ts';
import type { SemanticContext } from './semantic-context.ts';

function walk(list: readonly Indicator[], at: string, visit: (m: Method, at: string) => void): void {
  list.forEach((n, i) => {
    const p = `${at}/${i}`;
    if (n.method) visit(n.method, `${p}/method`);
    if (n.children) walk(n.children, `${p}/children`, visit);
    (n.variants ?? []).forEach((v, j) => walk(v.children, `${p}/variants/${j}/children`, visit));
  });
}

/**
 * Season-level checks: uniqueness keys name declared fields, a selection's list is a
 * unit fact type, a ranking pool's reasons are possible, validity rules read declared
 * fields, and no scoring method reads a fact type it cannot attribute to a unit.
 */
export function checkSeason(ctx: SemanticContext, selections: ReadonlySet<string>): void {
  const s = ctx.scheme;
  const envelope = new Set(['unit', 'parent']);
  s.factTypes.forEach((ft, i) => {
    (ft.key ?? []).forEach((k, j) => {
      if (!envelope.has(k) && !(k in ft.fields.properties)) ctx.error('unknown-field', `/factTypes/${i}/key/${j}`, `唯一键字段“${k}”未在 fields 中定义`, `key field "${k}" is not a declared field`);
      if ((k === 'unit' && ft.target !== 'unit') || (k === 'parent' && ft.target !== 'parent')) {
        ctx.error('wrong-target', `/factTypes/${i}/key/${j}`, `“${ft.name}”的对象是 ${ft.target},唯一键不能用 ${k}`, `fact type ${ft.id} targets ${ft.target}; its key cannot use ${k}`);
      }
    });
  });

  (s.selections ?? []).forEach((x, i) => {
    if (!x.listed) return;
    const ft = unitFactType(ctx, x.listed.factType, `/selections/${i}/listed/factType`);
    if (x.listed.when) ctx.issues.push(...checkCondition(x.listed.when, `/selections/${i}/listed/when`, ctx.conditionFacts(ft)));
  });
  s.rankings.forEach((r, i) => {
    if (r.pool.kind !== 'selection' || !r.pool.reasons) return;
    const sel = (s.selections ?? []).find((x) => x.id === (r.pool as { id: string }).id);
    if (!sel || !selections.has(sel.id)) return;
    r.pool.reasons.forEach((why, j) => {
      if (!possibleReason(sel, why)) ctx.error('impossible-reason', `/rankings/${i}/pool/reasons/${j}`, `筛选“${sel.name}”不会以 ${why} 方式入围单位`, `selection ${sel.id} admits no unit as ${why}`);
    });
  });

  checkPools(ctx);

  ctx.unique(s.validity ?? [], '/validity', '有效性规则');
  (s.validity ?? []).forEach((v, i) => {
    const at = `/validity/${i}`;
    switch (v.kind) {
      case 'compare':
        checkCompareRule(ctx, v, at);
        break;
      case 'count': {
        const ft = ctx.factType(v.factType, `${at}/factType`);
        v.groupBy.forEach((g, j) => {
          if (!envelope.has(g)) ctx.field(ft, g, `${at}/groupBy/${j}`);
        });
        if (v.when) ctx.issues.push(...checkCondition(v.when, `${at}/when`, ctx.conditionFacts(ft)));
        if (v.min === undefined && v.max === undefined) ctx.error('count-unbounded', at, '须给出 min 或 max', 'give min or max');
        if (v.every && !v.groupBy.includes(v.every.field)) ctx.error('unknown-field', `${at}/every/field`, `“${v.every.field}”须是 groupBy 中的字段`, `"${v.every.field}" must be one of groupBy`);
        if (v.min !== undefined && v.max !== undefined && v.min > v.max) ctx.error('range-order', at, `下限 ${v.min} 大于上限 ${v.max}`, `min ${v.min} > max ${v.max}`);
        break;
      }
      default: {
        const never: never = v;
        return never;
      }
    }
  });

  // a method scores units: a season record belongs to none; rank-deduction reads parents only (checked with the method)
  walk(s.indicators, '/indicators', (m, at) => {
    if (m.kind === 'rank-to-grade' && m.remainder !== undefined && !m.grades.some((g) => g.id === m.remainder)) {
      ctx.error('unknown-grade', `${at}/remainder`, `等次“${m.remainder}”未定义`, `grade "${m.remainder}" is not declared`);
    }
    if (m.kind === 'vote-ratio' && m.noVotes.kind === 'small-sample' && !m.smallSample) {
      ctx.error('no-small-sample', `${at}/noVotes`, '无票按小样本公式计分时须定义 smallSample', 'noVotes "small-sample" needs smallSample');
    }
    const quota = m.kind === 'graded-rating' ? ['quota', m.quota] : m.kind === 'rank-to-grade' ? ['preliminaryQuota', m.preliminaryQuota] : undefined;
    if (quota?.[1] && typeof quota[1] === 'object' && quota[1].when) ctx.issues.push(...checkCondition(quota[1].when, `${at}/${String(quota[0])}/when`, new Set(['$unit', '$parent'])));
    for (const [id, path] of methodFactTypes(m, at)) {
      const ft = ctx.factTypes.get(id);
      if (ft?.target === 'season') {
        ctx.error('wrong-target', path, `事实类型“${ft.name}”属于本轮评议(season),计分方法无法归属到单位`, `fact type "${ft.id}" is about the season; a scoring method cannot attribute it to a unit`);
      }
    }
  });
}
