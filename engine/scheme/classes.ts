import { Type, type Static } from '@sinclair/typebox';
import { ConditionSchema } from '../conditions/condition-schema.ts';
import { Id, Int, Num, Source } from './common.ts';
import { Basis } from './flow-basis.ts';
import { KindUnion, StringEnum, doc } from './kind-union.ts';

/** One end of a score band, its inclusion declared (never guessed): ≥ 85 is `{ value: 85, inclusive: true }`. */
export const Bound = Type.Object(
  { value: Num({ ...doc('端点分数', 'the end score') }), inclusive: Type.Boolean({ ...doc('是否含端点(≥/≤ 为 true,>/< 为 false)', 'whether the end value itself belongs to the band') }) },
  { additionalProperties: false, ...doc('分数带端点', 'end of a score band') },
);

/** A score band on the total or an indicator: lower ≤ value < upper as the bounds declare; at least one bound. */
export const ScoreBand = Type.Object(
  {
    basis: Basis,
    lower: Type.Optional(Bound),
    upper: Type.Optional(Bound),
    source: Type.Optional(Source),
  },
  { additionalProperties: false, ...doc('分数带(总成绩或某指标)', 'a score band on the total or an indicator') },
);
export type ScoreBand = Static<typeof ScoreBand>;

/** k of the listed earlier years: `atLeast` defaults to all of them (连续 N 年). */
export const HistoryCondition = Type.Object(
  {
    outcome: Id,
    yearsAgo: Type.Array(Int({ minimum: 1 }), { minItems: 1, ...doc('往前第几年(1 = 上一年度)', 'years back (1 = last year)') }),
    atLeast: Type.Optional(Int({ minimum: 1, ...doc('所列年度中至少几年为该结果(缺省:全部)', 'how many of the listed years must hold the outcome (default: all)') })),
    source: Type.Optional(Source),
  },
  {
    additionalProperties: false,
    ...doc(
      '往年结果条件:所列年度中至少 atLeast 年为该结果(如近三年两次黄牌;缺省为每年,即连续)',
      'history condition: the outcome in at least `atLeast` of the listed years (default every one, i.e. running)',
    ),
  },
);
export type HistoryCondition = Static<typeof HistoryCondition>;

/**
 * A class cut inside a tie must say what happens: every tied unit in (名次可以并列), the
 * ranking's own order (its tie-break keys, then its declared fallback; shared places
 * stay shared, so every unit on the boundary place is in), none of the tied units, or an error.
 */
export const TiePolicy = StringEnum(['include', 'ranking', 'exclude', 'error'], {
  ...doc(
    '名额边界上成绩完全相同时:全部计入 include、按排名的并列规则 ranking(并列名次全部计入)、全部不计 exclude、报错 error',
    'units fully tied across the boundary: all in, the ranking’s own order (shared places all in), none, or an error',
  ),
});
export type TiePolicy = Static<typeof TiePolicy>;

const common = {
  id: Id,
  name: Type.String({ ...doc('等次名称(如 满意)', 'class name, e.g. 满意') }),
  within: Type.Optional(Id),
  excludes: Type.Optional(Type.Array(Id, { ...doc('已属这些等次的单位不再参与本等次(如不满意单位不取满意单位)', 'units already in these classes are not eligible') })),
  source: Source,
};

