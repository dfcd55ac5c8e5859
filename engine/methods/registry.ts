import type { MethodKind } from '../scheme/methods/index.ts';
import { bonus } from './bonus.ts';
import { deduction } from './deduction.ts';
import { formula } from './formula.ts';
import { gradedRating } from './graded-rating.ts';
import type { ScoringMethod } from './method.ts';
import { rankDeduction } from './rank-deduction.ts';
import { rankToGrade } from './rank-to-grade.ts';
import { reportedScore } from './reported-score.ts';
import { voteRatio } from './vote-ratio.ts';

/** The one complete table of scoring methods: a kind without an entry here does not compile. */
export const METHODS = {
  'vote-ratio': voteRatio,
  deduction,
  bonus,
  'graded-rating': gradedRating,
  'rank-deduction': rankDeduction,
  'reported-score': reportedScore,
  'rank-to-grade': rankToGrade,
  formula,
// each method folds into a state of its own type; the table only fixes that every kind has one
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
} as const satisfies { [K in MethodKind]: ScoringMethod<K, any> };
