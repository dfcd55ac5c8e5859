import { checkCondition } from '../conditions/index.ts';
import type { Basis } from '../scheme/flow-basis.ts';
import type { ScoreBand } from '../scheme/classes.ts';
import { checkBandOverlap } from './check-band-overlap.ts';
import type { SemanticContext } from './semantic-context.ts';

/**
 * Classes, vetoes and consequences: every class, ranking, indicator and fact type they
 * name exists (classes only earlier ones, since classes are decided in order), bands
 * have a bound, and facts read per unit have a unit or parent target.
 */
export function checkClasses(ctx: SemanticContext, rankings: ReadonlySet<string>): void {
  const s = ctx.scheme;
  const basis = (b: Basis, path: string) => {
    if (b.kind === 'indicator' && !ctx.indicatorIds.has(b.id)) ctx.error('unknown-indicator', `${path}/id`, `指标“${b.id}”未定义`, `indicator "${b.id}" is not declared`);
  };
  const band = (b: ScoreBand, path: string) => {
    basis(b.basis, `${path}/basis`);
    if (b.lower === undefined && b.upper === undefined) ctx.error('band-unbounded', path, '分数带须至少给出下限(lower)或上限(upper)之一', 'a band needs a lower or an upper bound');
    if (b.lower && b.upper && (b.lower.value > b.upper.value || (b.lower.value === b.upper.value && !(b.lower.inclusive && b.upper.inclusive)))) {
      ctx.error('range-order', path, `分数带为空:下限 ${b.lower.value} 不低于上限 ${b.upper.value}`, `empty band: lower ${b.lower.value} is not below upper ${b.upper.value}`);
    }
  };
  const outcome = (id: string, path: string) => {
    if (!ctx.classificationIds.has(id)) ctx.warn('unknown-outcome', path, `历史结果“${id}”不是本方案的等次(请确认与往年一致)`, `outcome "${id}" is not one of this scheme's classifications`);
  };
  const earlier = new Set<string>();
  const earlierClass = (id: string, path: string) => {
    if (!earlier.has(id)) ctx.error('unknown-class', path, `“${id}”须是在此之前定义的等次`, `"${id}" must be a classification declared earlier`);
  };
  ctx.unique(s.classifications ?? [], '/classifications', '等次认定');
  (s.classifications ?? []).forEach((c, i) => {
    const at = `/classifications/${i}`;
    if (c.within !== undefined) earlierClass(c.within, `${at}/within`);
    (c.excludes ?? []).forEach((x, j) => earlierClass(x, `${at}/excludes/${j}`));
    switch (c.kind) {
      case 'place':
        if (!rankings.has(c.ranking)) ctx.error('unknown-ranking', `${at}/ranking`, `排名“${c.ranking}”未定义`, `ranking "${c.ranking}" is not declared`);
        if ((c.count === undefined) === (c.percent === undefined)) ctx.error('count-or-percent', at, '须给出名额(count)或比例(percent)之一', 'give count or percent, exactly one');
        if (c.among) band(c.among, `${at}/among`);
        if (c.history) history(ctx, c.history, `${at}/history`, outcome);
        break;
      case 'band':
        band(c.band, `${at}/band`);
        break;
      case 'history':
        earlierClass(c.of, `${at}/of`);
        history(ctx, c.history, `${at}/history`, outcome);
        break;
      default: {
        const never: never = c;
        return never;
      }
    }
    earlier.add(c.id);
  });
  checkBandOverlap(ctx, s.classifications ?? []);

  ctx.unique(s.vetoes ?? [], '/vetoes', '一票否决');
  const order = new Map((s.classifications ?? []).map((c, i) => [c.id, i]));
  const known = (id: string, path: string) => {
    if (!order.has(id)) ctx.error('unknown-class', path, `等次“${id}”未定义`, `classification "${id}" is not declared`);
  };
  (s.vetoes ?? []).forEach((v, i) => {
    const at = `/vetoes/${i}`;
    const ft = unitFactType(ctx, v.factType, `${at}/factType`);
    if (v.when) ctx.issues.push(...checkCondition(v.when, `${at}/when`, ctx.conditionFacts(ft)));
    const e = v.effect;
    switch (e.kind) {
      case 'force':
        known(e.class, `${at}/effect/class`);
        (e.removeFrom ?? []).forEach((x, j) => known(x, `${at}/effect/removeFrom/${j}`));
        break;
      case 'remove':
        e.classes.forEach((x, j) => known(x, `${at}/effect/classes/${j}`));
        break;
      case 'cap':
        known(e.class, `${at}/effect/class`);
        e.above.forEach((x, j) => {
          known(x, `${at}/effect/above/${j}`);
          // a cap moves units that would have been in `above`: those classes are decided first
          if ((order.get(x) ?? -1) > (order.get(e.class) ?? Infinity)) {
            ctx.error('cap-order', `${at}/effect/above/${j}`, `封顶前的等次“${x}”须定义在封顶等次“${e.class}”之前`, `class "${x}" above the cap must be declared before "${e.class}"`);
          }
        });
        break;
      default: {
        const never: never = e;
        return never;
      }
    }
  });

  ctx.unique(s.consequences ?? [], '/consequences', '结果运用');
  const consequenceIds = new Set((s.consequences ?? []).map((q) => q.id));
  (s.consequences ?? []).forEach((q, i) => {
    const at = `/consequences/${i}`;
    if ((q.class === undefined) === (q.onFact === undefined)) ctx.error('class-or-fact', at, '结果运用须由等次(class)或事实(onFact)之一触发', 'a consequence is triggered by a class or by a fact (onFact), exactly one');
    if (q.class !== undefined) known(q.class, `${at}/class`);
    if (q.onFact) {
      const ft = unitFactType(ctx, q.onFact.factType, `${at}/onFact/factType`);
      if (q.onFact.when) ctx.issues.push(...checkCondition(q.onFact.when, `${at}/onFact/when`, ctx.conditionFacts(ft)));
    }
    if (q.replaces !== undefined && !consequenceIds.has(q.replaces)) ctx.error('unknown-consequence', `${at}/replaces`, `结果运用“${q.replaces}”未定义`, `consequence "${q.replaces}" is not declared`);
  });
}

function history(ctx: SemanticContext, h: { outcome: string; yearsAgo: number[]; atLeast?: number | undefined }, path: string, outcome: (id: string, path: string) => void): void {
  outcome(h.outcome, `${path}/outcome`);
  if (h.atLeast !== undefined && h.atLeast > h.yearsAgo.length) {
    ctx.error('history-at-least', `${path}/atLeast`, `至少 ${h.atLeast} 年超过所列年度数 ${h.yearsAgo.length}`, `atLeast ${h.atLeast} exceeds the ${h.yearsAgo.length} listed years`);
  }
}

/** A fact type read per unit (veto, fact-triggered consequence, listed selection, scoring method): unit or parent target. */
export function unitFactType(ctx: SemanticContext, id: string, path: string) {
  const ft = ctx.factType(id, path);
  if (ft?.target === 'season') {
    ctx.error('wrong-target', path, `事实类型“${ft.name}”属于本轮评议(season),不属于任何单位,此处不能使用`, `fact type "${ft.id}" is about the season, not a unit; it cannot be used here`);
  }
  return ft;
}
