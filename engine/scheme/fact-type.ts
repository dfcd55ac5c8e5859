import { Type, type Static } from '@sinclair/typebox';
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
    name: Type.String({ minLength: 1 }),
    nameEn: Type.Optional(Type.String()),
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
    fields: Type.Object(
      {
        type: Type.Literal('object'),
        properties: Type.Record(Type.String(), Type.Unknown()),
        required: Type.Optional(Type.Array(Type.String())),
        additionalProperties: Type.Optional(Type.Boolean()),
      },
      { additionalProperties: true, ...doc('字段的 JSON Schema', 'JSON Schema of the fields') },
    ),
    labels: Type.Optional(
      Type.Record(Type.String({ minLength: 1 }), Type.String({ minLength: 1 }), {
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
