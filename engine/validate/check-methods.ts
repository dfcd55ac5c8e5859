import { checkCondition } from '../conditions/index.ts';
import { assertNever } from '../numbers.ts';
import type { AdjustmentRule, Dedupe, NotScoredRecords, RuleGroup } from '../scheme/adjustment-rule.ts';
import type { Method } from '../scheme/methods/index.ts';
import { checkFormula } from './check-formula.ts';
import { checkRulePoints } from './check-rule-points.ts';
import { near, type SemanticContext } from './semantic-context.ts';

/** Semantic checks of one leaf's method: references resolve, ranges are ordered, shares add up. */
export function checkMethod(ctx: SemanticContext, m: Method, at: string, max: number): void {
  switch (m.kind) {
    case 'vote-ratio': {
      const ft = ctx.factType(m.factType, `${at}/factType`);
      ctx.field(ft, m.levelField, `${at}/levelField`);
      ctx.field(ft, m.countField, `${at}/countField`);
      if (m.filter) ctx.issues.push(...checkCondition(m.filter, `${at}/filter`, ctx.conditionFacts(ft)));
      ctx.unique(m.levels, `${at}/levels`, '档次');
      if (m.smallSample && !near(m.smallSample.populationWeight + m.smallSample.ownWeight, 1)) {
        ctx.error('weights-sum', `${at}/smallSample`, `折算权重之和应为 1(现为 ${m.smallSample.populationWeight + m.smallSample.ownWeight})`, 'blend weights must add up to 1');
      }
      if (m.volumeWeight) {
        const vt = ctx.factType(m.volumeWeight.factType, `${at}/volumeWeight/factType`);
        ctx.field(vt, m.volumeWeight.field, `${at}/volumeWeight/field`);
        m.volumeWeight.bands.forEach((b, i) => {
          if (b.max !== undefined && b.min > b.max) ctx.error('range-order', `${at}/volumeWeight/bands/${i}`, `区间下限大于上限`, 'band min > max');
        });
      }
      return;
    }
    case 'deduction':
      if (m.base !== undefined && m.floor > m.base) ctx.error('range-order', `${at}/floor`, '最低分高于基础分', 'floor above base');
      checkTable(ctx, m.rules, m.groups, m.dedupe, at, 'rules');
      checkRulePoints(ctx, m.rules, `${at}/rules`, m.base ?? max, '扣分');
      checkNotScored(ctx, m.rules, m.notScored, at);
      return;
    case 'bonus':
      if (m.min !== undefined && m.cap !== undefined && m.min > m.cap) ctx.error('range-order', `${at}/min`, '下限高于上限', 'min above cap');
      // a bonus table has no natural ceiling: without a cap at or below the indicator's points it can outgrow them,
      // which a document allows only in words ("上不封顶"), so the scheme must say so too
      if (!m.mayExceedMax && (m.cap === undefined || m.cap > max + 1e-9)) {
        const zh = m.cap === undefined ? `加分未设上限,可能超过本指标分值 ${max}` : `加分上限 ${m.cap} 高于本指标分值 ${max}`;
        const en = m.cap === undefined ? `the bonus has no cap and can exceed the indicator's ${max} points` : `the bonus cap ${m.cap} is above the indicator's ${max} points`;
        ctx.error('bonus-over-max', m.cap === undefined ? at : `${at}/cap`, `${zh};如文件明示可超过,写 mayExceedMax: true`, `${en}; write mayExceedMax: true if the document allows it`);
      }
      checkTable(ctx, m.rules, m.groups, m.dedupe, at, 'rules');
      checkRulePoints(ctx, m.rules, `${at}/rules`, m.cap, '加分');
      checkNotScored(ctx, m.rules, m.notScored, at);
      return;
    case 'graded-rating': {
      const ft = ctx.factType(m.factType, `${at}/factType`);
      ctx.field(ft, m.mode === 'score' ? (m.scoreField ?? 'score') : (m.gradeField ?? 'grade'), `${at}/${m.mode === 'score' ? 'scoreField' : 'gradeField'}`);
      ctx.unique(m.grades, `${at}/grades`, '等次');
      m.grades.forEach((g, i) => {
        if (g.min !== undefined && g.max !== undefined && g.min > g.max) ctx.error('range-order', `${at}/grades/${i}`, `等次“${g.name}”分数带下限大于上限`, `grade ${g.id}: min > max`);
        if (m.mode === 'grade' && g.points === undefined) ctx.error('missing-points', `${at}/grades/${i}/points`, `按等次赋分时每个等次须有分值`, `grade ${g.id} needs points in grade mode`);
        if (g.points !== undefined && g.points > max) ctx.error('points-over-max', `${at}/grades/${i}/points`, `等次分值 ${g.points} 超过指标满分 ${max}`, `grade points exceed the indicator max ${max}`);
        if (m.mode === 'score' && g.max !== undefined && g.max > max) ctx.error('points-over-max', `${at}/grades/${i}/max`, `分数带上限 ${g.max} 超过指标满分 ${max}`, `band max exceeds the indicator max ${max}`);
      });
      const q = m.quota;
      if (q?.rule.kind === 'shares') {
        const total = q.rule.shares.reduce((a, s) => a + s.percent, 0);
        if (total > 100 + 1e-9) ctx.error('quota-over-100', `${at}/quota/rule/shares`, `等次比例之和 ${total}% 超过 100%`, `quota shares add up to ${total}% (> 100%)`);
        q.rule.shares.forEach((s, i) => {
          if (!m.grades.some((g) => g.id === s.grade)) ctx.error('unknown-grade', `${at}/quota/rule/shares/${i}/grade`, `等次“${s.grade}”未定义`, `grade ${s.grade} is not declared`);
        });
      }
      if (q?.scope.kind === 'field') ctx.field(ft, q.scope.field, `${at}/quota/scope/field`);
      return;
    }
    case 'rank-deduction': {
      const ft = ctx.factType(m.factType, `${at}/factType`);
      if (ft && ft.target !== 'parent') ctx.error('wrong-target', `${at}/factType`, `排名扣分须使用以主管单位为对象的事实类型`, 'rank-deduction needs a fact type whose target is parent');
      if ((m.scoreField === undefined) === (m.rankField === undefined)) {
        ctx.error('score-or-rank', at, '须给出 scoreField(在本名单内排名)或 rankField(上报名次)之一', 'give scoreField or rankField, exactly one');
      }
      ctx.field(ft, m.scoreField, `${at}/scoreField`);
      ctx.field(ft, m.rankField, `${at}/rankField`);
      ctx.unique(m.groups, `${at}/groups`, '分组');
      m.groups.forEach((g, i) => ctx.issues.push(...checkCondition(g.when, `${at}/groups/${i}/when`, new Set(['$parent']))));
      return;
    }
    case 'reported-score': {
      const ft = ctx.factType(m.factType, `${at}/factType`);
      ctx.field(ft, m.field, `${at}/field`);
      if (m.filter) ctx.issues.push(...checkCondition(m.filter, `${at}/filter`, ctx.conditionFacts(ft)));
      return;
    }
    case 'rank-to-grade': {
      const ft = ctx.factType(m.factType, `${at}/factType`);
      ctx.field(ft, m.gradeField, `${at}/gradeField`);
      ctx.field(ft, m.periodField, `${at}/periodField`);
      ctx.unique(m.grades, `${at}/grades`, '等次');
      const total = m.grades.reduce((a, g) => a + g.percent, 0);
      if (!near(total, 100)) ctx.error('quota-sum', `${at}/grades`, `各等次比例之和应为 100%(现为 ${total}%)`, `grade shares must add up to 100% (now ${total}%)`);
      m.grades.forEach((g, i) => {
        if (g.points > max) ctx.error('points-over-max', `${at}/grades/${i}/points`, `等次分值 ${g.points} 超过指标满分 ${max}`, `grade points exceed the indicator max ${max}`);
      });
      const pq = m.preliminaryQuota;
      if (pq?.rule.kind === 'shares') {
        const sum = pq.rule.shares.reduce((a, s) => a + s.percent, 0);
        if (sum > 100 + 1e-9) ctx.error('quota-over-100', `${at}/preliminaryQuota/rule/shares`, `等次比例之和 ${sum}% 超过 100%`, `quota shares add up to ${sum}% (> 100%)`);
        pq.rule.shares.forEach((s, i) => {
          if (!m.grades.some((g) => g.id === s.grade)) ctx.error('unknown-grade', `${at}/preliminaryQuota/rule/shares/${i}/grade`, `等次“${s.grade}”未定义`, `grade ${s.grade} is not declared`);
        });
      }
      if (pq?.scope.kind === 'field') ctx.field(ft, pq.scope.field, `${at}/preliminaryQuota/scope/field`);
      checkTable(ctx, m.adjustments, undefined, undefined, at, 'adjustments');
      m.adjustments.forEach((r, i) => ctx.field(ctx.factTypes.get(r.factType), m.periodField, `${at}/adjustments/${i}/factType`));
      return;
    }
    case 'formula':
      checkFormula(ctx, m, at, max);
      return;
    default:
      assertNever(m);
  }
}

