import type { Dataset } from '../data/dataset.ts';
import type { Selection } from '../scheme/flow.ts';
import type { Scheme } from '../scheme/scheme.ts';
import { rankUnits, type Rankable } from './rank.ts';
import type { SelectionResult } from './result.ts';

/**
 * C.1: candidates for a later round. Units carried over from an earlier
 * year's outcome enter first; the top N and bottom N are then taken from the
 * other units on the basis (ties at a cut broken as declared), so the round
 * has carry-overs + N + N units, as the documents count them (50 + 50 + 10 = 110).
 */
export function select(s: Selection, scheme: Scheme, items: readonly Rankable[], data: Dataset): SelectionResult {
  const members: SelectionResult['members'] = [];
  const carried = new Set<string>();
  if (s.carryOver) {
    const year = scheme.year - s.carryOver.yearsAgo;
    const scored = new Set(items.map((i) => i.unit));
    for (const h of data.history ?? []) {
      if (h.year === year && h.outcome === s.carryOver.outcome && scored.has(h.unit) && !carried.has(h.unit)) {
        carried.add(h.unit);
        members.push({ unit: h.unit, reason: 'carry-over' });
      }
    }
  }
  const { entries } = rankUnits(
    items.filter((i) => !carried.has(i.unit)),
    s.tieBreak,
  );
  const top = entries.slice(0, s.top);
  const taken = new Set(top.map((e) => e.unit));
  top.forEach((e, i) => members.push({ unit: e.unit, reason: 'top', place: i + 1 }));
  const bottom = entries
    .map((e, i) => ({ e, place: i + 1 }))
    .reverse()
    .filter(({ e }) => !taken.has(e.unit))
    .slice(0, s.bottom);
  for (const { e, place } of bottom) members.push({ unit: e.unit, reason: 'bottom', place });
  return { id: s.id, name: s.name, members };
}
