import type { Static } from '@sinclair/typebox';
import { doc, KindUnion } from '../kind-union.ts';
import { BonusMethod } from './bonus.ts';
import { DeductionMethod } from './deduction.ts';
import { FormulaMethod } from './formula.ts';
import { GradedRatingMethod } from './graded-rating.ts';
import { RankDeductionMethod } from './rank-deduction.ts';
import { RankToGradeMethod } from './rank-to-grade.ts';
import { ReportedScoreMethod } from './reported-score.ts';
import { VoteRatioMethod } from './vote-ratio.ts';

/** Every scoring method of a leaf indicator. Adding one: a schema file here, an implementation in engine/methods/. */
export const Method = KindUnion(
  [VoteRatioMethod, DeductionMethod, BonusMethod, GradedRatingMethod, RankDeductionMethod, ReportedScoreMethod, RankToGradeMethod, FormulaMethod],
  doc('计分方法', 'scoring method'),
);
export type Method = Static<typeof Method>;
export type MethodKind = Method['kind'];
export type MethodOf<K extends MethodKind> = Extract<Method, { kind: K }>;

export { BonusMethod, DeductionMethod, FormulaMethod, GradedRatingMethod, RankDeductionMethod, RankToGradeMethod, ReportedScoreMethod, VoteRatioMethod };
