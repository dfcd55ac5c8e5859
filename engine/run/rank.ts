import type { TieBreak } from '../scheme/flow.ts';

export interface Rankable {
  unit: string;
  value: number;
  /** Values of the indicators a tie-break may consult. */
  keys: (indicator: string) => number;
  order: number;
}

export interface RankedEntry {
  unit: string;
  value: number;
  rank: number;
  /** Which tie-break decided this unit's place against an equal neighbour, if any. */
  tieBrokenBy?: string;
}

export interface RankOutcome {
  entries: RankedEntry[];
  /** Groups of units still tied when the scheme forbids ties (`otherwise: error`). */
  unresolvedTies: string[][];
}

/**
 * Sort descending by value, break ties by the declared keys in order, then by
 * the declared fallback. Ranks are competition ranks (1, 2, 2, 4) only when
 * the fallback is `shared`; otherwise every place is distinct.
 */
export function rankUnits(items: readonly Rankable[], tie: TieBreak, hint?: Map<string, number>): RankOutcome {
  const cmpKeys = (a: Rankable, b: Rankable): { c: number; by?: string } => {
    for (const k of tie.keys) {
      const d = k.order === 'desc' ? b.keys(k.id) - a.keys(k.id) : a.keys(k.id) - b.keys(k.id);
      if (d !== 0) return { c: d, by: `indicator:${k.id}` };
    }
    return { c: 0 };
  };
  // the sort's comparator allocates nothing (it runs n log n times on every live append)
  const keyOrder = (a: Rankable, b: Rankable): number => {
    for (const k of tie.keys) {
      const d = k.order === 'desc' ? b.keys(k.id) - a.keys(k.id) : a.keys(k.id) - b.keys(k.id);
      if (d !== 0) return d;
    }
    return 0;
  };
  // the order is total (roster order last), so the outcome does not depend on the input order; given in the
  // last ranking's order (`hint`), a live append's few moved units make the sort nearly linear
  const sorted = hint === undefined ? [...items] : inHintOrder(items, hint);
  sorted.sort((a, b) => b.value - a.value || keyOrder(a, b) || (tie.otherwise === 'shared' ? 0 : a.order - b.order) || a.order - b.order);
  if (hint) {
    hint.clear();
    sorted.forEach((it, i) => hint.set(it.unit, i));
  }
  const entries: RankedEntry[] = [];
  const unresolved: string[][] = [];
  let run: string[] = [];
  sorted.forEach((it, i) => {
    const prev = sorted[i - 1];
    const sameValue = prev !== undefined && prev.value === it.value;
    const fullTie = sameValue && cmpKeys(prev, it).c === 0;
    let rank = i + 1;
    let by: string | undefined;
    if (sameValue) {
      by = fullTie ? (tie.otherwise === 'shared' ? undefined : tie.otherwise) : cmpKeys(prev, it).by;
      if (fullTie && tie.otherwise === 'shared') rank = (entries[i - 1] as RankedEntry).rank;
    }
    if (fullTie) run.push(it.unit);
    else {
      if (run.length > 1) unresolved.push(run);
      run = [it.unit];
    }
    entries.push(by === undefined ? { unit: it.unit, value: it.value, rank } : { unit: it.unit, value: it.value, rank, tieBrokenBy: by });
  });
  if (run.length > 1) unresolved.push(run);
  return { entries, unresolvedTies: tie.otherwise === 'error' ? unresolved : [] };
}

/** Items placed where the last ranking had them (new ones after), in one pass. */
function inHintOrder(items: readonly Rankable[], hint: ReadonlyMap<string, number>): Rankable[] {
  const placed: Array<Rankable | undefined> = new Array(hint.size);
  const rest: Rankable[] = [];
  for (const it of items) {
    const at = hint.get(it.unit);
    if (at === undefined || at >= placed.length || placed[at] !== undefined) rest.push(it);
    else placed[at] = it;
  }
  const out: Rankable[] = [];
  for (const it of placed) if (it !== undefined) out.push(it);
  for (const it of rest) out.push(it);
  return out;
}
