import type { CompiledCondition } from '../conditions/index.ts';

/**
 * Which rules of a table can match a fact, found without testing them all.
 *
 * A case table is a list of rules that mostly begin with "field X equals Y"
 * (`item = eight-rules`, `track = party`): testing each rule in turn costs a
 * condition per rule per fact, for a million facts. As a rules engine's alpha
 * network does, the table is indexed once by the field that guards the most
 * rules: a fact's value of that field picks the short list of rules that can
 * match, in table order; the others cannot, because their guard is false.
 *
 * The decision stays exactly the compiled condition's (and so json-rules-
 * engine's): the candidates are still tested whole, and a rule is left out only
 * when its guard leaf is false and every leaf before it in its `all` is one
 * that cannot throw, so skipping it hides no error the full test would raise.
 */
export interface Guarded {
  when: CompiledCondition | undefined;
  /** The rule's condition as written in the scheme (read for its guard). */
  condition: unknown;
}

export interface Dispatch<R> {
  /** The rules that can match a scope, in table order. */
  candidates(scope: Readonly<Record<string, unknown>>): readonly R[];
}

const isOwnEnumerable = Object.prototype.propertyIsEnumerable;

type Key = string | number | boolean | null;

/** `field` equals one of `values` (an `equal`, or an `in` over a list), as a guard. */
interface Guard {
  field: string;
  values: readonly Key[];
}

export function dispatchOf<R extends Guarded>(rules: readonly R[]): Dispatch<R> {
  const guards = rules.map((r) => guardsOf(r.condition));
  const field = bestField(guards);
  if (field === undefined) return { candidates: () => rules };
  const guardOn = guards.map((gs) => gs.find((g) => g.field === field));
  const keys = new Set<Key>(guardOn.flatMap((g) => g?.values ?? []));
  const rest = rules.filter((_, i) => guardOn[i] === undefined);
  const byKey = new Map<Key, readonly R[]>();
  for (const k of keys) byKey.set(k, rules.filter((_, i) => { const g = guardOn[i]; return g === undefined || g.values.includes(k); }));
  return {
    candidates(scope) {
      // read as a compiled leaf reads it: own enumerable fields only
      const v = isOwnEnumerable.call(scope, field) ? scope[field] : undefined;
      return (isKey(v) ? byKey.get(v) : undefined) ?? rest;
    },
  };
}

/** The field guarding the most rules (at least two, else a plain scan is as fast). */
function bestField(guards: readonly Guard[][]): string | undefined {
  const count = new Map<string, number>();
  for (const gs of guards) for (const f of new Set(gs.map((g) => g.field))) count.set(f, (count.get(f) ?? 0) + 1);
  let best: string | undefined;
  let n = 1;
  for (const [f, c] of count) if (c > n) [best, n] = [f, c];
  return best;
}

/** The guards a condition starts with: a leaf alone, or the leaves of a top-level `all` up to the first that may throw. */
function guardsOf(c: unknown): Guard[] {
  if (!isRecord(c)) return [];
  const leaves: unknown[] = Object.hasOwn(c, 'all') && Array.isArray(c.all) && Object.keys(c).length === 1 ? c.all : Object.hasOwn(c, 'fact') ? [c] : [];
  const out: Guard[] = [];
  for (const leaf of leaves) {
    if (!isRecord(leaf) || !Object.hasOwn(leaf, 'fact')) break; // a nested any/all/not: stop, it may throw
    const g = guardOf(leaf);
    if (g) out.push(g);
    if (!cannotThrow(leaf)) break;
  }
  return out;
}

function guardOf(leaf: Record<string, unknown>): Guard | undefined {
  const { fact, operator, value } = leaf;
  if (typeof fact !== 'string' || fact.startsWith('$') || Object.hasOwn(leaf, 'path')) return undefined;
  if (operator === 'equal' && isKey(value)) return { field: fact, values: [value] };
  if (operator === 'in' && Array.isArray(value) && value.every(isKey)) return { field: fact, values: value };
  return undefined;
}

/** Leaves whose test is `===` or `indexOf` on an array: no coercion, so no throw whatever the fact holds. */
function cannotThrow(leaf: Record<string, unknown>): boolean {
  if (Object.hasOwn(leaf, 'path')) return false;
  switch (leaf.operator) {
    case 'equal':
    case 'notEqual':
    case 'contains':
    case 'doesNotContain':
      return true;
    case 'in':
    case 'notIn':
      return Array.isArray(leaf.value);
    default:
      return false;
  }
}

/** A value a Map finds exactly as `===` does (NaN, the one difference, never comes from JSON and is kept out). */
function isKey(v: unknown): v is Key {
  return v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && !Number.isNaN(v));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
