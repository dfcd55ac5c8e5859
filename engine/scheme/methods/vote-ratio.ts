import { Type, type Static } from '@sinclair/typebox';
import { ConditionSchema } from '../../conditions/condition-schema.ts';
import { Id, Int, Num, Source } from '../common.ts';
import { KindUnion, StringEnum, doc } from '../kind-union.ts';

export const VoteLevel = Type.Object(
  { id: Type.String({ minLength: 1 }), name: Type.String(), value: Num({ minimum: 0, maximum: 1 }) },
  { additionalProperties: false, ...doc('评价档次及赋分', 'vote level and its value') },
);

export const NoVotesPolicy = KindUnion(
  [
    Type.Object({ kind: Type.Literal('zero'), source: Type.Optional(Source) }, { additionalProperties: false }),
    Type.Object({ kind: Type.Literal('population-mean'), source: Type.Optional(Source) }, { additionalProperties: false }),
    Type.Object({ kind: Type.Literal('full'), source: Type.Optional(Source) }, { additionalProperties: false }),
    Type.Object(
      { kind: Type.Literal('small-sample'), source: Type.Optional(Source) },
      {
        additionalProperties: false,
        ...doc('按小样本折算公式,本单位部分计 0:总平均分 × populationWeight(须有 smallSample)', 'the small-sample formula with the own part taken as 0: population mean × populationWeight (needs smallSample)'),
      },
    ),
  ],
  doc('无票时的计分:0、总平均分、满分,或按小样本公式', 'points when a unit has no vote: zero, the population mean, full, or the small-sample formula'),
);

/**
 * (Σ count × level value) ÷ total votes × max, optionally blended with the
 * population mean below a vote threshold, and weighted by service volume.
 */
export const VoteRatioMethod = Type.Object(
  {
    kind: Type.Literal('vote-ratio'),
    factType: Id,
    levelField: Type.String({ default: 'level' }),
    countField: Type.Optional(Type.String({ ...doc('票数字段(汇总票);缺省每条记录一票', 'field with a vote count; default one vote per record') })),
    filter: Type.Optional(ConditionSchema),
    levels: Type.Array(VoteLevel, { minItems: 2 }),
    smallSample: Type.Optional(
      Type.Object(
        {
          minVotes: Int({ minimum: 1 }),
          populationWeight: Num({ minimum: 0, maximum: 1 }),
          ownWeight: Num({ minimum: 0, maximum: 1 }),
          population: StringEnum(['units-with-votes', 'units-at-or-above-min'], {
            ...doc('“总平均分”取哪些单位', 'which units form the population mean'),
          }),
          source: Source,
        },
        { additionalProperties: false, ...doc('小样本折算', 'small-sample blending') },
      ),
    ),
    volumeWeight: Type.Optional(
      Type.Object(
        {
          factType: Id,
          field: Type.String(),
          bands: Type.Array(
            Type.Object(
              { min: Num(), max: Type.Optional(Num()), factor: Num({ exclusiveMinimum: 0 }) },
              { additionalProperties: false },
            ),
            { minItems: 1 },
          ),
          missingFactor: Num({ exclusiveMinimum: 0, ...doc('未报送服务量时的系数', 'factor when no volume was reported') }),
          source: Source,
        },
        { additionalProperties: false, ...doc('按服务量权重系数', 'weighting by reported service volume (band: min ≤ v < max)') },
      ),
    ),
    noVotes: NoVotesPolicy,
  },
  { additionalProperties: false, ...doc('满意度票数比例计分', 'vote ratio') },
);
export type VoteRatioMethod = Static<typeof VoteRatioMethod>;
