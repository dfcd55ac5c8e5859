import { Type, type Static } from '@sinclair/typebox';
import { ConditionSchema } from '../../conditions/condition-schema.ts';
import { Id, Int, Num, Source } from '../common.ts';
import { DescribedRef, KindUnion, StringEnum, doc } from '../kind-union.ts';

export const VoteLevel = Type.Object(
  {
    id: Type.String({ minLength: 1, ...doc('档次在数据中的取值(如 satisfied)', 'the level as it appears in the data, e.g. satisfied') }),
    name: Type.String({ ...doc('档次名称(如 满意)', 'level name, e.g. 满意') }),
    value: Num({ minimum: 0, maximum: 1, ...doc('每票折合满分的比例(满意 1、基本满意 0.8…)', 'fraction of full points one vote is worth (satisfied 1, fairly satisfied 0.8…)') }),
  },
  { additionalProperties: false, ...doc('评价档次及赋分', 'vote level and its value') },
);

export const NoVotesPolicy = KindUnion(
  [
    Type.Object({ kind: Type.Literal('zero'), source: Type.Optional(Source) }, { additionalProperties: false, ...doc('计 0 分', 'zero points') }),
    Type.Object({ kind: Type.Literal('population-mean'), source: Type.Optional(Source) }, { additionalProperties: false, ...doc('计有票单位的总平均分', 'the mean of the units with votes') }),
    Type.Object({ kind: Type.Literal('full'), source: Type.Optional(Source) }, { additionalProperties: false, ...doc('计满分', 'full points') }),
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
    levelField: Type.String({ default: 'level', ...doc('档次字段', 'field with the vote level') }),
    countField: Type.Optional(Type.String({ ...doc('票数字段(汇总票);缺省每条记录一票', 'field with a vote count; default one vote per record') })),
    filter: Type.Optional(DescribedRef(ConditionSchema, doc('只计满足此条件的票(如只计上半年 half = h1)', 'only the votes for which this holds count, e.g. half = h1'))),
    levels: Type.Array(VoteLevel, { minItems: 2, ...doc('评价档次及其赋分', 'vote levels and their values') }),
    smallSample: Type.Optional(
      Type.Object(
        {
          minVotes: Int({ minimum: 1, ...doc('票数少于此数时折算', 'blend when a unit has fewer votes than this') }),
          populationWeight: Num({ minimum: 0, maximum: 1, ...doc('总平均分的权重(如 0.7)', 'weight of the population mean, e.g. 0.7') }),
          ownWeight: Num({ minimum: 0, maximum: 1, ...doc('本单位得分的权重(如 0.3)', 'weight of the unit\'s own score, e.g. 0.3') }),
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
          field: Type.String({ ...doc('服务量字段', 'field with the service volume') }),
          bands: Type.Array(
            Type.Object(
              {
                min: Num({ ...doc('服务量下限(含)', 'lowest volume, included') }),
                max: Type.Optional(Num({ ...doc('服务量上限(不含);缺省无上限', 'highest volume, excluded; default none') })),
                factor: Num({ exclusiveMinimum: 0, ...doc('该档权重系数', 'weight factor of the band') }),
              },
              { additionalProperties: false, ...doc('服务量档', 'volume band') },
            ),
            { minItems: 1, ...doc('服务量分档及系数', 'volume bands and their factors') },
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
