import { Type, type Static } from '@sinclair/typebox';
import { ConditionSchema } from '../../conditions/condition-schema.ts';
import { Id, Num, Rounding, Source } from '../common.ts';
import { DescribedRef, StringEnum, doc } from '../kind-union.ts';

/**
 * Scores reported by raters or periods (a department's mark, a quarter's
 * result), combined by mean or sum, optionally on their own scale (e.g. 100)
 * converted to the indicator's points.
 */
export const ReportedScoreMethod = Type.Object(
  {
    kind: Type.Literal('reported-score'),
    factType: Id,
    field: Type.String({ ...doc('上报分数所在字段', 'field with the reported score') }),
    filter: Type.Optional(DescribedRef(ConditionSchema, doc('只取满足此条件的记录(如只取上半年 half = h1)', 'only the records for which this holds count, e.g. half = h1'))),
    combine: StringEnum(['mean', 'sum', 'max', 'min'], { ...doc('多条分数的合并:平均 mean、求和 sum、最高 max、最低 min', 'how several scores combine: mean, sum, max or min') }),
    scale: Type.Optional(Num({ exclusiveMinimum: 0, ...doc('上报分数的满分(如 100),换算为指标分值', 'full mark of the reported scale') })),
    rounding: Type.Optional(Rounding),
    missing: StringEnum(['zero', 'full', 'error'], { ...doc('无分数时:计 0 分 zero、满分 full 或输入错误 error', 'no score reported: zero, full points, or an input error') }),
    source: Type.Optional(Source),
  },
  { additionalProperties: false, ...doc('上报分数(多评价主体或多期取均值)', 'reported scores averaged over raters or periods') },
);
export type ReportedScoreMethod = Static<typeof ReportedScoreMethod>;
