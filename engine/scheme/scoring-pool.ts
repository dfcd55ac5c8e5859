import { Type, type Static } from '@sinclair/typebox';
import { Id, Source } from './common.ts';
import { StringEnum, doc } from './kind-union.ts';

/** How a unit entered a selection: the top N, the bottom N, carried over from history, or listed by an office as a fact. */
export const SELECTION_REASONS = ['top', 'bottom', 'carry-over', 'listed'] as const;
export type SelectionReason = (typeof SELECTION_REASONS)[number];
export const SelectionReason = StringEnum(SELECTION_REASONS, {
  ...doc('入围方式:前 N 名 top、后 N 名 bottom、上年结果 carry-over、名单 listed', 'how a unit entered: top N, bottom N, carried over, listed by the office'),
});

/**
 * 分池计分: a document may say that the units an office listed and the computed
 * entrants are separate pools (市评议办确定的网络评议单位单独计算). A selection-bound
 * indicator then runs its population step — the mean a unit without votes gets, the
 * small-sample blend's mean, a quota, a rank — over the members of each pool apart.
 */
export const ScoringPool = Type.Object(
  {
    id: Id,
    name: Type.String({ minLength: 1, ...doc('分池名称', 'pool name') }),
    reasons: Type.Array(SelectionReason, {
      minItems: 1,
      ...doc('以这些方式入围的单位属于本池', 'the members that entered this way belong to this pool'),
    }),
    source: Source,
  },
  {
    additionalProperties: false,
    examples: [{ id: 'office-list', name: '评议办确定的单位', reasons: ['listed'], source: '二(一):评议办确定的网络评议单位单独计算' }],
    ...doc(
      '计分分池:本池单位单独计算总平均分(无票、小样本折算)、名额与名次',
      'scoring pool: its members form their own population (the mean for no votes and small samples, quotas, ranks)',
    ),
  },
);
export type ScoringPool = Static<typeof ScoringPool>;
