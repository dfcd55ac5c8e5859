import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { ConditionSchema } from '../conditions/condition-schema.ts';
import { Id, Num, Rounding, Source } from './common.ts';
import { KindUnion, StringEnum, doc } from './kind-union.ts';
import { Method } from './methods/index.ts';
import { ScoringPool } from './scoring-pool.ts';

export const NotSelectedPolicy = KindUnion(
  [
    Type.Object({ kind: Type.Literal('zero'), source: Type.Optional(Source) }, { additionalProperties: false, ...doc('计 0 分', 'zero points') }),
    Type.Object({ kind: Type.Literal('fixed'), points: Num({ examples: [0], ...doc('未入选单位所得分值', 'points a unit outside the selection gets') }), source: Type.Optional(Source) }, { additionalProperties: false, ...doc('固定分值', 'fixed points') }),
    Type.Object(
      { kind: Type.Literal('proportional'), basis: Id, source: Type.Optional(Source) },
      { additionalProperties: false, ...doc('按另一指标得分率折算', 'this max × (basis points ÷ basis max)') },
    ),
  ],
  doc('未入选单位的计分', 'points of units outside the selection'),
);
export type NotSelectedPolicy = Static<typeof NotSelectedPolicy>;

const IndicatorFields = <T extends TSchema>(self: T) => ({
  id: Id,
  name: Type.String({ minLength: 1, ...doc('指标名称', 'indicator name') }),
  nameEn: Type.Optional(Type.String({ ...doc('英文名称', 'name in English') })),
  points: Type.Optional(Num({ minimum: 0, ...doc('分值(满分)', 'maximum points') })),
  percent: Type.Optional(Num({ minimum: 0, maximum: 100, ...doc('占上级分值的百分比', 'percentage of the parent indicator') })),
  outsideTotal: Type.Optional(Type.Boolean({ ...doc('分值不占评价总分值(如加分项)', 'counted on top of the total, not inside it') })),
  source: Type.Optional(Source),
  aggregate: Type.Optional(
    StringEnum(['sum', 'mean'], { ...doc('子项汇总:求和 sum,或平均 mean(各子指标得分之和 ÷ 子指标个数,子指标分值须与上级相同;如两次半年评议)', 'how children combine: sum, or mean (sum of the children ÷ their number; each child has the parent\'s points)') }),
  ),
  children: Type.Optional(Type.Array(self, { minItems: 1, ...doc('子指标(按 aggregate 汇总)', 'child indicators, combined by `aggregate`') })),
  variants: Type.Optional(
    Type.Array(
      Type.Object(
        {
          id: Id,
          name: Type.String({ minLength: 1, ...doc('变体名称', 'variant name') }),
          when: Type.Optional(ConditionSchema),
          children: Type.Array(self, { minItems: 1, ...doc('本变体的子指标', 'the children of this variant') }),
          source: Type.Optional(Source),
        },
        {
          additionalProperties: false,
          ...doc(
            '指标变体:when 对 $unit / $parent 成立的单位使用这组子指标;不写 when 的为缺省变体(须为最后一个)',
            'variant: units for which `when` (on $unit / $parent) holds use these children; the last variant has no `when` and is the default',
          ),
        },
      ),
      {
        minItems: 2,
        ...doc(
          '按单位选用的子指标组(如设有窗口的单位:问卷10% + 窗口20%;其他单位:问卷30%);每个单位取第一个条件成立的变体',
          'per-unit alternative children (e.g. units with a window: survey 10 + window 20; others: survey 30); each unit takes the first variant whose condition holds',
        ),
      },
    ),
  ),
  method: Type.Optional(Method),
  requires: Type.Optional(
    Type.Object(
      {
        selection: Id,
        otherwise: NotSelectedPolicy,
        pools: Type.Optional(
          Type.Array(ScoringPool, {
            minItems: 2,
            ...doc(
              '分池计分:按入围方式把入选单位分成几个池,各池单独计算(如评议办名单单位与计算入围单位分开);每种可能的入围方式恰属一个池',
              'separate pools scored separately: the members split by how they entered, each pool its own population; every possible way of entering belongs to exactly one pool',
            ),
          }),
        ),
      },
      { additionalProperties: false, ...doc('仅对入选单位计分(如网络评价)', 'scored only for the units of a selection') },
    ),
  ),
  rounding: Type.Optional(Rounding),
});

/** A node of the indicator tree: children (with an aggregate), per-unit variants of children, or a method. */
export const Indicator = Type.Recursive((This) => Type.Object(IndicatorFields(This), { additionalProperties: false, ...doc('指标', 'indicator') }), {
  $id: 'Indicator',
});
export type Indicator = Static<typeof Indicator>;
export type IndicatorVariant = NonNullable<Indicator['variants']>[number];
