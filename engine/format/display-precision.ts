/**
 * One display precision for totals wherever a person reads them (the ranked
 * table, the trace, `--json`, the diff's impact): the scheme declares it
 * (`display.digits`), or it follows the declared rounding of the total, or 3
 * digits. Display only: the engine computes with the full values.
 */
import { roundTo } from '../numbers.ts';
import type { Scheme } from '../scheme/scheme.ts';

export const DEFAULT_DISPLAY_DIGITS = 3;

export function displayDigits(scheme: Pick<Scheme, 'display' | 'rounding'>): number {
  return scheme.display?.digits ?? scheme.rounding?.total?.digits ?? DEFAULT_DISPLAY_DIGITS;
}

/** The number as shown: rounded half-up (四舍五入) to `digits`, trailing zeros dropped. */
export function displayNumber(x: number, digits: number): number {
  return Number.isFinite(x) ? roundTo(x, digits, 'half-up') : x;
}

export function formatPoints(x: number, digits: number): string {
  return String(displayNumber(x, digits));
}
