import { Type, type Static } from '@sinclair/typebox';
import { doc } from '../scheme/kind-union.ts';
import { list, type PeriodMeasureImpl } from './measure.ts';
import { periodText } from './period.ts';

/** "末位 in two consecutive monthly bulletins": the longest run of consecutive periods that have a matching fact. */
export const StreakMeasure = Type.Object(
  { kind: Type.Literal('streak') },
  { additionalProperties: false, ...doc('最长连续期数:连续若干期都有符合条件的记录(如连续两个月末位)', 'longest streak: the most consecutive periods that each have a matching fact') },
);
export type StreakMeasure = Static<typeof StreakMeasure>;

export const streak: PeriodMeasureImpl<StreakMeasure> = {
  kind: 'streak',
  mark: () => undefined,
  needsDates: false,
  measure(_m, p) {
    let best = 0;
    let bestEnd = 0;
    let run = 0;
    for (let i = 0; i < p.matched.length; i++) {
      const x = p.matched[i] as number;
      run = i > 0 && x === (p.matched[i - 1] as number) + 1 ? run + 1 : 1;
      if (run > best) {
        best = run;
        bestEnd = x;
      }
    }
    const where = best === 0 ? '' : `(${periodText(bestEnd - best + 1, p.unit)} 至 ${periodText(bestEnd, p.unit)})`;
    return { value: best, zh: `符合条件的期别:${list(p.matched, p.unit)};最长连续 ${best} 期${where}` };
  },
};
