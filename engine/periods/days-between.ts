import { Type, type Static } from '@sinclair/typebox';
import { ConditionSchema } from '../conditions/condition-schema.ts';
import { Num } from '../scheme/common.ts';
import { DescribedRef, doc } from '../scheme/kind-union.ts';
import type { PeriodMeasureImpl } from './measure.ts';
import { periodText } from './period.ts';

/**
 * "rectified at least 60 days after notice": days from the last fact matching
 * `from` (the notice) to the first matching fact on or after it (the
 * rectification). Either missing → the declared `missing` value, said in the explanation.
 */
export const DaysBetweenMeasure = Type.Object(
  {
    kind: Type.Literal('days-between'),
    from: DescribedRef(ConditionSchema, doc('起点记录的条件(如整改通知);取最近一条', 'the starting fact (e.g. the notice); the last one is taken')),
    missing: Num({ ...doc('缺少起点或终点记录时的取值', 'value when the start or the end fact is missing') }),
  },
  { additionalProperties: false, ...doc('两条日期记录相隔的天数(起点之后第一条符合条件的记录)', 'days between two dated facts: the start, and the first matching fact on or after it') },
);
export type DaysBetweenMeasure = Static<typeof DaysBetweenMeasure>;

export const daysBetween: PeriodMeasureImpl<DaysBetweenMeasure> = {
  kind: 'days-between',
  mark: (m) => m.from,
  needsDates: true,
  measure(m, p) {
    const start = p.marks[p.marks.length - 1];
    if (start === undefined) return { value: m.missing, zh: `无起点记录,按规定取 ${m.missing}` };
    const end = p.matched.find((x) => x >= start);
    if (end === undefined) return { value: m.missing, zh: `起点 ${periodText(start, p.unit)} 之后无符合条件的记录,按规定取 ${m.missing}` };
    return { value: end - start, zh: `起点 ${periodText(start, p.unit)},终点 ${periodText(end, p.unit)},相隔 ${end - start} 天` };
  },
};
