import type { HistoryRecord } from '../data/dataset.ts';
import { shareCount } from '../numbers.ts';
import type { Classification, Consequence } from '../scheme/flow.ts';
import type { ClassResult, ConsequenceResult, RankingResult } from './result.ts';
import type { RosterIndex } from './facts-index.ts';
import { HistoryIndex } from './history-index.ts';

/**
 * C.3: classes are the top or bottom of a ranking, in each of its groups
 * (per category when the ranking is), by count or percent; `within` takes
 * them from an earlier class (the 3 最不满意 among the 10 不满意); `excludes`
 * keeps a unit out of two opposite classes when the pool is small;
 * `history` keeps, of the units taken by place, only those whose earlier
 * years hold an outcome (last this year and last year → 连续两年倒数第一).
 */
export function classify(classes: readonly Classification[], rankings: readonly RankingResult[], history: readonly HistoryRecord[] = [], year = 0): ClassResult[] {
  const done = new Map<string, ClassResult>();
  const past = new HistoryIndex(history);
  for (const c of classes) {
    const h = c.history;
    const years = h ? h.yearsAgo.map((n) => year - n) : [];
    const hasHistory = (unit: string) => !h || years.every((y) => past.has(unit, y, h.outcome));
    const ranking = rankings.find((r) => r.id === c.ranking);
    const units: string[] = [];
    for (const g of ranking?.groups ?? []) {
      const taken = new Set((c.excludes ?? []).flatMap((x) => done.get(x)?.units ?? []));
      const inside = c.within === undefined ? undefined : new Set(done.get(c.within)?.units ?? []);
      const pool = (inside ? g.entries.filter((e) => inside.has(e.unit)) : g.entries).filter((e) => !taken.has(e.unit));
      const n = c.count ?? shareCount(pool.length, c.percent ?? 0, c.rounding ?? 'floor');
      const ordered = c.from === 'top' ? pool : [...pool].reverse();
      units.push(...ordered.slice(0, n).map((e) => e.unit).filter(hasHistory));
    }
    done.set(c.id, { id: c.id, name: c.name, units });
  }
  return [...done.values()];
}

/** C.4: consequences of the classes, per parent (考绩 ±) or per unit. */
export function consequencesOf(list: readonly Consequence[], classes: readonly ClassResult[], roster: RosterIndex): ConsequenceResult[] {
  const out = new Map<string, ConsequenceResult>();
  const byId = new Map(classes.map((c) => [c.id, c]));
  for (const q of list) {
    const cls = byId.get(q.class);
    for (const unit of cls?.units ?? []) {
      const id = q.target === 'parent' ? roster.units.get(unit)?.parent : unit;
      if (id === undefined) continue;
      const key = `${q.target}:${id}`;
      const r = out.get(key) ?? { target: q.target, id, items: [], totals: {} };
      r.items.push({
        consequence: q.id,
        name: q.name,
        class: q.class,
        unit,
        ...(q.measure !== undefined ? { measure: q.measure } : {}),
        ...(q.points !== undefined ? { points: q.points } : {}),
        ...(q.note !== undefined ? { note: q.note } : {}),
        source: q.source,
      });
      out.set(key, r);
    }
  }
  // a heavier consequence replaces a lighter one for the same unit (最不满意 −10 instead of 不满意 −5)
  // (indexed: consequence → those that replace it, and the unit–consequence pairs present, so the check stays linear)
  const replacers = new Map<string, string[]>();
  for (const q of list) if (q.replaces !== undefined) replacers.set(q.replaces, [...(replacers.get(q.replaces) ?? []), q.id]);
  for (const r of out.values()) {
    const present = new Set(r.items.map((i) => `${i.unit}\u0000${i.consequence}`));
    r.items = r.items.filter((i) => !(replacers.get(i.consequence) ?? []).some((q) => present.has(`${i.unit}\u0000${q}`)));
    r.totals = {};
    for (const i of r.items) if (i.points !== undefined) r.totals[i.measure ?? 'points'] = (r.totals[i.measure ?? 'points'] ?? 0) + i.points;
  }
  return [...out.values()];
}
