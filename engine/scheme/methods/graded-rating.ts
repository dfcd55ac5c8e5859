import { Type, type Static } from '@sinclair/typebox';
import { Id, Num, Rounding, Source } from '../common.ts';
import { ConditionSchema } from '../../conditions/condition-schema.ts';
import { DescribedRef, KindUnion, StringEnum, doc } from '../kind-union.ts';

export const Grade = Type.Object(
  {
    id: Id,
    name: Type.String({ ...doc('等次名称', 'grade name') }),
    min: Type.Optional(Num({ ...doc('分数带下限(含)', 'band lower bound, included') })),
    max: Type.Optional(Num({ ...doc('分数带上限', 'band upper bound') })),
    maxExclusive: Type.Optional(Type.Boolean({ ...doc('上限不含', 'upper bound excluded') })),
    points: Type.Optional(Num({ ...doc('按等次赋分时的分值', 'points of the grade when grades are given') })),
  },
  { additionalProperties: false, ...doc('等次', 'grade') },
);
export type Grade = Static<typeof Grade>;

export const QuotaScope = KindUnion(
  [
    Type.Object({ kind: Type.Literal('parent') }, { additionalProperties: false, ...doc('按主管单位', 'per parent unit') }),
    Type.Object({ kind: Type.Literal('field'), field: Type.String({ examples: ['rater'], ...doc('分组所依据的事实字段', 'fact field whose values form the groups') }) }, { additionalProperties: false, ...doc('按事实字段(如评价单位)', 'per value of a fact field, e.g. rater') }),
    Type.Object({ kind: Type.Literal('all') }, { additionalProperties: false, ...doc('全体', 'all units together') }),
  ],
  doc('比例控制的范围', 'scope of a quota'),
);
export type QuotaScope = Static<typeof QuotaScope>;

export const ShareBound = Type.Object(
  {
    grade: Id,
    percent: Num({ minimum: 0, maximum: 100, ...doc('比例(%)', 'share, in percent') }),
    bound: StringEnum(['at-most', 'at-least', 'exactly'], { ...doc('不超过 at-most、不少于 at-least 或恰好 exactly', 'at most, at least or exactly that share') }),
  },
  { additionalProperties: false, ...doc('某等次的比例', 'the share of one grade') },
);

export const QuotaRule = KindUnion(
  [
    Type.Object(
      {
        kind: Type.Literal('shares'),
        shares: Type.Array(ShareBound, { minItems: 1, ...doc('各等次的比例', 'the share of each grade') }),
        rounding: StringEnum(['floor', 'ceil', 'round'], {
          ...doc('名额取整方式', 'how a share of n is turned into a count'),
        }),
      },
      { additionalProperties: false, ...doc('按比例(如 20%/60%/20%)', 'shares such as 20% / 60% / 20%') },
    ),
    Type.Object(
      { kind: Type.Literal('even-split') },
      {
        additionalProperties: false,
        ...doc('每档各占约三分之一:每档人数在 ⌊n/k⌋ 与 ⌈n/k⌉ 之间(n≤k 时每档不多于 1 个)', 'each of k grades gets between ⌊n/k⌋ and ⌈n/k⌉ units'),
      },
    ),
  ],
  doc('比例规则', 'quota rule'),
);
export type QuotaRule = Static<typeof QuotaRule>;

export const Quota = Type.Object(
  {
    scope: QuotaScope,
    rule: QuotaRule,
    when: Type.Optional(
      DescribedRef(ConditionSchema, doc('比例只约束满足此条件的单位(条件作用于 $unit / $parent,如只对机关中层类)', 'the quota binds only the units for which this holds (on $unit / $parent, e.g. one category)')),
    ),
    source: Source,
  },
  { additionalProperties: false, ...doc('等次比例控制;违反为输入错误', 'grade quota; a breach is an input error') },
);
export type Quota = Static<typeof Quota>;

/**
 * A rating body grades each unit. Either it gives a score that must fall in
 * the grade's band (`mode: score`), or it gives a grade worth fixed points
 * (`mode: grade`). Quotas are checked per scope.
 */
export const GradedRatingMethod = Type.Object(
  {
    kind: Type.Literal('graded-rating'),
    factType: Id,
    mode: StringEnum(['score', 'grade'], { ...doc('评价方式:打分 score(分数须落在等次区间内)或定等 grade(按等次赋分)', 'score: a mark that must fall in the grade\'s band; grade: a grade worth its points') }),
    scoreField: Type.Optional(Type.String({ examples: ['score'], ...doc('分数字段(mode 为 score 时)', 'field with the mark (mode score)') })),
    gradeField: Type.Optional(Type.String({ examples: ['grade'], ...doc('等次字段(mode 为 grade 时)', 'field with the grade (mode grade)') })),
    grades: Type.Array(Grade, { minItems: 1, ...doc('等次及其分数区间或分值', 'grades with their bands or points') }),
    scoreRounding: Type.Optional(Rounding),
    quota: Type.Optional(Quota),
    missing: KindUnion(
      [
        Type.Object({ kind: Type.Literal('zero') }, { additionalProperties: false, ...doc('计 0 分(并警告)', 'zero points, with a warning') }),
        Type.Object({ kind: Type.Literal('error') }, { additionalProperties: false, ...doc('作为输入错误', 'an input error') }),
      ],
      doc('缺少评价时:计 0 分或作为输入错误', 'a unit without a rating: zero points or an input error'),
    ),
    source: Type.Optional(Source),
  },
  { additionalProperties: false, ...doc('分档评价', 'graded rating with quotas') },
);
export type GradedRatingMethod = Static<typeof GradedRatingMethod>;
