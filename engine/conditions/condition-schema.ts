import { Type, type Static } from '@sinclair/typebox';
import { StringEnum, doc } from '../scheme/kind-union.ts';

/**
 * The operators of json-rules-engine 7.3 that schemes may use: exactly its
 * defaults, so a condition means the same here and in any JRE-based tool.
 * Custom operators and decorators (`everyFact:` …) are left out on purpose:
 * the compiled evaluator only reproduces these ten.
 */
export const CONDITION_OPERATORS = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

/** JRE gates these on `parseFloat(fact)` being a number; their value should be a number too. */
export const NUMERIC_OPERATORS: ReadonlySet<string> = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);

/**
 * A condition in json-rules-engine's format. The `$id` is explicit because
 * TypeBox would otherwise number recursive types by load order (`T0`, `T1`…),
 * which would make the shipped scheme.schema.json depend on import order; the
 * nodes inside carry no `$id`, so the schema can be embedded anywhere.
 */
export const ConditionSchema = Type.Recursive(
  (Self) =>
    Type.Union(
      [
        Type.Object(
          { all: Type.Array(Self, { ...doc('须全部成立的条件(空列表视为成立)', 'conditions that must all hold (an empty list holds)') }) },
          { additionalProperties: false, ...doc('全部满足(且)', 'all of (and)') },
        ),
        Type.Object(
          {
            any: Type.Array(Self, {
              examples: [[{ fact: 'role', operator: 'equal', value: 'lead' }, { fact: 'role', operator: 'equal', value: 'co-handler' }]],
              ...doc('至少一项成立的条件(注意:与 json-rules-engine 一致,空列表视为成立)', 'conditions of which one must hold (as in json-rules-engine, an empty list holds)'),
            }),
          },
          { additionalProperties: false, ...doc('任一满足(或)', 'any of (or)') },
        ),
        Type.Object(
          // a bare $ref: a description beside it would be ignored by draft-07 validators and editors
          { not: Self },
          { additionalProperties: false, ...doc('取反(非):not 的值为单个条件,不是列表', 'negation (not): its value is one condition, not a list') },
        ),
        Type.Object(
          {
            fact: Type.String({ minLength: 1, ...doc('事实名称(如 level、$unit)', 'fact name, e.g. level or $unit') }),
            operator: StringEnum(CONDITION_OPERATORS, {
              ...doc(
                '比较方式:equal 等于、notEqual 不等于、in 属于列表、notIn 不属于列表、contains 列表包含、doesNotContain 列表不包含、lessThan 小于、lessThanInclusive 小于等于、greaterThan 大于、greaterThanInclusive 大于等于',
                'comparison operator (json-rules-engine defaults)',
              ),
            }),
            value: Type.Unknown({ ...doc('比较值(任意 JSON;in/notIn 用数组,数值比较用数字)', 'value compared with (any JSON; an array for in/notIn, a number for numeric operators)') }),
            path: Type.Optional(
              Type.String({
                ...doc("取事实内部的值的路径,仅支持 $.a.b、$.a[0]、$['a b'] 形式", "path into the fact value; only $.a.b, $.a[0] and $['a b'] forms"),
              }),
            ),
          },
          { additionalProperties: false, ...doc('比较:事实(或其路径处的值)与比较值', 'comparison of a fact (or the value at its path) with a value') },
        ),
      ],
      { ...doc('条件:all、any、not 或一项比较', 'condition: all, any, not or one comparison') },
    ),
  { $id: 'Condition', ...doc('条件(json-rules-engine 格式)', 'condition (json-rules-engine format)') },
);

/** The TypeBox value of the condition schema, under the name the rest of the scheme uses. */
export const Condition = ConditionSchema;
export type Condition = Static<typeof ConditionSchema>;
