import type { Classification, ScoreBand } from '../scheme/classes.ts';
import type { SemanticContext } from './semantic-context.ts';

type BandClass = Extract<Classification, { kind: 'band' }>;

/** Whether some value lies in both bands, each end's inclusion as declared (85 ≤ v and v < 85 share nothing). */
export function bandsOverlap(a: Pick<ScoreBand, 'lower' | 'upper'>, b: Pick<ScoreBand, 'lower' | 'upper'>): boolean {
  const lowers = [a.lower, b.lower].filter((x) => x !== undefined);
  const uppers = [a.upper, b.upper].filter((x) => x !== undefined);
  // the tighter end of each side: the higher lower bound (exclusive wins a tie), the lower upper bound
  const lo = lowers.reduce<(typeof lowers)[number] | undefined>((m, x) => (m === undefined || x.value > m.value || (x.value === m.value && !x.inclusive) ? x : m), undefined);
  const hi = uppers.reduce<(typeof uppers)[number] | undefined>((m, x) => (m === undefined || x.value < m.value || (x.value === m.value && !x.inclusive) ? x : m), undefined);
  if (lo === undefined || hi === undefined) return true;
  return lo.value < hi.value || (lo.value === hi.value && lo.inclusive && hi.inclusive);
}

const sameBasis = (a: ScoreBand['basis'], b: ScoreBand['basis']): boolean => a.kind === b.kind && (a.kind === 'total' || (b.kind === 'indicator' && a.id === b.id));

/**
 * Two band classes on the same basis among the same units (same `within`) whose ranges
 * share a value put a unit in both: almost always a slip at an end (85 written inclusive
 * on both sides). A scheme that means it says so with `excludes` (the later class then
 * leaves the earlier one's units out), and is not warned.
 */
export function checkBandOverlap(ctx: SemanticContext, classes: readonly Classification[]): void {
  // an unbounded band is already an error (band-unbounded): it would overlap everything, say it once
  const bands = classes.flatMap((c, i) => (c.kind === 'band' && (c.band.lower !== undefined || c.band.upper !== undefined) ? [{ c, i }] : [])) as { c: BandClass; i: number }[];
  for (const [k, b] of bands.entries()) {
    for (const a of bands.slice(0, k)) {
      if (a.c.within !== b.c.within || !sameBasis(a.c.band.basis, b.c.band.basis)) continue;
      if ((b.c.excludes ?? []).includes(a.c.id) || (a.c.excludes ?? []).includes(b.c.id)) continue;
      if (!bandsOverlap(a.c.band, b.c.band)) continue;
      ctx.warn(
        'band-overlap',
        `/classifications/${b.i}/band`,
        `分数带“${b.c.name}”与“${a.c.name}”(/classifications/${a.i}/band)有重叠:落在重叠处的单位同属两个等次;如确是此意,请在后者写 excludes`,
        `band of ${b.c.id} overlaps the band of ${a.c.id} (/classifications/${a.i}/band): a unit in the overlap is in both classes; if meant, say so with excludes`,
      );
    }
  }
}
