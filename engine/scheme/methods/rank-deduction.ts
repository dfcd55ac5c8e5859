import { Type, type Static } from '@sinclair/typebox';
import { ConditionSchema } from '../../conditions/condition-schema.ts';
import { Id, Source } from '../common.ts';
import { StringEnum, doc } from '../kind-union.ts';

/**
 * Parents are ranked by a reported score within their group; from place
 * `freeTop + 1` on, each place costs `perPlace`; every unit of the parent
 * receives the parent's result.
 */
export const RankDeductionMethod = Type.Object(
  {
    kind: Type.Literal('rank-deduction'),
    factType: Id,
    scoreField: Type.String(),
    groups: Type.Array(
      Type.Object(
        {
          id: Id,
          name: Type.String(),
          when: ConditionSchema,
          freeTop: Type.Integer({ minimum: 0, ...doc('不扣分的前 N 名', 'places free of deduction') }),
          perPlace: Type.Number({ minimum: 0, ...doc('此后每下降一位扣分', 'points per place after') }),
          source: Source,
        },
        { additionalProperties: false, ...doc('排名分组(条件作用于主管单位:parent)', 'ranking group; condition on the parent') },
      ),
      { minItems: 1 },
    ),
    floor: Type.Number({ default: 0 }),
    missing: StringEnum(['zero', 'full', 'error'], {
      ...doc('主管单位无年度分数时', 'when a parent has no score'),
    }),
    source: Type.Optional(Source),
  },
  { additionalProperties: false, ...doc('按主管单位排名扣分', 'rank-based deduction propagated from the parent') },
);
export type RankDeductionMethod = Static<typeof RankDeductionMethod>;
