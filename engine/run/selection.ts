import type { Dataset } from '../data/dataset.ts';
import type { Selection } from '../scheme/flow.ts';
import type { Scheme } from '../scheme/scheme.ts';
import type { IndexedFact } from '../facts/facts-index.ts';
import { rankUnits, type Rankable } from './rank.ts';
import type { SelectionResult } from './result.ts';

/**
 * C.1: candidates for a later round. Units carried over from an earlier year's
 * outcome enter first, then units an office listed as facts (`listed`); the top N and
 * bottom N are then taken from the other units on the basis (ties at a cut broken as
 * declared), so the round has carry-overs + listed + N + N units, as the documents
 * count them (50 + 50 + 10 = 110).
 */
export function select(s: Selection, scheme: Scheme, items: readonly Rankable[], data: Dataset, listed: ReadonlyMap<string, IndexedFact> = new Map(), hint?: Map<string, number>): SelectionResult {
  const members: SelectionResult['members'] = [];
  const entered = new Set<string>();
  const scored = new Set(items.map((i) => i.unit));
  if (s.carryOver) {
    const year = scheme.year - s.carryOver.yearsAgo;
    for (const h of data.history ?? []) {
      if (h.year === year && h.outcome === s.carryOver.outcome && scored.has(h.unit) && !entered.has(h.unit)) {
        entered.add(h.unit);
        members.push({ unit: h.unit, reason: 'carry-over' });
      }
    }
  }
  for (const it of items) {
    const f = listed.get(it.unit);
    if (f && !entered.has(it.unit)) {
      entered.add(it.unit);
      members.push({ unit: it.unit, reason: 'listed', fact: f.ref });
    }
  }
  const { entries } = rankUnits(
    items.filter((i) => !entered.has(i.unit)),
    s.tieBreak,
    hint,
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
