/**
 * Units whose place in the headline ranking was decided by roster order: each
 * unit after an equal neighbour that only roster order told apart, and that
 * neighbour too. The CLI marks them `*` in its table, the editor's preview
 * likewise: a place decided by the roster's order is not a place earned.
 */
import type { RunResult } from '../run/result.ts';

export const TIE_MARK = '*';

export function rosterOrderTies(r: Pick<RunResult, 'rankings'>): Set<string> {
  const out = new Set<string>();
  for (const ranking of r.rankings.slice(0, 1)) {
    for (const g of ranking.groups) {
      g.entries.forEach((e, i) => {
        if (e.tieBrokenBy !== 'roster-order') return;
        out.add(e.unit);
        const prev = g.entries[i - 1];
        if (prev) out.add(prev.unit);
      });
    }
  }
  return out;
}
