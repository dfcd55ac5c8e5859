import type { Scheme } from './scheme/scheme.ts';

/** The words messages use for an evaluated unit and its parent, as the scheme's document says them. */
export interface UnitWords {
  unit: string;
  parent: string;
}

export const DEFAULT_WORDS: UnitWords = Object.freeze({ unit: '参评单位', parent: '主管单位' });

export function wordsOf(scheme: Pick<Scheme, 'terms'>): UnitWords {
  return { unit: scheme.terms?.unit ?? DEFAULT_WORDS.unit, parent: scheme.terms?.parent ?? DEFAULT_WORDS.parent };
}
