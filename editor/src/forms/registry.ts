/**
 * The domain form of each scoring method, in one complete table keyed by
 * kind, the way engine/methods/registry.ts lists the methods: a new method
 * does not type-check until it is given a form here or, explicitly, none yet
 * (`undefined`: only the generic 高级 form, which always stays available).
 */
import type { ComponentType } from 'react';
import type { MethodKind } from '../../../engine/scheme/methods/index.ts';
import type { MethodFormProps } from './adjustment-form.tsx';
import { BonusForm } from './bonus-form.tsx';
import { DeductionForm } from './deduction-form.tsx';

export const METHOD_FORMS = {
  deduction: DeductionForm,
  bonus: BonusForm,
  // not yet: these are edited with the generic form under 高级 (issue 18 item 2 is partial)
  'vote-ratio': undefined,
  'graded-rating': undefined,
  'rank-deduction': undefined,
  'reported-score': undefined,
  'rank-to-grade': undefined,
  // the formula field with completion of input names is still to come (issue 20 item 1)
  formula: undefined,
} as const satisfies Record<MethodKind, ComponentType<MethodFormProps> | undefined>;

export function methodForm(kind: unknown): ComponentType<MethodFormProps> | undefined {
  return typeof kind === 'string' && kind in METHOD_FORMS ? METHOD_FORMS[kind as MethodKind] : undefined;
}
