import { Type, type Static } from '@sinclair/typebox';
import { ConditionSchema } from '../../conditions/condition-schema.ts';
import { PeriodMeasure } from '../../periods/index.ts';
import { Id, Num, Rounding, Source } from '../common.ts';
import { DescribedRef, KindUnion, StringEnum, doc } from '../kind-union.ts';

const NAME_PATTERN = '^[a-z][a-z0-9_]*$';
const label = Type.String({ minLength: 1, ...doc('中文名称(说明中显示)', 'Chinese name shown in the explanation') });
const when = Type.Optional(DescribedRef(ConditionSchema, doc('只取满足此条件的记录', 'only the facts for which this holds')));
const over = StringEnum(['unit', 'parent'], {
  ...doc('统计范围:本单位的记录 unit(含其主管单位的记录),或同一主管单位下所有单位的记录 parent', 'whose facts: the unit’s own (and its parent’s), or those of every unit of its parent'),
});
const scope = StringEnum(['all', 'parent'], { ...doc('比较范围:全部参评单位 all,或同一主管单位下的单位 parent', 'population: every scored unit, or the units of the same parent') });
const inputRef = Type.String({ pattern: NAME_PATTERN, ...doc('另一个输入的名称(须为按单位计算的输入)', 'name of another, per-unit input') });

const ConstantInput = Type.Object({ kind: Type.Literal('constant'), name: label, value: Num({ ...doc('数值', 'the value') }), source: Type.Optional(Source) }, { additionalProperties: false, ...doc('常数', 'a constant') });
const CountInput = Type.Object(
  { kind: Type.Literal('count'), name: label, factType: Id, when, over },
  { additionalProperties: false, ...doc('符合条件的记录条数', 'number of matching facts') },
);
const SumInput = Type.Object(
  { kind: Type.Literal('sum'), name: label, factType: Id, field: Type.String({ ...doc('求和字段(数值)', 'numeric field summed') }), when, over },
  { additionalProperties: false, ...doc('符合条件的记录某字段之和', 'sum of a field over the matching facts') },
);
const FieldInput = Type.Object(
  {
    kind: Type.Literal('field'),
    name: label,
    factType: Id,
    field: Type.String({ ...doc('字段(数值、日期或是否)', 'field: number, date (format date) or boolean') }),
    when,
    missing: Type.Union([Num(), Type.Literal('error')], { ...doc('本单位无记录时:取此数值,或 error 报输入错误', 'no record for the unit: this number, or error') }),
  },
  { additionalProperties: false, ...doc('本单位的一条记录中的字段值(多条为输入错误)', 'a field of the unit’s one record (several are an input error)') },
);
const PeriodsInput = Type.Object(
  { kind: Type.Literal('periods'), name: label, factType: Id, when, measure: PeriodMeasure },
  { additionalProperties: false, ...doc('本单位各期记录的度量:连续期数、期数、自上次以来、相隔天数(事实类型须声明 period)', 'a measure over the unit’s periods (the fact type must declare period)') },
);
const StatInput = Type.Object(
  {
    kind: Type.Literal('stat'),
    name: label,
    stat: StringEnum(['max', 'min', 'mean', 'leader'], { ...doc('统计量:最大 max、最小 min、平均 mean、第一名的值 leader', 'statistic: max, min, mean, or the leader’s value') }),
    of: inputRef,
    by: Type.Optional(Type.String({ pattern: NAME_PATTERN, ...doc('leader:按此输入从高到低排出第一名', 'leader: the unit first by this input, highest first') })),
    scope,
  },
  { additionalProperties: false, ...doc('参评单位总体的统计量', 'a statistic over the population') },
);
const PlaceInput = Type.Object(
  {
    kind: Type.Literal('place'),
    name: label,
    by: inputRef,
    order: StringEnum(['high-first', 'low-first'], { ...doc('名次方向:高者在前 high-first;low-first 即倒数名次(最低为第 1)', 'high-first, or low-first: places counted from the bottom') }),
    scope,
  },
  { additionalProperties: false, ...doc('本单位按某输入的名次(并列同名次,下一名次顺延)', 'the unit’s place by an input (ties share a place, the next is skipped)') },
);
const IndicatorInput = Type.Object(
  {
    kind: Type.Literal('indicator'),
    name: label,
    indicator: Id,
    missing: Type.Union([Num(), Type.Literal('error')], { ...doc('该指标不适用于本单位时:取此数值,或 error 报输入错误', 'the indicator does not apply to the unit: this number, or error') }),
  },
  { additionalProperties: false, ...doc('另一个指标(叶指标)的得分;不得循环引用', 'the points of another leaf indicator; no cycles') },
);
const FieldSizeInput = Type.Object(
  { kind: Type.Literal('field-size'), name: label, scope },
  { additionalProperties: false, ...doc('排名范围内的单位数', 'number of units in the ranking field') },
);

export const FormulaInput = KindUnion([ConstantInput, CountInput, SumInput, FieldInput, PeriodsInput, StatInput, PlaceInput, FieldSizeInput, IndicatorInput], doc('计算值的输入', 'input of a computed value'));
export type FormulaInput = Static<typeof FormulaInput>;
export type FormulaInputKind = FormulaInput['kind'];

const Table = Type.Object(
  {
    rows: Type.Array(
      Type.Object({ upTo: Num({ ...doc('不大于此值', 'up to and including') }), value: Num({ ...doc('取值', 'value') }) }, { additionalProperties: false }),
      { minItems: 1, ...doc('按顺序取第一行 x ≤ upTo 的值', 'the first row with x ≤ upTo gives the value') },
    ),
    otherwise: Num({ ...doc('大于所有 upTo 时的取值', 'value above every upTo') }),
    source: Type.Optional(Source),
  },
  { additionalProperties: false, ...doc('对照表(如名次 → 分值)', 'lookup table, e.g. place → points') },
);

/** B.12: points as an expression over declared inputs (docs/authoring.md §计算值). */
export const FormulaMethod = Type.Object(
  {
    kind: Type.Literal('formula'),
    inputs: Type.Record(Type.String({ pattern: NAME_PATTERN }), FormulaInput, { ...doc('输入:名称 → 定义;名称为小写字母、数字、下划线', 'inputs: name → definition') }),
    tables: Type.Optional(Type.Record(Type.String({ pattern: NAME_PATTERN }), Table, { ...doc('对照表:名称 → 表,表达式中写作 名称(x)', 'tables, called as name(x)') })),
    expression: Type.String({
      minLength: 1,
      maxLength: 2000,
      examples: ['min(1, done / planned) * full'],
      ...doc('计算式:+ − × ÷、比较、and/or/not、min、max、clamp、if、abs、days,full 为指标满分', 'the expression; full is the indicator’s maximum'),
    }),
    zeroDivision: Type.Optional(
      Type.Object({ value: Num({ examples: [0], ...doc('除数为 0 时该除法的结果', 'result of a division by 0') }), source: Source }, { additionalProperties: false, examples: [{ value: 0, source: '计划数为 0 的不得分' }], ...doc('除数为 0 时的取值', 'what a division by zero yields') }),
    ),
    rounding: Type.Optional(Rounding),
    source: Type.Optional(Source),
  },
  { additionalProperties: false, ...doc('计算值:按表达式由输入算出分值(结果限定在 0 与满分之间)', 'computed value: points from an expression over inputs, kept within 0 and the maximum') },
);
export type FormulaMethod = Static<typeof FormulaMethod>;
