import { Type, type Static } from '@sinclair/typebox';
import { ConditionSchema } from '../conditions/condition-schema.ts';
import { DescribedRef, doc } from '../scheme/kind-union.ts';
import { list, type PeriodMeasureImpl } from './measure.ts';
import { periodText } from './period.ts';

/**
 * "no new serious finding since the last rating": the periods with a matching
 * fact after the last period marked by `after`. With no mark at all, every
 * matching period counts (nothing has reset the count), and the explanation says so.
 */
export const SinceLastMeasure = Type.Object(
  { kind: Type.Literal('since-last'), after: DescribedRef(ConditionSchema, doc('标记条件:最近一次符合此条件的记录所在期别之后才计', 'the mark: only periods after the last fact matching this count')) },
  { additionalProperties: false, ...doc('自最近一次标记(如上次评定)之后,有符合条件记录的期数', 'periods with a matching fact since the last marked period (e.g. the last rating)') },
);
export type SinceLastMeasure = Static<typeof SinceLastMeasure>;

export const sinceLast: PeriodMeasureImpl<SinceLastMeasure> = {
  kind: 'since-last',
  mark: (m) => m.after,
  needsDates: false,
  measure(_m, p) {
    if (p.marks.length === 0) {
      return { value: p.matched.length, zh: `无标记记录,全部计入:${list(p.matched, p.unit)};共 ${p.matched.length} 期` };
    }
    const last = p.marks[p.marks.length - 1] as number;
    const after = p.matched.filter((x) => x > last);
    return { value: after.length, zh: `最近一次标记在 ${periodText(last, p.unit)};其后符合条件的期别:${list(after, p.unit)};共 ${after.length} 期` };
  },
};
