import { Type, type Static } from '@sinclair/typebox';
import { ConditionSchema } from '../../conditions/condition-schema.ts';
import { Id, Int, Num, Source } from '../common.ts';
import { StringEnum, doc } from '../kind-union.ts';

/**
 * Parents are ranked by a reported score within their group (or their rank
 * is reported as given by the body that ranked a wider population); from
 * place `freeTop + 1` on, each place costs `perPlace`; every unit of the
 * parent receives the parent's result.
 */
export const RankDeductionMethod = Type.Object(
  {
    kind: Type.Literal('rank-deduction'),
    factType: Id,
    scoreField: Type.Optional(Type.String({ ...doc('主管单位年度分数字段:在同组主管单位中排名', 'field with the parent score; parents are ranked within their group') })),
    rankField: Type.Optional(
      Type.String({
        ...doc('主管单位名次字段:名次由组织排名的部门给出(排名范围大于本名单时),与 scoreField 二选一', 'field with the rank as published by the ranking body (when it ranks more parents than this roster); instead of scoreField'),
      }),
    ),
    groups: Type.Array(
      Type.Object(
        {
          id: Id,
          name: Type.String({ ...doc('分组名称', 'group name') }),
          when: ConditionSchema,
          freeTop: Int({ minimum: 0, ...doc('不扣分的前 N 名', 'places free of deduction') }),
          perPlace: Num({ minimum: 0, ...doc('此后每下降一位扣分:扣分 = max(0, 名次 − freeTop) × perPlace;并列同名次,下一名次跳过', 'points per place after: deduction = max(0, rank − freeTop) × perPlace; equal scores share a rank, the next is skipped') }),
          source: Source,
        },
        { additionalProperties: false, ...doc('排名分组(条件作用于主管单位:parent)', 'ranking group; condition on the parent') },
      ),
      { minItems: 1, ...doc('排名分组(如党政机关、垂直管理单位)', 'ranking groups, e.g. party and government bodies, vertically managed units') },
    ),
    floor: Num({ default: 0, ...doc('最低分(扣完为止为 0)', 'floor') }),
    missing: StringEnum(['zero', 'full', 'error'], {
      ...doc('主管单位无年度分数时', 'when a parent has no score'),
    }),
    source: Type.Optional(Source),
  },
  { additionalProperties: false, ...doc('按主管单位排名扣分', 'rank-based deduction propagated from the parent') },
);
export type RankDeductionMethod = Static<typeof RankDeductionMethod>;
