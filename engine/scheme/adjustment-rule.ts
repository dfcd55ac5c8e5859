import { Type, type Static } from '@sinclair/typebox';
import { ConditionSchema } from '../conditions/condition-schema.ts';
import { Id, Num, Source } from './common.ts';
import { doc, KindUnion } from './kind-union.ts';

/** How many points one matching fact is worth (before modifiers). */
export const FixedPoints = Type.Object(
  { kind: Type.Literal('fixed'), value: Num({ ...doc('每例/每人次分值', 'points per case') }) },
  { additionalProperties: false, ...doc('固定分值:每例扣/加 N 分', 'fixed points per case') },
);
export const RangePoints = Type.Object(
  {
    kind: Type.Literal('range'),
    min: Num({ ...doc('分值下限', 'lowest amount') }),
    max: Num({ ...doc('分值上限', 'highest amount') }),
    field: Type.String({ ...doc('记录评议人所定分值的字段', 'field holding the amount the evaluator chose') }),
  },
  { additionalProperties: false, ...doc('视情分值:记录值须在区间内,否则为输入错误', 'evaluator-chosen amount, must lie within [min, max]') },
);
export const TablePoints = Type.Object(
  {
    kind: Type.Literal('table'),
    field: Type.String({ ...doc('查表字段;数值按文字形式查表(3 查 "3",2.5 查 "2.5"),表中没有的值是输入错误', 'field whose value selects the row; a number is looked up as its text (3 → "3"), a value without a row is an input error') }),
    values: Type.Record(Type.String(), Num(), { ...doc('字段值 → 分值', 'field value → points') }),
  },
  { additionalProperties: false, ...doc('查表分值(如角色表、层级表)', 'points looked up by a field (role table, level table)') },
);
export const RulePoints = KindUnion([FixedPoints, RangePoints, TablePoints], doc('分值', 'points of a rule'));
export type RulePoints = Static<typeof RulePoints>;

export const MultiplyModifier = Type.Object(
  {
    kind: Type.Literal('multiply'),
    id: Id,
    name: Type.String({ ...doc('修正项名称', 'modifier name') }),
    when: ConditionSchema,
    factor: Num({ exclusiveMinimum: 0, examples: [2], ...doc('系数', 'factor') }),
    source: Source,
  },
  { additionalProperties: false, ...doc('条件成立时乘以系数(加倍、折半、1.5 系数)', 'multiply when the condition holds') },
);
export const ExemptModifier = Type.Object(
  { kind: Type.Literal('exempt'), id: Id, name: Type.String({ ...doc('修正项名称', 'modifier name') }), when: ConditionSchema, source: Source },
  { additionalProperties: false, ...doc('条件成立时免于计分', 'exempt when the condition holds') },
);
export const Modifier = KindUnion([MultiplyModifier, ExemptModifier], doc('修正项', 'modifier'));
export type Modifier = Static<typeof Modifier>;

/**
 * One line of a deduction or bonus table: facts of `factType` for which `when`
 * holds are worth `points` each (times `quantityField`, for 每人次), adjusted by
 * the modifiers in order, and counted in `group` (for 限扣分值).
 */
export const AdjustmentRule = Type.Object(
  {
    id: Id,
    name: Type.String({ minLength: 1, ...doc('规则名称(按文件用语)', 'rule name, in the words of the document') }),
    source: Source,
    factType: Id,
    when: Type.Optional(ConditionSchema),
    points: RulePoints,
    quantityField: Type.Optional(Type.String({ ...doc('数量字段(每人次)', 'field with a count multiplying the points (per person)') })),
    group: Type.Optional(Id),
    modifiers: Type.Optional(Type.Array(Modifier, { ...doc('依次适用的修正项', 'modifiers, applied in order') })),
  },
  { additionalProperties: false, ...doc('扣分/加分规则', 'deduction or bonus rule') },
);
export type AdjustmentRule = Static<typeof AdjustmentRule>;

/**
 * Records a table leaves unscored on purpose (检查合格、无问题的汇总记录): a fact of
 * `factType` that no rule takes and for which `when` holds is not scored by design, said
 * once per fact type (facts-not-scored-by-design) instead of once per record (fact-unused).
 */
export const NotScoredRecords = Type.Object(
  {
    id: Id,
    name: Type.String({ minLength: 1, examples: ['检查合格'], ...doc('不计分的记录(按文件用语,如“检查合格”)', 'which records are not scored, in the words of the document (e.g. 检查合格)') }),
    factType: Id,
    when: Type.Optional(ConditionSchema),
    source: Source,
  },
  {
    additionalProperties: false,
    ...doc(
      '按方案规定不计分的记录:不符合任何规则、且满足 when 的该类事实不计分,每类型只提示一次(附条数)',
      'records not scored by design: facts of the type that match no rule and for which `when` holds; said once per type with the count',
    ),
  },
);
export type NotScoredRecords = Static<typeof NotScoredRecords>;

export const RuleGroup = Type.Object(
  {
    id: Id,
    name: Type.String({ ...doc('规则组名称', 'group name') }),
    cap: Type.Optional(Num({ minimum: 0, ...doc('限扣/限加分值;不写即该组不设上限', 'cap of the group; absent means none') })),
    source: Source,
  },
  { additionalProperties: false, ...doc('规则组及其上限(可不设)', 'rule group, with an optional cap') },
);
export type RuleGroup = Static<typeof RuleGroup>;

export const Dedupe = Type.Object(
  {
    field: Type.String({ ...doc('同一事项/同一人员的标识字段', 'field identifying the same deed or person') }),
    keep: Type.Literal('highest', { ...doc('保留分值最高的一条', 'keep the highest entry') }),
    rules: Type.Optional(
      Type.Array(Id, { minItems: 1, ...doc('只在这些规则的计分之间去重(缺省:全部规则)', 'only entries of these rules are deduplicated; default all rules') }),
    ),
    source: Source,
  },
  { additionalProperties: false, ...doc('同一事项只计一次,取最高', 'same key counts once, at its highest') },
);
export type Dedupe = Static<typeof Dedupe>;
