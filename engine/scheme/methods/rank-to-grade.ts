import { Type, type Static } from '@sinclair/typebox';
import { AdjustmentRule } from '../adjustment-rule.ts';
import { Id, Num, Source } from '../common.ts';
import { StringEnum, doc } from '../kind-union.ts';
import { Quota, QuotaScope } from './graded-rating.ts';

/**
 * A preliminary grade per unit and period is turned into a score
 * (grade base + adjustment events), the units of a scope are re-ranked by that
 * score and given final grades by shares (top share → first grade, …); the
 * final grades' points are averaged over the periods.
 */
export const RankToGradeMethod = Type.Object(
  {
    kind: Type.Literal('rank-to-grade'),
    factType: Id,
    gradeField: Type.String({ ...doc('初步等次字段', 'field with the preliminary grade') }),
    periodField: Type.String({ ...doc('期次字段(如 quarter)', 'field with the period, e.g. quarter') }),
    periods: Type.Array(Type.String(), { minItems: 1, ...doc('期次(如四个季度)', 'periods, e.g. quarters') }),
    grades: Type.Array(
      Type.Object(
        {
          id: Id,
          name: Type.String({ ...doc('等次名称', 'grade name') }),
          base: Num({ ...doc('初步等次折算的基础分', 'score a preliminary grade starts from') }),
          percent: Num({ minimum: 0, maximum: 100, ...doc('最终等次所占比例', 'share of the final grade') }),
          points: Num({ ...doc('最终等次的指标分值', 'indicator points of the final grade') }),
        },
        { additionalProperties: false, ...doc('等次:初评基础分、最终比例与分值', 'grade: base score, final share and points') },
      ),
      { minItems: 2, ...doc('等次(从高到低)', 'grades, best first') },
    ),
    rounding: StringEnum(['floor', 'ceil', 'round'], { ...doc('最终等次名额的取整方式', 'how a final share of n is turned into a count') }),
    remainder: Type.Optional(
      Type.String({
        pattern: '^[a-z0-9][a-z0-9-]*$',
        ...doc(
          '取余数的等次:其他等次按比例取整,余下的单位归此等次(缺省为最后一个等次;20%/60%/20% 取整到最近时为中间等次)',
          'the grade that takes the units the other grades’ rounded shares leave (default: the last grade; the middle one for 20/60/20 rounded to nearest)',
        ),
      }),
    ),
    scope: QuotaScope,
    adjustments: Type.Array(AdjustmentRule, { ...doc('加减分事件(规则的 factType 须有期次字段)', 'adjustment events; their facts carry the period field') }),
    missing: StringEnum(['lowest', 'error'], { ...doc('某期缺少初步等次时:按最低等次 lowest 或作为输入错误 error', 'a period without a preliminary grade: the lowest grade, or an input error') }),
    /** 初步等次的比例控制(每期检查;违反为输入错误) — quota of the preliminary grades, checked per period. */
    preliminaryQuota: Type.Optional(Quota),
    source: Type.Optional(Source),
  },
  { additionalProperties: false, ...doc('初评等次加减分后重新排名定等', 'preliminary grade adjusted by events, re-ranked into grades') },
);
export type RankToGradeMethod = Static<typeof RankToGradeMethod>;
