import type { Condition } from '../conditions/condition-schema.ts';
import { periodText, type PeriodUnit } from './period.ts';

/**
 * What a measure is given: the distinct periods, in order, of one unit's facts
 * that match the input's condition (`matched`), and those of the facts that
 * match the measure's own mark condition (`marks`: a rating, a notice), if it has one.
 */
export interface PeriodFacts {
  matched: readonly number[];
  marks: readonly number[];
  unit: PeriodUnit;
}

/** A number and the sentence that says how it was found, in Chinese. */
export interface Measured {
  value: number;
  zh: string;
}

/** One kind of condition over a unit's periods: one file each, registered in index.ts. */
export interface PeriodMeasureImpl<M extends { kind: string }> {
  readonly kind: M['kind'];
  /** The second condition that marks periods (the last rating, the notice), when the measure has one. */
  mark(m: M): Condition | undefined;
  /** Day differences need dated facts, not months or quarters. */
  readonly needsDates: boolean;
  measure(m: M, p: PeriodFacts): Measured;
}

export const list = (xs: readonly number[], unit: PeriodUnit): string => (xs.length === 0 ? '无' : xs.map((x) => periodText(x, unit)).join('、'));
