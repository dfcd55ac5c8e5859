import { Type, type Static } from '@sinclair/typebox';
import { doc } from '../scheme/kind-union.ts';
import { list, type PeriodMeasureImpl } from './measure.ts';

/** "three or more times in the year": in how many periods a matching fact occurs (several in one period count once). */
export const PeriodCountMeasure = Type.Object(
  { kind: Type.Literal('periods') },
  { additionalProperties: false, ...doc('有符合条件记录的期数(同一期多条只计一次),用于“k 期以上”', 'number of periods with a matching fact (several in one period count once), for "at least k of the periods"') },
);
export type PeriodCountMeasure = Static<typeof PeriodCountMeasure>;

export const periodCount: PeriodMeasureImpl<PeriodCountMeasure> = {
  kind: 'periods',
  mark: () => undefined,
  needsDates: false,
  measure: (_m, p) => ({ value: p.matched.length, zh: `符合条件的期别:${list(p.matched, p.unit)};共 ${p.matched.length} 期` }),
};
