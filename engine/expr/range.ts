/**
 * What is known of a number before any data is seen: bounds (possibly
 * infinite) and whether it can be zero. Enough to prove a divisor is never
 * zero, or to say that it may be — the check errs on the side of "may".
 */
export interface Range {
  lo: number;
  hi: number;
  /** Proven never to be 0 even where lo ≤ 0 ≤ hi (e.g. after `x != 0` in a guard). */
  nonzero: boolean;
}

export const ANY: Range = { lo: -Infinity, hi: Infinity, nonzero: false };
export const exact = (v: number): Range => ({ lo: v, hi: v, nonzero: v !== 0 });
export const atLeast = (lo: number): Range => ({ lo, hi: Infinity, nonzero: lo > 0 });
export const between = (lo: number, hi: number): Range => ({ lo, hi, nonzero: lo > 0 || hi < 0 });

export const mayBeZero = (r: Range): boolean => !r.nonzero && r.lo <= 0 && r.hi >= 0;

export function union(a: Range, b: Range): Range {
  return { lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi), nonzero: !mayBeZero(a) && !mayBeZero(b) };
}

export function add(a: Range, b: Range, sign: 1 | -1): Range {
  const lo = sign === 1 ? a.lo + b.lo : a.lo - b.hi;
  const hi = sign === 1 ? a.hi + b.hi : a.hi - b.lo;
  // ∞ − ∞ is NaN: nothing is known then
  return Number.isNaN(lo) || Number.isNaN(hi) ? ANY : between(lo, hi);
}

export function multiply(a: Range, b: Range): Range {
  const ps = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi];
  if (ps.some(Number.isNaN)) return { ...ANY, nonzero: !mayBeZero(a) && !mayBeZero(b) };
  return { lo: Math.min(...ps), hi: Math.max(...ps), nonzero: !mayBeZero(a) && !mayBeZero(b) };
}

/** Only the sign is tracked through a division: enough for ratios of counts. */
export function divide(a: Range, b: Range): Range {
  const nonzero = !mayBeZero(a);
  if (b.lo > 0 && a.lo >= 0) return { lo: 0, hi: Infinity, nonzero };
  if (b.lo > 0 && a.hi <= 0) return { lo: -Infinity, hi: 0, nonzero };
  return { ...ANY, nonzero };
}

export const negate = (a: Range): Range => ({ lo: -a.hi, hi: -a.lo, nonzero: a.nonzero });

export function minOf(rs: readonly Range[], which: 'min' | 'max'): Range {
  const pick = which === 'min' ? Math.min : Math.max;
  const lo = pick(...rs.map((r) => r.lo));
  const hi = pick(...rs.map((r) => r.hi));
  return { lo, hi, nonzero: lo > 0 || hi < 0 };
}

export function abs(a: Range): Range {
  if (a.lo >= 0) return a;
  if (a.hi <= 0) return negate(a);
  return { lo: 0, hi: Math.max(-a.lo, a.hi), nonzero: a.nonzero };
}

/**
 * A guard's knowledge of a name: `x > 0`, `x >= 1`, `x != 0`, `x < 0` in the
 * condition of `if` hold in its then-branch; `x = 0` fails in its else-branch.
 */
export function refine(r: Range, op: string, c: number, holds: boolean): Range {
  const eff = holds ? op : ({ '>': '<=', '>=': '<', '<': '>=', '<=': '>', '=': '!=', '!=': '=' } as Record<string, string>)[op];
  switch (eff) {
    case '>':
      return c >= 0 ? { lo: Math.max(r.lo, c), hi: r.hi, nonzero: true } : r;
    case '>=':
      return c > 0 ? { lo: Math.max(r.lo, c), hi: r.hi, nonzero: true } : { ...r, lo: Math.max(r.lo, c) };
    case '<':
      return c <= 0 ? { lo: r.lo, hi: Math.min(r.hi, c), nonzero: true } : r;
    case '<=':
      return c < 0 ? { lo: r.lo, hi: Math.min(r.hi, c), nonzero: true } : { ...r, hi: Math.min(r.hi, c) };
    case '!=':
      return c === 0 ? { ...r, nonzero: true } : r;
    case '=':
      return exact(c);
    default:
      return r;
  }
}
