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

/**
 * Whether a condition reads the roster entries `$unit` / `$parent` of the scope
 * (conservative: every branch is walked). A condition that does not is given
 * the fact itself (the same own fields as the scope), sparing a scope copy per
 * fact — a season holds millions.
 */
export function readsRoster(c: unknown): boolean {
  if (c === null || typeof c !== 'object') return false;
  if (Array.isArray(c)) return c.some(readsRoster);
  const r = c as Record<string, unknown>;
  return r.fact === '$unit' || r.fact === '$parent' || readsRoster(r.all) || readsRoster(r.any) || readsRoster(r.not);
}
