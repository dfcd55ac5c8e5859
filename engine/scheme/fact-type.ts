import { Type, type Static } from '@sinclair/typebox';
import { PeriodDeclaration } from '../periods/period.ts';
import { Id, Source, TimeWindow } from './common.ts';
import { StringEnum, doc } from './kind-union.ts';

/**
 * A kind of input record the scheme accepts (a vote, a case, a commendation…).
 * `fields` is a JSON Schema object, so data files are validated against the
 * scheme itself and not against code.
 */
export const FactType = Type.Object(
  {
    id: Id,
    name: Type.String({ minLength: 1, ...doc('事实类型名称', 'fact type name') }),
    nameEn: Type.Optional(Type.String({ ...doc('英文名称', 'name in English') })),
    target: StringEnum(['unit', 'parent', 'season'], {
      ...doc(
        '事实所属:参评单位 unit、主管单位 parent(适用于其下每个参评单位),或本轮评议 season(如评议会议、票箱,供有效性规则使用)',
        'whom a fact of this type is about: a unit, a parent (applies to each of its units), or the season itself (a meeting, a ballot box; read by validity rules)',
      ),
    }),
    key: Type.Optional(
      Type.Array(Type.String({ minLength: 1 }), {
        minItems: 1,
        ...doc(
          '唯一键:这些字段(可含 unit、parent)相同的两条记录为重复(duplicate-fact 错误),如 unit + quarter',
          'uniqueness key: two records equal on these fields (unit / parent allowed) are a duplicate-fact error, e.g. unit + quarter',
        ),
      }),
    ),
    dateField: Type.Optional(Type.String({ ...doc('日期字段,用于时间窗口校验', 'field holding the date checked against the window') })),
    window: Type.Optional(TimeWindow),
    period: Type.Optional(PeriodDeclaration),
    fields: Type.Object(
      {
        type: Type.Literal('object', { ...doc('固定为 object', 'always object') }),
        properties: Type.Record(Type.String(), Type.Unknown(), { ...doc('字段名 → 该字段的 JSON Schema', 'field name → its JSON Schema') }),
        required: Type.Optional(Type.Array(Type.String(), { ...doc('必填字段', 'required fields') })),
        additionalProperties: Type.Optional(Type.Boolean({ examples: [false], ...doc('是否允许未列出的字段(false:多余字段为输入错误)', 'whether fields not listed are allowed (false: an extra field is an input error)') })),
      },
      { additionalProperties: true, ...doc('字段的 JSON Schema', 'JSON Schema of the fields') },
    ),
    labels: Type.Optional(
      Type.Record(Type.String({ minLength: 1 }), Type.String({ minLength: 1 }), {
        examples: [{ satisfied: '满意', dissatisfied: '不满意' }],
        ...doc(
          '枚举值的中文名称,如 {"satisfied": "满意"};CSV 和 Excel 中填写值或名称均可',
          'display labels of enum values, e.g. {"satisfied": "满意"}; CSV and Excel cells may hold either',
        ),
      }),
    ),
    source: Type.Optional(Source),
  },
  { additionalProperties: false, ...doc('事实类型', 'fact type') },
);
export type FactType = Static<typeof FactType>;
