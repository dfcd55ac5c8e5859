import { Type, type Static } from '@sinclair/typebox';
import { ConditionSchema } from '../../conditions/condition-schema.ts';
import { Id, Num, Rounding, Source } from '../common.ts';
import { StringEnum, doc } from '../kind-union.ts';

/**
 * Scores reported by raters or periods (a department's mark, a quarter's
 * result), combined by mean or sum, optionally on their own scale (e.g. 100)
 * converted to the indicator's points.
 */
export const ReportedScoreMethod = Type.Object(
  {
    kind: Type.Literal('reported-score'),
    factType: Id,
    field: Type.String(),
    filter: Type.Optional(ConditionSchema),
    combine: StringEnum(['mean', 'sum', 'max', 'min']),
    scale: Type.Optional(Num({ exclusiveMinimum: 0, ...doc('上报分数的满分(如 100),换算为指标分值', 'full mark of the reported scale') })),
    rounding: Type.Optional(Rounding),
    missing: StringEnum(['zero', 'full', 'error']),
    source: Type.Optional(Source),
  },
  { additionalProperties: false, ...doc('上报分数(多评价主体或多期取均值)', 'reported scores averaged over raters or periods') },
);
export type ReportedScoreMethod = Static<typeof ReportedScoreMethod>;
