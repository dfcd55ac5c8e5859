import { Type, type Static } from '@sinclair/typebox';
import { Id, Int, Num, Rounding, Source, TimeWindow } from './common.ts';
import { FactType } from './fact-type.ts';
import { Classification, Consequence, Exemption, Ranking, Selection, Veto } from './flow.ts';
import { ValidityRule } from './validity.ts';
import { Indicator } from './indicator.ts';
import { doc } from './kind-union.ts';

export const SCHEME_SCHEMA_ID = 'https://pingyi.local/schema/scheme.schema.json';

/** Who organises an indicator for the units of one category (a category-specific owner, e.g. the lead department). */
const IndicatorOwner = Type.Object(
  {
    indicator: Id,
    owner: Type.String({ minLength: 1, ...doc('负责组织实施的单位', 'the body that organises the indicator for this category') }),
    source: Type.Optional(Source),
  },
  { additionalProperties: false, ...doc('本类别某指标的组织实施单位', 'owner of an indicator for this category') },
);

const Category = Type.Object(
  {
    id: Id,
    name: Type.String(),
    description: Type.Optional(Type.String()),
    owners: Type.Optional(Type.Array(IndicatorOwner, { ...doc('各指标在本类别的组织实施单位', 'category-specific owners of indicators') })),
    source: Type.Optional(Source),
  },
  { additionalProperties: false, ...doc('类别', 'category') },
);

/** A parameter the document leaves open, declared where it is used and listed here with the clause it fills. */
export const Assumption = Type.Object(
  {
    id: Id,
    pointer: Type.String({ pattern: '^(/.*)?$', ...doc('所设参数在本方案中的 JSON Pointer', 'JSON Pointer to the assumed value in this scheme') }),
    clause: Source,
    note: Type.String({ minLength: 1 }),
    noteEn: Type.Optional(Type.String()),
  },
  { additionalProperties: false, ...doc('文件未规定而由本方案假定的参数', 'a parameter the document leaves open') },
);
export type Assumption = Static<typeof Assumption>;

/** What the document calls the evaluated units and their parents, so messages speak its language (科室 / 单位, 部室 / 集团). */
export const Terms = Type.Object(
  {
    unit: Type.Optional(Type.String({ minLength: 1, maxLength: 20, ...doc('参评对象的称呼(如 科室、部室;缺省“参评单位”)', 'word for an evaluated unit (default 参评单位)') })),
    parent: Type.Optional(Type.String({ minLength: 1, maxLength: 20, ...doc('上级的称呼(如 单位、集团;缺省“主管单位”)', 'word for a parent (default 主管单位)') })),
  },
  { additionalProperties: false, ...doc('提示信息中对参评对象与上级的称呼', 'words used in messages for units and parents') },
);
export type Terms = Static<typeof Terms>;

export const Scheme = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    id: Id,
    name: Type.String({ minLength: 1 }),
    nameEn: Type.Optional(Type.String()),
    jurisdiction: Type.String({ minLength: 1 }),
    year: Int({ minimum: 1990, maximum: 2100 }),
    version: Type.String({ pattern: '^\\d+\\.\\d+\\.\\d+$', ...doc('版本号 x.y.z', 'semantic version') }),
    basedOn: Type.Optional(
      Type.Object({ id: Id, version: Type.String() }, { additionalProperties: false, ...doc('起草所依据的方案版本', 'scheme version this was drafted from') }),
    ),
    description: Type.Optional(Type.String()),
    source: Source,
    terms: Type.Optional(Terms),
    totalPoints: Num({ exclusiveMinimum: 0, ...doc('总分(不含分值外加分)', 'total points, excluding items outside the total') }),
    window: Type.Optional(TimeWindow),
    categories: Type.Array(Category, { ...doc('参评单位类别', 'unit categories') }),
    parentCategories: Type.Optional(Type.Array(Category, { ...doc('主管单位类别', 'parent categories') })),
    factTypes: Type.Array(FactType),
    indicators: Type.Array(Indicator, { minItems: 1 }),
    rounding: Type.Optional(Type.Object({ total: Type.Optional(Rounding) }, { additionalProperties: false })),
    display: Type.Optional(
      Type.Object(
        {
          digits: Int({ minimum: 0, maximum: 6, ...doc('总分与各项得分显示的小数位数(四舍五入,只影响显示,不影响计算)', 'decimal digits shown for totals and points (half-up; display only, the computation is unchanged)') }),
          source: Type.Optional(Source),
        },
        { additionalProperties: false, ...doc('显示精度:表格、说明、JSON 与差异报告中的总分都按此显示;未写时取 rounding.total 的位数,再无则 3 位', 'display precision of totals in the table, the trace, JSON and diffs; default: rounding.total digits, else 3') },
      ),
    ),
    exemptions: Type.Optional(Type.Array(Exemption)),
    selections: Type.Optional(Type.Array(Selection)),
    rankings: Type.Array(Ranking),
    classifications: Type.Optional(Type.Array(Classification)),
    vetoes: Type.Optional(Type.Array(Veto, { ...doc('一票否决', 'one-vote vetoes') })),
    validity: Type.Optional(Type.Array(ValidityRule, { ...doc('评议有效性规则(法定人数、票数、每票选择数、抽样数)', 'validity rules: quorum, ballots, picks per ballot, sampling counts') })),
    consequences: Type.Optional(Type.Array(Consequence)),
    assumptions: Type.Optional(Type.Array(Assumption)),
  },
  { $id: SCHEME_SCHEMA_ID, additionalProperties: false, title: 'pingyi scheme 评议方案', ...doc('评议方案', 'appraisal scheme') },
);
export type Scheme = Static<typeof Scheme>;
