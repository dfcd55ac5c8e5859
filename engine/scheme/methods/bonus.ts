import { Type, type Static } from '@sinclair/typebox';
import { AdjustmentRule, Dedupe, NotScoredRecords, RuleGroup } from '../adjustment-rule.ts';
import { Num, Source } from '../common.ts';
import { StringEnum, doc } from '../kind-union.ts';

/**
 * Add every matching rule's points (negative points are penalties), count a
 * deed once at its highest, cap groups, then clamp to [min, cap]. Without
 * `cap` there is none: the trace shows no cap step rather than a sentinel.
 */
export const BonusMethod = Type.Object(
  {
    kind: Type.Literal('bonus'),
    hitPolicy: StringEnum(['first', 'all'], { ...doc('一条事实命中多条规则时:first 只计第一条,all 全计', 'first matching rule only, or all matching rules') }),
    rules: Type.Array(AdjustmentRule, { minItems: 1, ...doc('加分(罚分)规则', 'bonus (and penalty) rules') }),
    groups: Type.Optional(Type.Array(RuleGroup, { examples: [[{ id: 'commendations', name: '表彰类', cap: 3, source: '三(二)' }]], ...doc('规则组及各组上限(限加分值)', 'rule groups, each with its cap') })),
    dedupe: Type.Optional(Dedupe),
    notScored: Type.Optional(Type.Array(NotScoredRecords, { examples: [[{ id: 'passed', name: '检查合格', factType: 'inspection', when: { all: [{ fact: 'result', operator: 'equal', value: '合格' }] }, source: '检查合格的不扣分' }]], ...doc('按方案规定不计分的记录(不符合任何规则时)', 'records not scored by design (when no rule takes them)') })),
    cap: Type.Optional(Num({ ...doc('加分上限;不写即不设上限(文件未规定封顶时)', 'maximum of the sum; absent means none (the document sets no cap)') })),
    mayExceedMax: Type.Optional(
      Type.Boolean({
        ...doc(
          '加分可超过本指标分值(文件明示“上不封顶”时写 true;否则无上限或上限高于指标分值是错误)',
          'the sum may exceed the indicator\'s points (true when the document says so; otherwise no cap, or a cap above the points, is an error)',
        ),
      }),
    ),
    min: Type.Optional(Num({ ...doc('下限(含罚分时)', 'minimum of the sum when penalties exist') })),
    source: Type.Optional(Source),
  },
  { additionalProperties: false, ...doc('加分项(可含罚分)', 'bonus items, optionally with penalties') },
);
export type BonusMethod = Static<typeof BonusMethod>;
