import { checkCondition } from '../conditions/index.ts';
import type { FactType } from '../scheme/fact-type.ts';
import type { Operand, ValidityRule } from '../scheme/validity.ts';
import type { SemanticContext } from './semantic-context.ts';

type CompareRule = Extract<ValidityRule, { kind: 'compare' }>;
const ENVELOPE = new Set(['unit', 'parent']);

/**
 * A `compare` rule is written one of two ways: `factType` + `field` checks every
 * record of the type (its operands may read the record's own fields), or `left`
 * and `than` read other records (a field of the one season record of a type, a
 * count). Every fact type and field named is declared; grouped counts on both
 * sides group alike, or their groups could not be matched.
 */
export function checkCompareRule(ctx: SemanticContext, v: CompareRule, at: string): void {
  const row = v.factType === undefined ? undefined : ctx.factType(v.factType, `${at}/factType`);
  const perRecord = v.factType !== undefined;
  if (perRecord) {
    if (v.field === undefined) ctx.error('compare-sides', `${at}/field`, '写了 factType(逐条检查该类记录)须同时写被检查的字段 field', 'factType (check every record of the type) needs the field checked');
    else ctx.field(row, v.field, `${at}/field`);
    if (v.left !== undefined) ctx.error('compare-sides', `${at}/left`, '逐条检查(factType + field)时不写 left', 'with factType + field, give no left');
  } else {
    if (v.field !== undefined) ctx.error('compare-sides', `${at}/field`, 'field 须与 factType 一起写(逐条检查该类记录);跨记录比较请写 left', 'field goes with factType (every record of a type); to compare across records give left');
    if (v.left === undefined) ctx.error('compare-sides', at, '须写 factType + field(逐条检查)或 left(跨记录比较)', 'give factType + field (every record) or left (across records)');
  }
  if (v.left) operand(ctx, v.left, `${at}/left`, row, perRecord);
  operand(ctx, v.than, `${at}/than`, row, perRecord);
  const groups = [v.left, v.than].map((o) => (o?.kind === 'count' ? o.groupBy : undefined));
  if (v.onBreak === 'void' && !groups.some((g) => g !== undefined)) {
    ctx.error('void-needs-group', `${at}/onBreak`, '作废 void 须有一边是带 groupBy 的 count(作废的是该组的记录)', 'void needs a count with groupBy on one side (its group’s records are voided)');
  }
  if (!perRecord && groups[0] && groups[1] && JSON.stringify(groups[0]) !== JSON.stringify(groups[1])) {
    ctx.error('group-mismatch', `${at}/than/groupBy`, `两边的分组字段须相同(left 按 ${groups[0].join(' + ')})`, `both sides must group by the same fields (left groups by ${groups[0].join(' + ')})`);
  }
}

function operand(ctx: SemanticContext, o: Operand, at: string, row: FactType | undefined, perRecord: boolean): void {
  switch (o.kind) {
    case 'field': {
      if (o.factType === undefined) {
        if (perRecord) ctx.field(row, o.field, `${at}/field`);
        else ctx.error('operand-needs-record', at, '跨记录比较时,字段须写 factType(读取哪一类记录)', 'across records a field names its factType (which record to read)');
        return;
      }
      const ft = ctx.factType(o.factType, `${at}/factType`);
      ctx.field(ft, o.field, `${at}/field`);
      if (ft && ft.target !== 'season') {
        ctx.warn('single-record-not-season', `${at}/factType`, `“${ft.name}”不是本轮评议的记录(target 不是 season):数据中多于一条时无法检查`, `fact type ${ft.id} is not a season record (target is not season): more than one record makes the rule fail`);
      }
      return;
    }
    case 'value':
      return;
    case 'count': {
      const ft = ctx.factType(o.factType, `${at}/factType`);
      (o.groupBy ?? []).forEach((g, j) => {
        if (ENVELOPE.has(g)) return;
        ctx.field(ft, g, `${at}/groupBy/${j}`);
        // a record checked counts the group that shares its values: it must have the field too
        if (perRecord) ctx.field(row, g, `${at}/groupBy/${j}`);
      });
      if (o.distinct !== undefined && !ENVELOPE.has(o.distinct)) ctx.field(ft, o.distinct, `${at}/distinct`);
      if (o.when) ctx.issues.push(...checkCondition(o.when, `${at}/when`, ctx.conditionFacts(ft)));
      return;
    }
    default: {
      const never: never = o;
      return never;
    }
  }
}