/** 满意 / 不满意 / 最不满意 …: the top or bottom of a ranking (per group), by count or percent. */
export const PlaceClass = Type.Object(
  {
    kind: Type.Literal('place'),
    ...common,
    ranking: Id,
    from: StringEnum(['top', 'bottom'], { ...doc('从排名前端 top 或末端 bottom 取', 'taken from the top or the bottom of the ranking') }),
    count: Type.Optional(Int({ minimum: 0, ...doc('名额(个数),与 percent 二选一', 'number of places; instead of percent') })),
    percent: Type.Optional(Num({ minimum: 0, maximum: 100, ...doc('名额(占比 %),与 count 二选一;比例取自仍有资格的单位(已除去 excludes 中等次、被否决及 among 分数带以外的单位)', 'places as a percentage, instead of count; taken of the units still eligible (those in `excludes` classes, vetoed, or outside `among` left out)') })),
    rounding: Type.Optional(StringEnum(['floor', 'ceil', 'round'], { ...doc('按比例计算名额时的取整', 'how a percentage of n is turned into a count') })),
    among: Type.Optional(ScoreBand),
    ties: TiePolicy,
    history: Type.Optional(HistoryCondition),
  },
  {
    additionalProperties: false,
    ...doc(
      '按名次认定等次:排名前/后 N 名或 N%;among 先按分数带筛选(如 75 分以下单位中的后 10%),within 先按等次筛选',
      'class by place: top/bottom N or N% of a ranking; `among` first keeps units in a score band, `within` units of an earlier class',
    ),
  },
);

/** 优秀 ≥ 85, 良好 75–85 …: every scored unit whose value falls in the band. */
export const BandClass = Type.Object(
  { kind: Type.Literal('band'), ...common, band: ScoreBand },
  { additionalProperties: false, ...doc('按分数带认定等次(如 85 分以上为优秀)', 'class by score band (e.g. 85 and above: excellent)') },
);

/** 连续两年不满意 …: units of a class this year whose history holds an outcome in k of n earlier years. */
export const HistoryClass = Type.Object(
  { kind: Type.Literal('history'), ...common, of: Id, history: HistoryCondition },
  {
    additionalProperties: false,
    ...doc('按往年结果认定:今年属某等次、且往年结果满足条件的单位(如连续两年不满意)', 'units of a class this year whose earlier years hold an outcome (e.g. dissatisfied two years running)'),
  },
);

export const Classification = KindUnion([PlaceClass, BandClass, HistoryClass], doc('等次认定', 'classification'));
export type Classification = Static<typeof Classification>;
export type ClassKind = Classification['kind'];

/** What a veto does to a unit with a matching fact. */
export const VetoEffect = KindUnion(
  [
    Type.Object(
      {
        kind: Type.Literal('force'),
        class: Id,
        removeFrom: Type.Optional(Type.Array(Id, { ...doc('同时移出的等次(如满意)', 'classes the unit is kept out of') })),
      },
      { additionalProperties: false, ...doc('直接定为某等次(不论得分,不占名额)', 'into a class whatever the score, on top of its places') },
    ),
    Type.Object(
      { kind: Type.Literal('remove'), classes: Type.Array(Id, { minItems: 1, ...doc('不得评为的等次', 'the classes the unit is kept out of') }) },
      { additionalProperties: false, ...doc('不得评为这些等次(名额顺延给下一单位)', 'kept out of these classes (the place passes to the next unit)') },
    ),
    Type.Object(
      { kind: Type.Literal('cap'), class: Id, above: Type.Array(Id, { minItems: 1, examples: [['excellent']], ...doc('高于封顶等次的等次', 'the classes above the cap') }) },
      { additionalProperties: false, ...doc('等次封顶:本应属 above 中等次的单位定为 class', 'capped: a unit that would be in an `above` class is put in `class`') },
    ),
  ],
  doc('否决的效果', 'effect of a veto'),
);
export type VetoEffect = Static<typeof VetoEffect>;

/** 一票否决: a fact of a declared type (and condition) decides a unit's class whatever its score. */
export const Veto = Type.Object(
  {
    id: Id,
    name: Type.String({ ...doc('否决事项名称', 'veto name') }),
    factType: Id,
    when: Type.Optional(ConditionSchema),
    effect: VetoEffect,
    source: Source,
  },
  { additionalProperties: false, ...doc('一票否决:有该类事实的单位按效果定等次', 'one-vote veto: a unit with such a fact is classed as the effect says') },
);
export type Veto = Static<typeof Veto>;
