import type { RosterUnit } from '../data/dataset.ts';
import type { FactIndex, IndexedFact } from './facts-index.ts';

/** Facts that concern a unit: its own, and those about its parent (they apply to every unit of the parent). */
export function unitFacts(facts: FactIndex, unit: RosterUnit, type: string): readonly IndexedFact[] {
  const own = facts.ofUnit(type, unit.id);
  if (unit.parent === undefined) return own;
  const ofParent = facts.ofParent(type, unit.parent);
  return ofParent.length === 0 ? own : [...own, ...ofParent];
}
