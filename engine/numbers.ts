/**
 * Numbers as the documents mean them. Scores are decimals with few digits;
 * binary floating point adds noise (0.1 + 0.2). Every number the engine
 * reports goes through `clean`, which snaps it to 9 decimals — far below any
 * rounding a scheme declares — and declared rounding works on the decimal
 * text of the cleaned value, so 2.45 → 2.5 (half-up) as a person computes it.
 */
export function clean(x: number): number {
  if (!Number.isFinite(x)) return x;
  const r = Math.round(x * 1e9) / 1e9;
  return Object.is(r, -0) ? 0 : r;
}

export type RoundingMode = 'half-up' | 'half-even' | 'floor' | 'ceil';

/** Shift the decimal point by `digits` exactly, through the decimal exponent notation. */
function shift(x: number, digits: number): number {
  const [mantissa, exp = '0'] = String(x).split('e');
  return Number(`${mantissa}e${Number(exp) + digits}`);
}

export function roundTo(x: number, digits: number, mode: RoundingMode): number {
  const v = clean(x);
  const scaled = shift(v, digits);
  let r: number;
  switch (mode) {
    case 'half-up':
      // half away from zero, as in 四舍五入
      r = Math.sign(scaled) * Math.round(Math.abs(scaled));
      break;
    case 'half-even': {
      const f = Math.floor(scaled);
      const diff = scaled - f;
      r = diff > 0.5 ? f + 1 : diff < 0.5 ? f : f % 2 === 0 ? f : f + 1;
      break;
    }
    case 'floor':
      r = Math.floor(scaled);
      break;
    case 'ceil':
      r = Math.ceil(scaled);
      break;
    default:
      return assertNever(mode);
  }
  return clean(shift(r, -digits));
}

/** Count for a share of n: `percent`% of n, turned into an integer as declared. */
export function shareCount(n: number, percent: number, rounding: 'floor' | 'ceil' | 'round'): number {
  const exact = clean((n * percent) / 100);
  switch (rounding) {
    case 'floor':
      return Math.floor(exact);
    case 'ceil':
      return Math.ceil(exact);
    case 'round':
      return Math.round(exact);
    default:
      return assertNever(rounding);
  }
}

export function sum(values: Iterable<number>): number {
  let s = 0;
  for (const v of values) s += v;
  return clean(s);
}

export function assertNever(x: never): never {
  throw new Error(`unreachable: ${JSON.stringify(x)}`);
}
