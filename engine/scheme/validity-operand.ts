import { Type, type Static } from '@sinclair/typebox';
import { ConditionSchema } from '../conditions/condition-schema.ts';
import { Id, Num } from './common.ts';
import { KindUnion, doc } from './kind-union.ts';

/**
 * One side of a validity comparison. Real rules compare across records: ballots
 * returned (the number of ballot records) ≤ ballots issued (a field of the meeting
 * record); members present (on the sign-in record) > half the members (on the
 * meeting record); picks per ballot (a count in a group) = the number the meeting set.
 */
const operand = (described: { description: string }) =>
  KindUnion(
    [
      Type.Object(
        {
          kind: Type.Literal('field'),
          factType: Type.Optional(Id),
          field: Type.String({ minLength: 1, ...doc('字段名', 'the field') }),
          factor: Type.Optional(Num({ ...doc('乘数(如过半数为 0.5)', 'factor, e.g. 0.5 for half') })),
        },
        {
          additionalProperties: false,
          examples: [{ kind: 'field', factType: 'meeting', field: 'issued' }],
          ...doc(
            '字段:不写 factType 为被检查记录自身的另一字段;写 factType 为该类型唯一一条记录(如本轮评议会议)的字段,没有或多于一条都报错',
            'a field: without factType, another field of the record checked; with factType, a field of the one record of that type (e.g. the season’s meeting) — none or several is an error',
          ),
        },
      ),
      Type.Object({ kind: Type.Literal('value'), value: Num({ examples: [10], ...doc('比较的常数', 'the number compared with') }) }, { additionalProperties: false, ...doc('常数', 'a number') }),
      Type.Object(
        {
          kind: Type.Literal('count'),
          factType: Id,
          when: Type.Optional(ConditionSchema),
          groupBy: Type.Optional(
            Type.Array(Type.String({ minLength: 1 }), {
              minItems: 1,
              examples: [['ballot']],
              ...doc(
                '分组字段:逐组计数(如每张选票);被检查记录有同名字段时只数与之相同的一组',
                'group the records and count per group (e.g. per ballot); with a record checked, only the group with its values of these fields',
              ),
            }),
          ),
          distinct: Type.Optional(
            Type.String({ minLength: 1, examples: ['ballot'], ...doc('只数该字段不同取值的个数(如选票上的选择记录按 ballot 数出收回票数)', 'count distinct values of this field instead of records (e.g. ballots returned from the picks on them)') }),
          ),
        },
        {
          additionalProperties: false,
          examples: [{ kind: 'count', factType: 'ballot-vote', distinct: 'ballot' }],
          ...doc('记录数:某类型中满足条件 when 的记录条数', 'a count of the records of a type for which `when` holds'),
        },
      ),
    ],
    described,
  );
export const Operand = operand(doc('比较对象', 'operand'));
export type Operand = Static<typeof Operand>;

/** The left side of a comparison across records (instead of factType + field). */
export const LeftOperand = operand(
  doc('左边(跨记录比较,代替 factType + field):某类记录唯一一条的字段、记录数或常数', 'the left side across records (instead of factType + field): a field of the one record of a type, a count, or a number'),
);
/** The right side of a comparison. */
export const RightOperand = operand(
  doc('右边:同一记录的另一字段(逐条检查时)、某类记录唯一一条的字段、记录数或常数', 'the right side: another field of the record checked (factType + field), a field of the one record of a type, a count, or a number'),
);