function checkTable(ctx: SemanticContext, rules: readonly AdjustmentRule[], groups: readonly RuleGroup[] | undefined, dedupe: Dedupe | undefined, at: string, key: string): void {
  ctx.unique(rules, `${at}/${key}`, '规则');
  ctx.unique(groups ?? [], `${at}/groups`, '规则组');
  const groupIds = new Set((groups ?? []).map((g) => g.id));
  rules.forEach((r, i) => {
    const rp = `${at}/${key}/${i}`;
    const ft = ctx.factType(r.factType, `${rp}/factType`);
    if (r.when) ctx.issues.push(...checkCondition(r.when, `${rp}/when`, ctx.conditionFacts(ft)));
    if (r.group !== undefined && !groupIds.has(r.group)) ctx.error('unknown-group', `${rp}/group`, `规则组“${r.group}”未定义`, `group "${r.group}" is not declared`);
    ctx.field(ft, r.quantityField, `${rp}/quantityField`);
    const p = r.points;
    if (p.kind === 'range') {
      ctx.field(ft, p.field, `${rp}/points/field`);
      if (p.min > p.max) ctx.error('range-order', `${rp}/points`, `分值区间下限 ${p.min} 大于上限 ${p.max}`, `range min ${p.min} > max ${p.max}`);
    }
    if (p.kind === 'table') ctx.field(ft, p.field, `${rp}/points/field`);
    ctx.unique(r.modifiers ?? [], `${rp}/modifiers`, '修正项');
    (r.modifiers ?? []).forEach((mod, j) => ctx.issues.push(...checkCondition(mod.when, `${rp}/modifiers/${j}/when`, ctx.conditionFacts(ft))));
  });
  if (dedupe) {
    (dedupe.rules ?? []).forEach((id, j) => {
      if (!rules.some((r) => r.id === id)) ctx.error('unknown-rule', `${at}/dedupe/rules/${j}`, `规则“${id}”未定义`, `rule "${id}" is not declared`);
    });
    const scoped = dedupe.rules === undefined ? rules : rules.filter((r) => dedupe.rules?.includes(r.id));
    for (const ft of new Set(scoped.map((r) => r.factType))) ctx.field(ctx.factTypes.get(ft), dedupe.field, `${at}/dedupe/field`);
  }
}

/** A declared unscored record names a fact type the table's rules read (no other is read there), with a checked condition. */
function checkNotScored(ctx: SemanticContext, rules: readonly AdjustmentRule[], notScored: readonly NotScoredRecords[] | undefined, at: string): void {
  ctx.unique(notScored ?? [], `${at}/notScored`, '不计分记录');
  (notScored ?? []).forEach((n, i) => {
    const np = `${at}/notScored/${i}`;
    const ft = ctx.factType(n.factType, `${np}/factType`);
    if (ft && !rules.some((r) => r.factType === n.factType)) {
      ctx.error('not-scored-type', `${np}/factType`, `没有规则读取事实类型“${ft.name}”,无须声明其不计分`, `no rule of the table reads fact type "${n.factType}"; there is nothing to declare unscored`);
    }
    if (n.when) ctx.issues.push(...checkCondition(n.when, `${np}/when`, ctx.conditionFacts(ft)));
  });
}
