import { checkCondition } from '../conditions/index.ts';
import type { Indicator } from '../scheme/indicator.ts';
import { checkMethod } from './check-methods.ts';
import { near, type SemanticContext } from './semantic-context.ts';

/**
 * The indicator tree: each node has points or a percent (not both), children
 * or variants or a method (exactly one); children — of the node or of each
 * variant — add up to their parent (sum) or each equal it (mean); every
 * variant but the last has a condition on the unit, the last is the default;
 * the top level adds up to the scheme's total.
 */
export function checkTree(ctx: SemanticContext): void {
  const s = ctx.scheme;
  const visit = (n: Indicator, at: string, parentMax: number, requiresAbove: boolean): number => {
    if (ctx.indicatorIds.has(n.id)) ctx.error('duplicate-id', `${at}/id`, `指标标识“${n.id}”重复(另见 ${ctx.indicatorIds.get(n.id)})`, `duplicate indicator id "${n.id}"`);
    else ctx.indicatorIds.set(n.id, at);
    if (n.points !== undefined && n.percent !== undefined) ctx.error('points-and-percent', `${at}/percent`, '分值与百分比只能写一个', 'give points or percent, not both');
    if (n.points === undefined && n.percent === undefined) ctx.error('missing-points', `${at}/points`, '指标须有分值或百分比', 'an indicator needs points or percent');
    const max = n.points ?? ((n.percent ?? 0) * parentMax) / 100;
    const hasChildren = (n.children?.length ?? 0) > 0;
    const hasVariants = (n.variants?.length ?? 0) > 0;
    if ([hasChildren, hasVariants, n.method !== undefined].filter(Boolean).length !== 1) {
      ctx.error('leaf-or-branch', at, '指标须有子指标、变体或计分方法之一(且仅一个)', 'an indicator has children, variants or a method, exactly one');
    }
    if (!hasChildren && !hasVariants && n.aggregate !== undefined) ctx.warn('aggregate-on-leaf', `${at}/aggregate`, '末级指标的汇总方式不起作用', 'aggregate has no effect on a leaf');
    if (n.requires && requiresAbove) ctx.warn('nested-requires', `${at}/requires`, '上级指标已限定入选范围', 'an ancestor already requires a selection');
    if (n.requires && !(s.selections ?? []).some((x) => x.id === n.requires?.selection)) {
      ctx.error('unknown-selection', `${at}/requires/selection`, `筛选“${n.requires.selection}”未定义`, `selection "${n.requires.selection}" is not declared`);
    }
    if (n.method) checkMethod(ctx, n.method, `${at}/method`, max);
    const below = requiresAbove || n.requires !== undefined;
    if (below) ctx.underSelection.add(n.id);
    if (n.children && hasChildren) checkChildren(n, n.children, `${at}/children`, max, below);
    if (n.variants && hasVariants) {
      ctx.unique(n.variants, `${at}/variants`, '变体');
      n.variants.forEach((v, i) => {
        const vp = `${at}/variants/${i}`;
        const last = i === (n.variants?.length ?? 0) - 1;
        if (last && v.when !== undefined) {
          ctx.error('variant-default', `${vp}/when`, '最后一个变体是缺省变体,不写条件(其他单位都用它)', 'the last variant is the default and has no condition');
        }
        if (!last && v.when === undefined) {
          ctx.error('variant-condition', `${vp}/when`, '除最后一个(缺省)变体外,每个变体须有条件 when', 'every variant but the last (the default) needs a condition');
        }
        if (v.when) ctx.issues.push(...checkCondition(v.when, `${vp}/when`, new Set(['$unit', '$parent'])));
        checkChildren(n, v.children, `${vp}/children`, max, below);
      });
    }
    return max;
  };
  const checkChildren = (n: Indicator, children: readonly Indicator[], at: string, max: number, requiresAbove: boolean): void => {
    const kids = children.map((c, i) => ({ c, max: visit(c, `${at}/${i}`, max, requiresAbove), i }));
    if ((n.aggregate ?? 'sum') === 'sum') {
      const inside = kids.filter((k) => !k.c.outsideTotal);
      const total = inside.reduce((a, k) => a + k.max, 0);
      if (!near(total, max)) {
        ctx.error('points-sum', at, `子指标分值之和 ${round(total)} 不等于“${n.name}”的分值 ${round(max)}`, `children add up to ${round(total)}, not ${round(max)} of "${n.id}"`);
      }
    } else {
      for (const k of kids) {
        if (!near(k.max, max)) ctx.error('mean-child-max', `${at}/${k.i}`, `求平均的子指标分值应与上级相同(${round(max)})`, `children of a mean must each have the parent's max ${round(max)}`);
      }
    }
  };
  const tops = s.indicators.map((n, i) => ({ n, max: visit(n, `/indicators/${i}`, s.totalPoints, false) }));
  checkProportionalBases(ctx, s.indicators, '/indicators');
  const inside = tops.filter((t) => !t.n.outsideTotal).reduce((a, t) => a + t.max, 0);
  if (!near(inside, s.totalPoints)) {
    ctx.error('points-sum', '/indicators', `一级指标分值之和 ${round(inside)} 不等于总分 ${s.totalPoints}`, `top-level indicators add up to ${round(inside)}, not totalPoints ${s.totalPoints}`);
  }
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * `otherwise: proportional` scores the units left out of a selection from
 * another indicator; that indicator must be known before the selection
 * (not itself selection-bound), or the run would chase its own tail.
 */
function checkProportionalBases(ctx: SemanticContext, list: readonly Indicator[], at: string): void {
  list.forEach((n, i) => {
    const here = `${at}/${i}`;
    const p = n.requires?.otherwise;
    if (p?.kind === 'proportional') {
      if (!ctx.indicatorIds.has(p.basis)) ctx.error('unknown-indicator', `${here}/requires/otherwise/basis`, `指标“${p.basis}”未定义`, `indicator "${p.basis}" is not declared`);
      else if (ctx.underSelection.has(p.basis)) {
        ctx.error('basis-after-selection', `${here}/requires/otherwise/basis`, `折算依据“${p.basis}”本身要在筛选之后才计分,不能作为未入选单位的依据`, `basis "${p.basis}" is itself scored only after a selection`);
      }
    }
    checkProportionalBases(ctx, n.children ?? [], `${here}/children`);
    (n.variants ?? []).forEach((v, j) => checkProportionalBases(ctx, v.children, `${here}/variants/${j}/children`));
  });
}
