import { Type, type Static } from '@sinclair/typebox';
import { Id, Int, Num, Rounding, Source, TimeWindow } from './common.ts';
import { FactType } from './fact-type.ts';
import { Classification, Consequence, Exemption, Ranking, Selection, Veto } from './flow.ts';
import { ValidityRule } from './validity.ts';
import { Indicator } from './indicator.ts';
import { doc } from './kind-union.ts';
import { FORMAT_VERSION } from './format-version.ts';

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
    name: Type.String({ ...doc('类别名称', 'category name') }),
    description: Type.Optional(Type.String({ ...doc('类别说明', 'description of the category') })),
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
    note: Type.String({ minLength: 1, ...doc('假定的内容与理由', 'what is assumed, and why') }),
    noteEn: Type.Optional(Type.String({ ...doc('假定说明(英文)', 'the note in English') })),
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
    $schema: Type.Optional(Type.String({ ...doc('JSON Schema 的位置,供编辑器补全与校验(引擎不读)', 'where the JSON Schema is, for editors (the engine ignores it)') })),
    formatVersion: Type.Optional(
      Int({
        minimum: 1,
        examples: [FORMAT_VERSION],
        ...doc(
          `方案格式的版本(当前为 ${FORMAT_VERSION});旧版本用 pingyi migrate 升级,变化见 CHANGELOG.md;不写视为 1`,
          `version of the scheme format (now ${FORMAT_VERSION}); older ones upgrade with pingyi migrate, changes in CHANGELOG.md; absent means 1`,
        ),
      }),
    ),
    id: Id,
    name: Type.String({ minLength: 1, ...doc('方案名称(文件标题)', 'scheme name (the title of the document)') }),
    nameEn: Type.Optional(Type.String({ ...doc('英文名称', 'name in English') })),
    jurisdiction: Type.String({ minLength: 1, ...doc('组织评议的地区或机关', 'jurisdiction that runs the appraisal') }),
    year: Int({ minimum: 1990, maximum: 2100, ...doc('评议年度', 'appraisal year') }),
    version: Type.String({ pattern: '^\\d+\\.\\d+\\.\\d+$', ...doc('版本号 x.y.z', 'semantic version') }),
    basedOn: Type.Optional(
      Type.Object({ id: Id, version: Type.String({ ...doc('所依据的版本号', 'version drafted from') }) }, { additionalProperties: false, ...doc('起草所依据的方案版本', 'scheme version this was drafted from') }),
    ),
    description: Type.Optional(Type.String({ ...doc('方案说明', 'description of the scheme') })),
    source: Source,
    terms: Type.Optional(Terms),
    totalPoints: Num({ exclusiveMinimum: 0, ...doc('总分(不含分值外加分)', 'total points, excluding items outside the total') }),
    window: Type.Optional(TimeWindow),
    categories: Type.Array(Category, { ...doc('参评单位类别', 'unit categories') }),
    parentCategories: Type.Optional(Type.Array(Category, { ...doc('主管单位类别', 'parent categories') })),
    factTypes: Type.Array(FactType, { ...doc('方案接受的事实(输入记录)类型', 'the kinds of input records the scheme accepts') }),
    indicators: Type.Array(Indicator, { minItems: 1, ...doc('指标树(一级指标)', 'the indicator tree (top level)') }),
    rounding: Type.Optional(
      Type.Object({ total: Type.Optional(Rounding) }, { additionalProperties: false, examples: [{ total: { digits: 2, mode: 'half-up' } }], ...doc('舍入:total 为总成绩的舍入规则', 'rounding: `total` rounds the final total') }),
    ),
    display: Type.Optional(
      Type.Object(
        {
          digits: Int({ minimum: 0, maximum: 6, examples: [2], ...doc('总分与各项得分显示的小数位数(四舍五入,只影响显示,不影响计算)', 'decimal digits shown for totals and points (half-up; display only, the computation is unchanged)') }),
          source: Type.Optional(Source),
        },
        { additionalProperties: false, examples: [{ digits: 2 }], ...doc('显示精度:表格、说明、JSON 与差异报告中的总分都按此显示;未写时取 rounding.total 的位数,再无则 3 位', 'display precision of totals in the table, the trace, JSON and diffs; default: rounding.total digits, else 3') },
      ),
    ),
    exemptions: Type.Optional(Type.Array(Exemption, { ...doc('免评规则(如上年度满意单位本年免评)', 'exemptions (e.g. last year\'s satisfied units are exempt this year)') })),
    selections: Type.Optional(Type.Array(Selection, { ...doc('筛选(如入围网络评价的单位)', 'selections (e.g. the units in the online round)') })),
    rankings: Type.Array(Ranking, { ...doc('排名', 'rankings') }),
    classifications: Type.Optional(Type.Array(Classification, { ...doc('等次(满意、不满意、优秀…)', 'classes (satisfied, dissatisfied, excellent…)') })),
    classesCoverAll: Type.Optional(
      Type.Boolean({
        ...doc(
          '等次覆盖全部参评单位(如优秀、良好、一般、差四档必居其一):为 true 时,参评单位不属任何等次即警告 unit-in-no-class',
          'the classes cover every scored unit (e.g. each unit is one of 优秀/良好/一般/差): when true, a scored unit in no class is warned (unit-in-no-class)',
        ),
      }),
    ),
    vetoes: Type.Optional(Type.Array(Veto, { ...doc('一票否决', 'one-vote vetoes') })),
    validity: Type.Optional(Type.Array(ValidityRule, { ...doc('评议有效性规则(法定人数、票数、每票选择数、抽样数)', 'validity rules: quorum, ballots, picks per ballot, sampling counts') })),
    consequences: Type.Optional(Type.Array(Consequence, { ...doc('结果运用(考绩加减分、通报…)', 'consequences (appraisal points, public notice…)') })),
    assumptions: Type.Optional(Type.Array(Assumption, { ...doc('文件未规定、由本方案假定的参数清单', 'the parameters the document leaves open, as this scheme assumes them') })),
  },
  { $id: SCHEME_SCHEMA_ID, additionalProperties: false, title: 'pingyi scheme 评议方案', ...doc('评议方案', 'appraisal scheme') },
);
export type Scheme = Static<typeof Scheme>;
