import { compileCondition } from '../conditions/index.ts';
import type { RosterUnit } from '../data/dataset.ts';
import type { Veto } from '../scheme/classes.ts';
import type { FactRef } from '../trace.ts';
import type { FactIndex, IndexedFact, RosterIndex } from '../facts/facts-index.ts';
import { factScope } from '../facts/scope.ts';
import { unitFacts } from '../facts/unit-facts.ts';

/** A veto that hit a unit: the fact behind it and the clause. */
export interface VetoHit {
  veto: string;
  name: string;
  effect: Veto['effect'];
  fact: FactRef;
  source: string;
}

/** The first fact of `type` (own or the parent's) for which `when` holds, per unit. */
export function matchingFacts(facts: FactIndex, roster: RosterIndex, units: readonly RosterUnit[], type: string, when: Veto['when']): Map<string, IndexedFact> {
  const test = when ? compileCondition(when) : undefined;
  const out = new Map<string, IndexedFact>();
  for (const u of units) {
    const parent = roster.parentOf(u);
    const hit = unitFacts(facts, u, type).find((f) => !test || test(factScope(f.fact, u, parent)));
    if (hit) out.set(u.id, hit);
  }
  return out;
}

/** Every veto each unit is subject to, in the scheme's order. */
export function findVetoes(vetoes: readonly Veto[], facts: FactIndex, roster: RosterIndex, units: readonly RosterUnit[]): Map<string, VetoHit[]> {
  const out = new Map<string, VetoHit[]>();
  for (const v of vetoes) {
    for (const [unit, f] of matchingFacts(facts, roster, units, v.factType, v.when)) {
      const list = out.get(unit) ?? [];
      list.push({ veto: v.id, name: v.name, effect: v.effect, fact: f.ref, source: v.source });
      out.set(unit, list);
    }
  }
  return out;
}

/** Whether a veto keeps a unit out of a class (removed, kept out by a forced class, or capped below it). */
export function keepsOut(hit: VetoHit, cls: string): boolean {
  const e = hit.effect;
  switch (e.kind) {
    case 'force':
      return (e.removeFrom ?? []).includes(cls);
    case 'remove':
      return e.classes.includes(cls);
    case 'cap':
      return e.above.includes(cls);
    default: {
      const never: never = e;
      return never;
    }
  }
}
