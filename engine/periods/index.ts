import type { Static } from '@sinclair/typebox';
import { KindUnion, doc } from '../scheme/kind-union.ts';
import { daysBetween, DaysBetweenMeasure } from './days-between.ts';
import type { PeriodMeasureImpl } from './measure.ts';
import { periodCount, PeriodCountMeasure } from './period-count.ts';
import { sinceLast, SinceLastMeasure } from './since-last.ts';
import { streak, StreakMeasure } from './streak.ts';

/** Every condition over a unit's sequence of periods. Adding one: a file here, an entry in both lists below. */
export const PeriodMeasure = KindUnion([StreakMeasure, PeriodCountMeasure, SinceLastMeasure, DaysBetweenMeasure], doc('期别度量', 'measure over periods'));
export type PeriodMeasure = Static<typeof PeriodMeasure>;
export type PeriodMeasureKind = PeriodMeasure['kind'];

export const PERIOD_MEASURES = {
  streak,
  periods: periodCount,
  'since-last': sinceLast,
  'days-between': daysBetween,
} as const satisfies { [K in PeriodMeasureKind]: PeriodMeasureImpl<Extract<PeriodMeasure, { kind: K }>> };

/** The registered implementation of a measure, typed by its kind. */
export function periodMeasure<K extends PeriodMeasureKind>(kind: K): PeriodMeasureImpl<Extract<PeriodMeasure, { kind: K }>> {
  return PERIOD_MEASURES[kind] as unknown as PeriodMeasureImpl<Extract<PeriodMeasure, { kind: K }>>;
}

export { PeriodDeclaration, periodOrdinal, periodText, PERIOD_UNITS, type PeriodUnit } from './period.ts';
export type { PeriodFacts, Measured } from './measure.ts';
