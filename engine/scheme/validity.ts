import { Type, type Static } from '@sinclair/typebox';
import { ConditionSchema } from '../conditions/condition-schema.ts';
import { Id, Int, Num, Source } from './common.ts';
import { KindUnion, StringEnum, doc } from './kind-union.ts';
import { LeftOperand, RightOperand } from './validity-operand.ts';

const Operator = StringEnum(['lt', 'lte', 'gt', 'gte', 'eq'], { ...doc('比较:< ≤ > ≥ =', 'comparison: < ≤ > ≥ =') });

export { Operand } from './validity-operand.ts';

/**
 * 有效性规则: a rule over the records of a season that decides whether the run (or
 * some ballots) counts. A `compare` sets a field of each record against another
 * field, a season record's field, a count or a number; a `count` bounds the matching
 * records per group. Broken, either makes the run invalid or voids the records of the
 * (grouped count's) group (作废), as declared.
 */
export const ValidityRule = KindUnion(
  [
    Type.Object(
      {
        kind: Type.Literal('compare'),
        id: Id,
        name: Type.String({ ...doc('规则名称', 'rule name') }),
        factType: Type.Optional(Id),
        field: Type.Optional(Type.String({ minLength: 1, ...doc('被检查的字段(与 factType 一起:逐条检查该类型的记录)', 'the field checked (with factType: every record of that type is checked)') })),
        left: Type.Optional(LeftOperand),
        operator: Operator,
        than: RightOperand,
        onBreak: Type.Optional(
          StringEnum(['invalid', 'void'], {
            ...doc(
              '不成立时:本次评议无效 invalid(缺省),或作废分组计数中该组的记录 void(如某张选票的满意数不等于会议规定数,该票作废;须有一边是带 groupBy 的 count)',
              'when broken: the run is invalid (default), or the records of the grouped count’s group are void (a ballot whose picks differ from the number the meeting set; needs a count with groupBy on one side)',
            ),
          }),
        ),
        source: Source,
      },
      {
        additionalProperties: false,
        ...doc(
          '比较,不成立则本次评议无效。两种写法:factType + field 逐条检查该类型每条记录的字段(如 出席人数 > 应到人数 × 0.5);或 left 与 than 两个比较对象取自不同记录(如 收回票数 = 选票记录数 ≤ 会议记录的发出票数;分组计数时逐组比较)',
          'a comparison; broken → the run is invalid. Either factType + field: a field of every record of that type (present > members × 0.5); or `left` and `than` from different records (ballots returned = the number of ballot records ≤ issued on the meeting record; a grouped count compares group by group)',
        ),
      },
    ),
    Type.Object(
      {
        kind: Type.Literal('count'),
        id: Id,
        name: Type.String({ ...doc('规则名称', 'rule name') }),
        factType: Id,
        groupBy: Type.Array(Type.String({ minLength: 1 }), { minItems: 1, ...doc('分组字段(如 ballot;unit + month)', 'fields grouping the records, e.g. ballot; unit + month') }),
        when: Type.Optional(ConditionSchema),
        min: Type.Optional(Int({ minimum: 0, ...doc('每组至少几条', 'fewest records per group') })),
        max: Type.Optional(Int({ minimum: 0, ...doc('每组至多几条', 'most records per group') })),
        every: Type.Optional(
          Type.Object(
            {
              field: Type.String({ minLength: 1, examples: ['month'], ...doc('分组字段', 'the grouping field') }),
              values: Type.Array(Type.String(), { minItems: 1, examples: [['01', '02', '03']], ...doc('该字段必须出现的值', 'the values that must each form a group') }),
            },
            {
              additionalProperties: false,
              examples: [{ field: 'month', values: ['01', '02', '03'] }],
              ...doc(
                '必须出现的分组值(如 month 的 12 个月):没有记录的组计数为 0 也要检查;groupBy 含 unit 时对名单上每个单位检查',
                'group values that must exist (e.g. every month): a group without records counts 0 and is checked too; with unit in groupBy, for every unit of the roster',
              ),
            },
          ),
        ),
        onBreak: StringEnum(['invalid', 'void'], {
          ...doc('违反时:本次评议无效 invalid,或该组记录作废 void(不计分,逐条警告)', 'when broken: the run is invalid, or the records of the group are void (not scored, each warned)'),
        }),
        source: Source,
      },
      {
        additionalProperties: false,
        ...doc('每组中满足条件的记录数须在 min–max 之间(如每张选票恰选 10 个满意;每月回访不少于 10 个)', 'per group, the count of matching records must lie in min–max (each ballot picks exactly 10; ≥ 10 call-backs a month)'),
      },
    ),
  ],
  doc('有效性规则', 'validity rule'),
);
export type ValidityRule = Static<typeof ValidityRule>;
