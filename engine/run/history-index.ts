import type { HistoryRecord } from '../data/dataset.ts';

/**
 * Earlier years' outcomes by unit, built once: asking "did unit U have outcome
 * O in year Y" is then a lookup, not a scan of the whole history (20,000 units
 * × 40,000 history lines would be 800 million comparisons).
 */
export class HistoryIndex {
  private readonly byUnit = new Map<string, Set<string>>();

  constructor(history: readonly HistoryRecord[]) {
    for (const h of history) {
      let set = this.byUnit.get(h.unit);
      if (!set) this.byUnit.set(h.unit, (set = new Set()));
      set.add(key(h.year, h.outcome));
    }
  }

  has(unit: string, year: number, outcome: string): boolean {
    return this.byUnit.get(unit)?.has(key(year, outcome)) ?? false;
  }
}

const key = (year: number, outcome: string): string => `${year}\u0000${outcome}`;
