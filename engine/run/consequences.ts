import type { RosterUnit } from '../data/dataset.ts';
import type { Consequence } from '../scheme/flow.ts';
import type { FactRef } from '../trace.ts';
import type { FactIndex, RosterIndex } from '../facts/facts-index.ts';
import type { ClassResult, ConsequenceResult } from './result.ts';
import { matchingFacts } from './veto.ts';

/**
 * C.4: consequences per parent (考绩 ±) or per unit, of a class or of a fact directly
 * (a verified problem → 通报批评); a heavier one may replace a lighter one for the same unit.
 */
export function consequencesOf(list: readonly Consequence[], classes: readonly ClassResult[], roster: RosterIndex, facts: FactIndex, scored: readonly RosterUnit[]): ConsequenceResult[] {
  const out = new Map<string, ConsequenceResult>();
  const add = (q: Consequence, unit: string, why: { class: string } | { fact: FactRef }) => {
    const id = q.target === 'parent' ? roster.units.get(unit)?.parent : unit;
    if (id === undefined) return;
    const key = `${q.target}:${id}`;
    const r = out.get(key) ?? { target: q.target, id, items: [], totals: {} };
    r.items.push({
      consequence: q.id,
      name: q.name,
      ...why,
      unit,
      ...(q.measure !== undefined ? { measure: q.measure } : {}),
      ...(q.points !== undefined ? { points: q.points } : {}),
      ...(q.note !== undefined ? { note: q.note } : {}),
      source: q.source,
    });
    out.set(key, r);
  };
  const classById = new Map(classes.map((c) => [c.id, c]));
  for (const q of list) {
    if (q.onFact) {
      for (const [unit, f] of matchingFacts(facts, roster, scored, q.onFact.factType, q.onFact.when)) add(q, unit, { fact: f.ref });
    } else if (q.class !== undefined) {
      const cls = classById.get(q.class);
      for (const unit of cls?.units ?? []) add(q, unit, { class: q.class });
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
