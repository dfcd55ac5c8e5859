import type { Fact, RosterParent, RosterUnit } from '../data/dataset.ts';

/**
 * What a rule condition sees: the fact's own fields by name, plus the roster
 * entries of the unit and parent as `$unit` and `$parent` (test their
 * attributes with a path, e.g. `{ fact: "$unit", path: "$.category" }`).
 */
export function factScope(fact: Fact, unit: RosterUnit | undefined, parent: RosterParent | undefined): Record<string, unknown> {
  return { ...fact, $unit: unit, $parent: parent };
}

export function unitScope(unit: RosterUnit | undefined, parent: RosterParent | undefined): Record<string, unknown> {
  return { $unit: unit, $parent: parent };
}
