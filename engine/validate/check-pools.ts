import type { Selection } from '../scheme/flow.ts';
import type { Indicator } from '../scheme/indicator.ts';
import { SELECTION_REASONS, type SelectionReason } from '../scheme/scoring-pool.ts';
import type { SemanticContext } from './semantic-context.ts';

/** Whether a selection can admit a unit this way (top 0 admits none). */
export function possibleReason(sel: Selection, why: SelectionReason): boolean {
  switch (why) {
    case 'top':
      return sel.top > 0;
    case 'bottom':
      return sel.bottom > 0;
    case 'carry-over':
      return sel.carryOver !== undefined;
    case 'listed':
      return sel.listed !== undefined;
    default: {
      const never: never = why;
      return never;
    }
  }
}

/**
 * 分池: the pools of a selection-bound indicator split its members by how they
 * entered, so every way the selection can admit a unit belongs to exactly one pool
 * (a member in no pool would go unscored, one in two pools scored twice), and a
 * pool names only ways the selection can produce.
 */
export function checkPools(ctx: SemanticContext): void {
  const visit = (list: readonly Indicator[], at: string): void => {
    list.forEach((n, i) => {
      const here = `${at}/${i}`;
      const pools = n.requires?.pools;
      const sel = (ctx.scheme.selections ?? []).find((x) => x.id === n.requires?.selection);
      if (pools && sel) {
        ctx.unique(pools, `${here}/requires/pools`, '分池');
        const owner = new Map<SelectionReason, number>();
        pools.forEach((p, j) => {
          p.reasons.forEach((why, k) => {
            const path = `${here}/requires/pools/${j}/reasons/${k}`;
            if (!possibleReason(sel, why)) ctx.error('impossible-reason', path, `筛选“${sel.name}”不会以 ${why} 方式入围单位`, `selection ${sel.id} admits no unit as ${why}`);
            const first = owner.get(why);
            if (first !== undefined) {
              ctx.error('pool-reason-twice', path, `入围方式 ${why} 已属于分池“${pools[first]?.name}”:每个单位只能在一个池中计分`, `${why} already belongs to pool ${pools[first]?.id}; a member is scored in one pool only`);
            } else owner.set(why, j);
          });
        });
        for (const why of SELECTION_REASONS) {
          if (possibleReason(sel, why) && !owner.has(why)) {
            ctx.error('pool-reason-missing', `${here}/requires/pools`, `筛选“${sel.name}”会以 ${why} 方式入围单位,但没有分池收纳这些单位(它们将无法计分)`, `selection ${sel.id} admits units as ${why} but no pool takes them (they would go unscored)`);
          }
        }
      }
      visit(n.children ?? [], `${here}/children`);
      (n.variants ?? []).forEach((v, j) => visit(v.children, `${here}/variants/${j}/children`));
    });
  };
  visit(ctx.scheme.indicators, '/indicators');
}
