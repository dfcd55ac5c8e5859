import { Type, type Static } from '@sinclair/typebox';
import { AdjustmentRule, Dedupe, NotScoredRecords, RuleGroup } from '../adjustment-rule.ts';
import { Num, Source } from '../common.ts';
import { StringEnum, doc } from '../kind-union.ts';

/**
 * Start from a base (the indicator's points, or a sub-scale such as 100),
 * subtract every matching rule, cap each group, floor at `floor` (扣完为止),
 * then convert the sub-scale to the indicator's points.
 */
export const DeductionMethod = Type.Object(
  {
    kind: Type.Literal('deduction'),
    base: Type.Optional(Num({ exclusiveMinimum: 0, ...doc('基础分(子量表,如 100),缺省为指标分值', 'base of a sub-scale; default the indicator points') })),
    floor: Num({ default: 0, ...doc('最低分(扣完为止为 0)', 'floor') }),
    hitPolicy: StringEnum(['first', 'all'], {
      ...doc('一条事实命中多条规则时:first 只计第一条,all 全计', 'first matching rule only, or all matching rules'),
    }),
    rules: Type.Array(AdjustmentRule, { minItems: 1, ...doc('扣分规则', 'deduction rules') }),
    groups: Type.Optional(Type.Array(RuleGroup, { ...doc('规则组及各组上限(限扣分值)', 'rule groups, each with its cap') })),
    dedupe: Type.Optional(Dedupe),
    notScored: Type.Optional(Type.Array(NotScoredRecords, { examples: [[{ id: 'passed', name: '检查合格', factType: 'inspection', when: { all: [{ fact: 'result', operator: 'equal', value: '合格' }] }, source: '检查合格的不扣分' }]], ...doc('按方案规定不计分的记录(不符合任何规则时)', 'records not scored by design (when no rule takes them)') })),
    source: Type.Optional(Source),
  },
  { additionalProperties: false, ...doc('扣分制', 'deduction from a base') },
);
export type DeductionMethod = Static<typeof DeductionMethod>;
