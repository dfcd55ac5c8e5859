import { checkClasses } from './check-classes.ts';
import { checkSeason } from './check-season.ts';
import { checkFieldSchema } from './field-schema.ts';
import { checkCondition } from '../conditions/index.ts';
import { parsePointer } from './pointer.ts';
import type { SemanticContext } from './semantic-context.ts';

/** Season flow, rankings, classes, consequences, windows and assumptions: every reference resolves. */
export function checkFlow(ctx: SemanticContext): void {
  const s = ctx.scheme;
  const indicator = (id: string, path: string) => {
    if (!ctx.indicatorIds.has(id)) ctx.error('unknown-indicator', path, `指标“${id}”未定义`, `indicator "${id}" is not declared`);
  };
  const outcome = (id: string, path: string) => {
    if (!ctx.classificationIds.has(id)) ctx.warn('unknown-outcome', path, `历史结果“${id}”不是本方案的等次(请确认与往年一致)`, `outcome "${id}" is not one of this scheme's classifications`);
  };
  ctx.unique(s.categories, '/categories', '类别');
  s.categories.forEach((c, i) => {
    const seen = new Set<string>();
    (c.owners ?? []).forEach((o, j) => {
      indicator(o.indicator, `/categories/${i}/owners/${j}/indicator`);
      if (seen.has(o.indicator)) ctx.error('duplicate-id', `/categories/${i}/owners/${j}/indicator`, `类别“${c.name}”的指标“${o.indicator}”重复指定组织实施单位`, `category ${c.id} names the owner of "${o.indicator}" twice`);
      seen.add(o.indicator);
    });
  });
  ctx.unique(s.parentCategories ?? [], '/parentCategories', '主管单位类别');
  ctx.unique(s.factTypes, '/factTypes', '事实类型');
  const compiled = new Map<string, string | null>();
  s.factTypes.forEach((ft, i) => {
    ctx.issues.push(...checkFieldSchema(ft, `/factTypes/${i}/fields`, compiled));
    if (ft.dateField !== undefined && !Object.hasOwn(ft.fields.properties, ft.dateField)) {
      ctx.error('unknown-field', `/factTypes/${i}/dateField`, `日期字段“${ft.dateField}”未在 fields 中定义`, `dateField "${ft.dateField}" is not a declared field`);
    }
    if (ft.window && ft.window.from > ft.window.to) ctx.error('range-order', `/factTypes/${i}/window`, '时间窗口起点晚于终点', 'window starts after it ends');
  });
  if (s.window && s.window.from > s.window.to) ctx.error('range-order', '/window', '时间窗口起点晚于终点', 'window starts after it ends');

  ctx.unique(s.exemptions ?? [], '/exemptions', '免评规则');
  (s.exemptions ?? []).forEach((e, i) => {
    if (e.kind === 'history') outcome(e.outcome, `/exemptions/${i}/outcome`);
    else ctx.issues.push(...checkCondition(e.when, `/exemptions/${i}/when`, new Set(['$unit', '$parent'])));
  });

  const selections = new Set<string>();
  ctx.unique(s.selections ?? [], '/selections', '筛选');
  (s.selections ?? []).forEach((x, i) => {
    selections.add(x.id);
    if (x.basis.kind === 'indicator') {
      indicator(x.basis.id, `/selections/${i}/basis/id`);
      if (ctx.underSelection.has(x.basis.id)) {
        ctx.error('basis-after-selection', `/selections/${i}/basis/id`, `筛选依据“${x.basis.id}”要在筛选之后才计分`, `selection basis "${x.basis.id}" is itself scored only after a selection`);
      }
    }
    else ctx.error('selection-basis-total', `/selections/${i}/basis`, '筛选须依据某一指标(如日常评价),总成绩要到筛选之后才有', 'a selection needs an indicator basis; the total exists only after selection');
    x.tieBreak.keys.forEach((k, j) => indicator(k.id, `/selections/${i}/tieBreak/keys/${j}/id`));
    if (x.carryOver) outcome(x.carryOver.outcome, `/selections/${i}/carryOver/outcome`);
  });

  const rankings = new Set<string>();
  ctx.unique(s.rankings, '/rankings', '排名');
  s.rankings.forEach((r, i) => {
    rankings.add(r.id);
    if (r.basis.kind === 'indicator') indicator(r.basis.id, `/rankings/${i}/basis/id`);
    if (r.pool.kind === 'selection' && !selections.has(r.pool.id)) ctx.error('unknown-selection', `/rankings/${i}/pool/id`, `筛选“${r.pool.id}”未定义`, `selection "${r.pool.id}" is not declared`);
    r.tieBreak.keys.forEach((k, j) => indicator(k.id, `/rankings/${i}/tieBreak/keys/${j}/id`));
  });

  checkClasses(ctx, rankings);
  checkSeason(ctx, selections);

  ctx.unique(s.assumptions ?? [], '/assumptions', '假定参数');
  (s.assumptions ?? []).forEach((a, i) => {
    if (parsePointer(s, a.pointer) === undefined) ctx.error('dangling-pointer', `/assumptions/${i}/pointer`, `JSON Pointer“${a.pointer}”在方案中找不到`, `pointer "${a.pointer}" does not resolve in this scheme`);
  });
}
